package io.github.srboot.ddl;

/**
 * A StarRocks schema object that a {@code CREATE} statement defines: a table, a view or an asynchronous materialized view.
 */
public sealed interface SchemaObject permits Table, View, MaterializedView {

    /**
     * The object's name, unqualified (no database).
     * @return the name, never blank
     */
    String name();

}
