package io.github.srboot.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.srboot.streamload.StubTemplates;
import io.github.srboot.test.streamload.StubTable;

/**
 * Test support: Debezium-shaped change events of MySQL tables {@code (id BIGINT, name VARCHAR(64), qty INT)} (the
 * envelope as Debezium's MySQL connector documents it: key = the primary key fields, value = {@code before},
 * {@code after}, {@code source} with {@code table}, {@code file}, {@code pos}, {@code row}, and {@code op}), the stub
 * tables they are applied to, and the state a table must end in.
 */
final class DebeziumEvents {

    private DebeziumEvents() {
    }

    /** A Primary Key table {@code shop.<name>(id, name, qty)} with the CDC audit columns. */
    static StubTable table(String name) {
        return StubTemplates.withAuditColumns(StubTable.builder(StubTemplates.DATABASE, name)
            .column("id", "BIGINT")
            .column("name", "VARCHAR(64)")
            .column("qty", "INT")).primaryKey("id").build();
    }

    /** The record key of a row. */
    static String key(long id) {
        return "{\"id\":" + id + "}";
    }

    /** A row as the envelope carries it. */
    static String row(long id, String name, int qty) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"qty\":" + qty + "}";
    }

    /** A change event: op c, u or d; {@code before}/{@code after} rows or {@code null}; position {@code pos}. */
    static String event(String table, String op, String before, String after, long pos) {
        return "{\"before\":" + before + ",\"after\":" + after + ",\"source\":{\"connector\":\"mysql\","
                + "\"name\":\"dbserver1\",\"db\":\"inventory\",\"table\":\"" + table + "\",\"file\":"
                + "\"mysql-bin.000001\",\"pos\":" + pos + ",\"row\":0},\"op\":\"" + op + "\",\"ts_ms\":" + pos + "}";
    }

    /** What a table holds after a sequence of changes: live rows by id. */
    static final class Expected {

        private final Map<Long, String[]> rows = new HashMap<>();

        void upsert(long id, String name, int qty) {
            this.rows.put(id, new String[] { name, Integer.toString(qty) });
        }

        void delete(long id) {
            this.rows.remove(id);
        }

        boolean contains(long id) {
            return this.rows.containsKey(id);
        }

        /**
         * Keys the table lacks or holds with other values (lost), and keys it holds that the source deleted or never
         * had (extra), as counts.
         */
        int[] compare(List<Map<String, String>> stored) {
            Map<Long, Map<String, String>> byId = new TreeMap<>();
            stored.forEach((row) -> byId.put(Long.parseLong(row.get("id")), row));
            int lost = 0;
            int extra = 0;
            for (Map.Entry<Long, String[]> expected : this.rows.entrySet()) {
                Map<String, String> row = byId.get(expected.getKey());
                if (row == null || !expected.getValue()[0].equals(row.get("name"))
                        || !expected.getValue()[1].equals(row.get("qty"))) {
                    lost++;
                }
            }
            for (Long id : byId.keySet()) {
                if (!this.rows.containsKey(id)) {
                    extra++;
                }
            }
            return new int[] { lost, extra };
        }

    }

}
