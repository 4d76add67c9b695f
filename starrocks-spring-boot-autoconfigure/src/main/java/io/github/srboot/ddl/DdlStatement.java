package io.github.srboot.ddl;

/**
 * A DDL statement the printer renders ({@link Ddl#render(DdlStatement)}).
 */
public sealed interface DdlStatement permits CreateObject, AlterTable, AlterView, AlterMaterializedView, DropObject,
        TruncateTable, CreateDatabase, DropDatabase {
}
