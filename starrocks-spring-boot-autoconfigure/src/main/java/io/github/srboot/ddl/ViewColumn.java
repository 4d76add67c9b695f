package io.github.srboot.ddl;

/**
 * A column of a view's or materialized view's column list: {@code `name` [COMMENT ".."]}.
 *
 * @param name the column name
 * @param comment the comment, or null when none
 */
public record ViewColumn(String name, String comment) {

    /**
     * Checks the name.
     */
    public ViewColumn {
        Names.require("view column", name);
        comment = Names.comment(comment);
    }

    /**
     * A column without comment.
     * @param name the name
     * @return the column
     */
    public static ViewColumn of(String name) {
        return new ViewColumn(name, null);
    }

}
