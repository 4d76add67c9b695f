/**
 * The migration check without a server: an application's Flyway migrations applied to an embedded StarRocks and
 * compared with its desired schema through the schema diff, as a JUnit assertion ({@link MigrationCheck}) and a
 * command ({@link MigrationCheckCommand}). Depends on the embedded StarRocks ({@code io.github.srboot.test.sql}),
 * Flyway with the starter's StarRocks database type, and the starter's {@code jdbc} and {@code schema} packages.
 */
package io.github.srboot.test.migration;
