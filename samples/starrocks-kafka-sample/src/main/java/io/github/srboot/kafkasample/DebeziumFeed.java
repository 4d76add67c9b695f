package io.github.srboot.kafkasample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The change events of a made-up MySQL source with two tables, {@code customers} and {@code orders}, in Debezium's
 * JSON envelope (key: the primary key; value: {@code before}, {@code after}, {@code op}, {@code source} with the
 * binlog position), and the rows the source holds after them.
 */
final class DebeziumFeed {

    /** The topic of each source table, as Debezium names it: {@code <server>.<database>.<table>}. */
    static final Map<String, String> TOPICS = Map.of("customers", "dbserver1.inventory.customers", "orders",
            "dbserver1.inventory.orders");

    private static final int KEYS_PER_TABLE = 300;

    private final ObjectMapper json = new ObjectMapper();

    /** Every event (key, value) in the order it is sent, by topic; a delete is followed by its tombstone. */
    final Map<String, List<String[]>> events = new LinkedHashMap<>();

    /** The source's rows after the events: by table, by id, {@code name} and {@code qty}. */
    final Map<String, Map<Long, String[]>> rows = new LinkedHashMap<>();

    /** How many events of each kind: c, u, d. */
    final Map<String, Integer> operations = new LinkedHashMap<>();

    DebeziumFeed(int changes, long seed) {
        Random random = new Random(seed);
        List<String> tables = new ArrayList<>(TOPICS.keySet());
        tables.sort(String::compareTo);
        for (int position = 1; position <= changes; position++) {
            String table = tables.get(random.nextInt(tables.size()));
            long id = random.nextInt(KEYS_PER_TABLE);
            Map<Long, String[]> current = this.rows.computeIfAbsent(table, (name) -> new LinkedHashMap<>());
            String[] before = current.get(id);
            String op = (before == null) ? "c" : (random.nextInt(6) == 0) ? "d" : "u";
            String[] after = op.equals("d") ? null : new String[] { table + "-" + position, Integer.toString(position) };
            if (after == null) {
                current.remove(id);
            }
            else {
                current.put(id, after);
            }
            String key = this.json.createObjectNode().put("id", id).toString();
            ObjectNode value = this.json.createObjectNode();
            value.set("before", row(id, before));
            value.set("after", row(id, after));
            value.put("op", op);
            // The binlog position is the change's version: a later event always has a greater one.
            value.putObject("source")
                .put("connector", "mysql")
                .put("db", "inventory")
                .put("table", table)
                .put("file", "mysql-bin.000003")
                .put("pos", 154L + position)
                .put("row", 0);
            value.put("ts_ms", 1_700_000_000_000L + position);
            List<String[]> topic = this.events.computeIfAbsent(TOPICS.get(table), (name) -> new ArrayList<>());
            topic.add(new String[] { key, value.toString() });
            if (op.equals("d")) {
                topic.add(new String[] { key, null });
            }
            this.operations.merge(op, 1, Integer::sum);
        }
    }

    private ObjectNode row(long id, String[] values) {
        if (values == null) {
            return null;
        }
        return this.json.createObjectNode().put("id", id).put("name", values[0]).put("qty",
                Integer.parseInt(values[1]));
    }

    /** All records (events and tombstones). */
    long records() {
        return this.events.values().stream().mapToLong(List::size).sum();
    }

}
