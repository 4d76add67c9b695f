package io.github.srboot.ddl;

/**
 * One named field of a {@link StructType}.
 *
 * @param name the field name, not blank
 * @param type the field type
 */
public record StructField(String name, DataType type) {

    /**
     * Checks name and type.
     */
    public StructField {
        Names.require("struct field", name);
        if (type == null) {
            throw new DdlValidationException("struct field " + Names.display(name), "the type must not be null");
        }
        AggregateStateType.requireNotNested("struct field " + Names.display(name), type);
    }

}
