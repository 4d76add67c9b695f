package io.github.srboot.ddl;

import java.util.List;

/**
 * {@code ALTER TABLE [db.]t clause[, clause...]}.
 *
 * @param table the table
 * @param clauses the clauses in order, at least one
 */
public record AlterTable(ObjectName table, List<AlterClause> clauses) implements DdlStatement {

    /**
     * Checks the statement.
     */
    public AlterTable {
        if (table == null) {
            throw new DdlValidationException("ALTER TABLE", "the table must not be null");
        }
        clauses = Lists.copy("ALTER TABLE " + Names.display(table.name()), clauses);
        if (clauses.isEmpty()) {
            throw new DdlValidationException("ALTER TABLE " + Names.display(table.name()), "needs at least one clause");
        }
    }

    /**
     * An ALTER TABLE of an unqualified table.
     * @param table the table name
     * @param clauses the clauses
     * @return the statement
     */
    public static AlterTable of(String table, AlterClause... clauses) {
        return new AlterTable(ObjectName.of(table), List.of(clauses));
    }

}
