package io.github.srboot.ddl;

/**
 * Where {@code ADD COLUMN} / {@code MODIFY COLUMN} puts a column: {@code FIRST} or {@code AFTER `c`}.
 */
public sealed interface ColumnPosition {

    /**
     * {@code FIRST}.
     */
    record First() implements ColumnPosition {
    }

    /**
     * {@code AFTER `column`}.
     *
     * @param column the column to follow
     */
    record After(String column) implements ColumnPosition {

        /**
         * Checks the name.
         */
        public After {
            Names.require("AFTER column", column);
        }

    }

    /**
     * {@code FIRST}.
     * @return the position
     */
    static ColumnPosition first() {
        return new First();
    }

    /**
     * {@code AFTER `column`}.
     * @param column the column to follow
     * @return the position
     */
    static ColumnPosition after(String column) {
        return new After(column);
    }

}
