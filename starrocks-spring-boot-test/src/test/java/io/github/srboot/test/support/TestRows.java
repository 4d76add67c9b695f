package io.github.srboot.test.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test support: rows as ordered maps, written inline.
 */
public final class TestRows {

    private TestRows() {
    }

    /** A row from alternating column names and values, in that order. */
    public static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

}
