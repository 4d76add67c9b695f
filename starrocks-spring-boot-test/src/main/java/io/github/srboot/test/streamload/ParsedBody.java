package io.github.srboot.test.streamload;

import java.util.List;

/**
 * The rows of one load body: how many were read, those accepted (empty in counting mode) and the rejected ones.
 *
 * @param totalRows rows read from the body
 * @param accepted rows to apply (not kept in counting mode)
 * @param acceptedCount number of accepted rows
 * @param errors one line per rejected row, as served at the {@code ErrorURL}
 */
record ParsedBody(long totalRows, List<RowChange> accepted, long acceptedCount, List<String> errors) {

    long filteredRows() {
        return this.errors.size();
    }

}
