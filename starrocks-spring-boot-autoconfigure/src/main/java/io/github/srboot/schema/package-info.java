/**
 * Schema diff: desired ({@code db/schema/*.sql} files, {@code SchemaObject} beans) vs actual (reflected) models to
 * an ordered {@code MigrationPlan}, applied or written as the next Flyway migration. Depends on {@code ddl} and
 * {@code jdbc}; {@code SchemaDiff} itself is pure.
 */
package io.github.srboot.schema;
