package io.github.srboot.test.streamload;

/**
 * One accepted row of a load, ready to be applied: an upsert (or append) or a delete by key.
 *
 * @param delete whether the row deletes its key ({@code __op} = 1)
 * @param values the stored text per table column, {@code null} for NULL
 * @param provided which columns the load supplied (the others keep their value on a partial update)
 */
record RowChange(boolean delete, String[] values, boolean[] provided) {
}
