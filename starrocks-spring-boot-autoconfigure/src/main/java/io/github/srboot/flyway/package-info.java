/**
 * Flyway on StarRocks: the database type registered through Flyway's plugin SPI (with a lock between concurrent
 * migrators built on load labels), the callback that waits for asynchronous ALTER jobs between migration statements,
 * and the drift check after migrate. Depends on {@code schema},
 * {@code jdbc} and {@code ddl}; nothing depends on it but the auto-configuration.
 */
package io.github.srboot.flyway;
