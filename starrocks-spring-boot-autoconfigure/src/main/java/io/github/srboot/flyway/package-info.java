/**
 * Flyway support for StarRocks: the database type plugin and the callbacks that wait for ALTER jobs.
 * Depends on {@code schema}, {@code jdbc} and {@code ddl}.
 */
package io.github.srboot.flyway;
