package io.github.srboot.jdbc;

import io.github.srboot.ddl.ObjectKind;

/**
 * An object of a database whose definition could not be read into the {@code ddl} model.
 *
 * @param name the object's name
 * @param kind what {@code information_schema} says it is
 * @param reason why it could not be read: the parser's or the consistency check's message
 */
public record UnreadableObject(String name, ObjectKind kind, String reason) {

}
