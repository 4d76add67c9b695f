package io.github.srboot.ddl;

/**
 * {@code ARRAY<element>}.
 *
 * @param element the element type
 */
public record ArrayType(DataType element) implements DataType {

    /**
     * Checks the element type is present.
     */
    public ArrayType {
        if (element == null) {
            throw new DdlValidationException("type ARRAY", "the element type must not be null");
        }
        AggregateStateType.requireNotNested("type ARRAY", element);
    }

    @Override
    public DataType canonical() {
        return new ArrayType(this.element.canonical());
    }

    @Override
    public DataType canonicalFromInformationSchema() {
        return new ArrayType(this.element.canonicalFromInformationSchema());
    }

}
