package io.github.srboot.schema;

import java.util.Locale;

import io.github.srboot.ddl.MaterializedView;
import io.github.srboot.ddl.ObjectKind;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import io.github.srboot.ddl.View;

/**
 * Names the schema object a change applies to.
 *
 * @param kind the kind of object
 * @param name the unqualified object name
 */
public record ObjectRef(ObjectKind kind, String name) {

    /**
     * Checks both parts are present.
     */
    public ObjectRef {
        if (kind == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("An object reference needs a kind and a name, got " + kind + " " + name);
        }
    }

    /**
     * The reference to an object of the model.
     * @param object a table, view or materialized view
     * @return its reference
     */
    public static ObjectRef of(SchemaObject object) {
        return new ObjectRef(kindOf(object), object.name());
    }

    /**
     * The kind of an object of the model.
     * @param object a table, view or materialized view
     * @return its kind
     */
    public static ObjectKind kindOf(SchemaObject object) {
        if (object instanceof Table) {
            return ObjectKind.TABLE;
        }
        if (object instanceof View) {
            return ObjectKind.VIEW;
        }
        if (object instanceof MaterializedView) {
            return ObjectKind.MATERIALIZED_VIEW;
        }
        throw new IllegalArgumentException("Not a table, view or materialized view: " + object);
    }

    /**
     * The unqualified statement name of the object.
     * @return the name for statements
     */
    ObjectName objectName() {
        return ObjectName.of(this.name);
    }

    /**
     * The kind in words, e.g. {@code materialized view}.
     * @return the lower-case kind
     */
    public String kindName() {
        return this.kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public String toString() {
        return kindName() + " " + this.name;
    }

}
