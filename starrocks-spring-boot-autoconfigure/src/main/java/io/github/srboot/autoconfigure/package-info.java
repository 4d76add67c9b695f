/**
 * Spring Boot wiring only: {@code @ConfigurationProperties}, connection details and {@code @AutoConfiguration}
 * classes. No logic lives here; it may depend on every other package.
 */
package io.github.srboot.autoconfigure;
