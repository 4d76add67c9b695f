package io.github.srboot.ddl;

/**
 * {@code MAP<key, value>}.
 *
 * @param key the key type
 * @param value the value type
 */
public record MapType(DataType key, DataType value) implements DataType {

    /**
     * Checks both types are present.
     */
    public MapType {
        if (key == null || value == null) {
            throw new DdlValidationException("type MAP", "the key and value types must not be null");
        }
        AggregateStateType.requireNotNested("type MAP", key);
        AggregateStateType.requireNotNested("type MAP", value);
    }

    @Override
    public DataType canonical() {
        return new MapType(this.key.canonical(), this.value.canonical());
    }

    @Override
    public DataType canonicalFromInformationSchema() {
        return new MapType(this.key.canonicalFromInformationSchema(), this.value.canonicalFromInformationSchema());
    }

}
