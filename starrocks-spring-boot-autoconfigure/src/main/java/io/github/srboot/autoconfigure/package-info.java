/**
 * Spring Boot wiring: {@code @ConfigurationProperties} and their checks, connection details, {@code @AutoConfiguration}
 * classes, and the start-up help (failure analyzers, the unknown-property report). No StarRocks logic lives here; it
 * may depend on every other package.
 */
package io.github.srboot.autoconfigure;
