package io.github.srboot.jdbc;

import java.util.List;

import io.github.srboot.ddl.SchemaObject;

/**
 * A database read into the {@code ddl} model: the objects that were read, and those whose definition could not be
 * (syntax newer than the parser, a server answer that contradicts itself), each with the reason.
 *
 * @param objects the objects read, sorted by name
 * @param unreadable the objects that could not be read, sorted by name
 */
public record ReflectedSchema(List<SchemaObject> objects, List<UnreadableObject> unreadable) {

    /**
     * Copies the lists.
     */
    public ReflectedSchema {
        objects = List.copyOf(objects);
        unreadable = List.copyOf(unreadable);
    }

}
