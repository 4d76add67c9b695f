package io.github.srboot.sample;

import java.util.List;

import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.schema.SchemaChange;

/**
 * Short log text for schema objects and changes.
 */
final class SchemaText {

    private SchemaText() {
    }

    /**
     * The objects as {@code [Table orders, View open_orders]}.
     */
    static String names(List<SchemaObject> objects) {
        return objects.stream().map((object) -> object.getClass().getSimpleName() + " " + object.name()).toList()
            .toString();
    }

    /**
     * One line per change: kind, object and flags.
     */
    static String headline(SchemaChange change) {
        return change.kind() + " " + change.object() + (change.asynchronous() ? " (asynchronous)" : "")
                + (change.destructive() ? " (destructive)" : "") + (change.refused() ? " (refused)" : "");
    }

}
