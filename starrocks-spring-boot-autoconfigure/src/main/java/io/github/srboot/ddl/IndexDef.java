package io.github.srboot.ddl;

import java.util.List;
import java.util.Map;

/**
 * An index inside the column list: {@code INDEX name (cols) USING type [("k" = "v")] [COMMENT ".."]}.
 *
 * @param name the index name
 * @param columns the indexed columns, at least one
 * @param type the index kind
 * @param properties index properties in written order (GIN parser, NGRAMBF gram_num...), never null
 * @param comment the comment, or null when none
 */
public record IndexDef(String name, List<String> columns, IndexType type, Map<String, String> properties,
        String comment) {

    /**
     * Checks the index.
     */
    public IndexDef {
        Names.require("index", name);
        comment = Names.comment(comment);
        String subject = "index " + Names.display(name);
        columns = Lists.names(subject + " column", columns);
        if (columns.isEmpty()) {
            throw new DdlValidationException(subject, "needs at least one column");
        }
        if (type == null) {
            throw new DdlValidationException(subject, "the index type must not be null");
        }
        properties = Lists.properties(subject, properties);
    }

    /**
     * A bitmap index on one column.
     * @param name the index name
     * @param column the column
     * @return the index
     */
    public static IndexDef bitmap(String name, String column) {
        return new IndexDef(name, List.of(column), IndexType.BITMAP, Map.of(), null);
    }

}
