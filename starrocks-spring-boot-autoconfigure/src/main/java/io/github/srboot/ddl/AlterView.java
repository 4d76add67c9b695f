package io.github.srboot.ddl;

import java.util.List;

/**
 * {@code ALTER VIEW [db.]v [(cols)] AS query}.
 *
 * @param view the view
 * @param columns the column list, empty when not written
 * @param query the new query, verbatim
 */
public record AlterView(ObjectName view, List<ViewColumn> columns, String query) implements DdlStatement {

    /**
     * Checks the statement.
     */
    public AlterView {
        if (view == null) {
            throw new DdlValidationException("ALTER VIEW", "the view must not be null");
        }
        String subject = "view " + Names.display(view.name());
        columns = Lists.copy(subject, columns);
        View.requireUniqueColumns(subject, columns);
        query = SqlText.query(subject, query);
    }

}
