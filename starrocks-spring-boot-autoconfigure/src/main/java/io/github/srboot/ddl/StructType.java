package io.github.srboot.ddl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code STRUCT<name type, ...>}.
 *
 * @param fields the fields in order, at least one, names unique (case-insensitive)
 */
public record StructType(List<StructField> fields) implements DataType {

    /**
     * Checks the fields.
     */
    public StructType {
        fields = (fields != null) ? List.copyOf(fields) : List.of();
        if (fields.isEmpty()) {
            throw new DdlValidationException("type STRUCT", "needs at least one field");
        }
        Set<String> seen = new HashSet<>();
        for (StructField field : fields) {
            if (!seen.add(Names.fold(field.name()))) {
                throw new DdlValidationException("type STRUCT", "field " + Names.display(field.name()) + " appears twice");
            }
        }
    }

    @Override
    public DataType canonical() {
        return new StructType(this.fields.stream().map((f) -> new StructField(f.name(), f.type().canonical())).toList());
    }

    @Override
    public DataType canonicalFromInformationSchema() {
        return new StructType(this.fields.stream()
            .map((f) -> new StructField(f.name(), f.type().canonicalFromInformationSchema()))
            .toList());
    }

}
