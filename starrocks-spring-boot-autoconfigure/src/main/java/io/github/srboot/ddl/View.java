package io.github.srboot.ddl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A logical view: {@code CREATE VIEW name [(cols)] [COMMENT ".."] [SECURITY ..] AS query}.
 *
 * @param name the view name (unqualified)
 * @param columns the column list, empty when not written
 * @param comment the comment, or null when none
 * @param security the security clause, or null when not written
 * @param query the defining query, verbatim (only leading and trailing whitespace removed)
 */
public record View(String name, List<ViewColumn> columns, String comment, ViewSecurity security, String query)
        implements SchemaObject {

    /**
     * Checks the view.
     */
    public View {
        Names.require("view", name);
        comment = Names.comment(comment);
        String subject = "view " + Names.display(name);
        columns = Lists.copy(subject, columns);
        requireUniqueColumns(subject, columns);
        query = SqlText.query(subject, query);
    }

    static void requireUniqueColumns(String subject, List<ViewColumn> columns) {
        Set<String> seen = new HashSet<>();
        for (ViewColumn column : columns) {
            if (!seen.add(Names.fold(column.name()))) {
                throw new DdlValidationException(subject, "column " + Names.display(column.name()) + " is listed twice");
            }
        }
    }

    /**
     * A view with only a name and a query.
     * @param name the view name
     * @param query the query
     * @return the view
     */
    public static View of(String name, String query) {
        return new View(name, List.of(), null, null, query);
    }

}
