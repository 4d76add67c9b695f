/**
 * Testcontainers support: {@link io.github.srboot.test.containers.StarRocksContainer} (the all-in-one image) and the
 * {@code @ServiceConnection} factory supplying {@code StarRocksConnectionDetails}. Depends on Testcontainers, Spring
 * Boot's Testcontainers support and the {@code ddl} model.
 */
package io.github.srboot.test.containers;
