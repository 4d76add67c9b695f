/**
 * Schema diff: desired vs actual models to an ordered {@code MigrationPlan}, desired-schema sources and the
 * Flyway script writer. Depends on {@code ddl} and {@code jdbc}.
 */
package io.github.srboot.schema;
