package io.github.srboot.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.github.srboot.streamload.cdc.ChangeRecord;

/**
 * Reads Debezium's JSON change-event envelope ({@code before}, {@code after}, {@code op}, {@code source}), with or
 * without the JSON converter's {@code schema}/{@code payload} wrapper, from records whose key and value are JSON
 * text ({@code String} or {@code byte[]}) or Jackson trees.
 *
 * <ul>
 * <li>{@code op} {@code c} (create) and {@code r} (snapshot read) become inserts, {@code u} an update with the
 * {@code after} row, {@code d} a delete carrying {@code before} as its before image when the event has one.</li>
 * <li>The key columns are the record key's fields (Debezium keys each event by the table's primary key).</li>
 * <li>The version is the source position: PostgreSQL's {@code source.lsn}; MySQL's {@code source.file},
 * {@code pos} and {@code row} packed into one number (see {@link #binlogVersion}).</li>
 * <li>Skipped: tombstones (a null or empty value, which Debezium sends after a delete for log compaction), events
 * without {@code op} (schema-change, heartbeat and transaction-metadata events) and {@code op} {@code m} (logical
 * decoding messages).</li>
 * <li>Refused: {@code op} {@code t} (a truncate is no row change; have the connector skip it with
 * {@code skipped.operations=t}) and any other operation.</li>
 * </ul>
 *
 * <p>Column values are passed on as they are in the JSON: Debezium's default encodings of temporal and decimal
 * columns (numbers since the epoch, base64 decimals) reach StarRocks as such unless the connector is configured to
 * send text, or a mapper of your own converts them.
 */
public final class DebeziumJsonMapper implements ChangeEventMapper {

    /** Bits of a binlog version holding the binlog file's sequence number. */
    static final int FILE_BITS = 20;

    /** Bits holding the event's position in its file (MySQL positions are 32-bit). */
    static final int POSITION_BITS = 32;

    /** Bits holding the row's index within its binlog event. */
    static final int ROW_BITS = 11;

    private final ObjectMapper mapper;

    /**
     * A mapper parsing JSON text with {@code mapper}.
     */
    public DebeziumJsonMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<SourceChange> map(ConsumerRecord<?, ?> record) {
        JsonNode value = unwrap(read(record.value(), "value", record));
        if (value == null || value.isNull()) {
            // A tombstone: Debezium follows each delete with one so that log compaction can drop the key.
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException("The value of " + where(record) + " is not a JSON object but "
                    + value.getNodeType() + ".");
        }
        JsonNode op = value.get("op");
        if (op == null || op.isNull()) {
            // Schema-change, heartbeat and transaction-metadata events carry no row change.
            return Optional.empty();
        }
        String operation = op.asText();
        if (operation.equals("m")) {
            return Optional.empty();
        }
        JsonNode source = value.get("source");
        if (source == null || !source.isObject()) {
            throw new IllegalArgumentException("The Debezium event at " + where(record) + " has no 'source' block, "
                    + "so neither its table nor its position is known.");
        }
        String table = text(source, "table");
        if (table == null) {
            throw new IllegalArgumentException("The Debezium event at " + where(record)
                    + " names no source.table; route its topic to a table or fix the envelope.");
        }
        long version = version(source, record);
        Map<String, Object> key = key(record);
        ChangeRecord change = switch (operation) {
            case "c", "r" -> ChangeRecord.insert(key, row(value, "after", operation, record), version);
            case "u" -> ChangeRecord.update(key, row(value, "after", operation, record), version);
            case "d" -> {
                JsonNode before = value.get("before");
                yield (before != null && before.isObject()) ? ChangeRecord.delete(key, before, version)
                        : ChangeRecord.delete(key, version);
            }
            case "t" -> throw new IllegalArgumentException("The Debezium event at " + where(record)
                    + " is a truncate of '" + table + "', which is no row change and is not applied; have the "
                    + "connector skip truncates (skipped.operations=t) or truncate the StarRocks table yourself.");
            default -> throw new IllegalArgumentException("The Debezium event at " + where(record)
                    + " has operation '" + operation + "'; only c, r, u, d (and m, skipped) are known.");
        };
        return Optional.of(new SourceChange(table, change));
    }

    /**
     * The version of a MySQL change: the binlog file's sequence number (the digits after the last dot of
     * {@code file}), the event's position and the row's index within the event, packed so that a later change
     * always has a greater version. A binlog that is reset ({@code RESET MASTER}) or a source with other file
     * names breaks that order.
     * @throws IllegalArgumentException when a part does not fit its bits ({@value #FILE_BITS}, {@value #POSITION_BITS}
     * and {@value #ROW_BITS})
     */
    static long binlogVersion(String file, long position, long row) {
        int dot = file.lastIndexOf('.');
        long sequence;
        try {
            sequence = Long.parseLong(file.substring(dot + 1));
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("The binlog file name '" + file
                    + "' does not end in a sequence number, so its changes cannot be ordered.", ex);
        }
        requireFits("binlog file sequence of '" + file + "'", sequence, FILE_BITS);
        requireFits("binlog position", position, POSITION_BITS);
        requireFits("row index within a binlog event (binlog_row_event_max_size makes events smaller)", row,
                ROW_BITS);
        return (sequence << (POSITION_BITS + ROW_BITS)) | (position << ROW_BITS) | row;
    }

    private static void requireFits(String what, long value, int bits) {
        if (value < 0 || value >= (1L << bits)) {
            throw new IllegalArgumentException("The " + what + " is " + value + ", outside 0.." + ((1L << bits) - 1)
                    + ": the change cannot be given a version.");
        }
    }

    private static long version(JsonNode source, ConsumerRecord<?, ?> record) {
        JsonNode lsn = source.get("lsn");
        if (lsn != null && lsn.canConvertToLong()) {
            return lsn.longValue();
        }
        JsonNode file = source.get("file");
        JsonNode position = source.get("pos");
        if (file != null && file.isTextual() && position != null && position.canConvertToLong()) {
            JsonNode row = source.get("row");
            return binlogVersion(file.textValue(), position.longValue(),
                    (row != null && row.canConvertToLong()) ? row.longValue() : 0);
        }
        throw new IllegalArgumentException("The Debezium event at " + where(record) + " (connector '"
                + text(source, "connector") + "') has neither source.lsn nor source.file/pos; implement a "
                + "ChangeEventMapper that gives its changes a growing version.");
    }

    private Map<String, Object> key(ConsumerRecord<?, ?> record) {
        JsonNode key = unwrap(read(record.key(), "key", record));
        if (key == null || !key.isObject() || key.isEmpty()) {
            throw new IllegalArgumentException("The record at " + where(record) + " has no key columns (key "
                    + key + "); Debezium keys events by the table's primary key, so a table without one needs the "
                    + "connector's message.key.columns.");
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : key.properties()) {
            JsonNode value = field.getValue();
            columns.put(field.getKey(), value.isNull() ? null : value.isTextual() ? value.textValue()
                    : value.isBoolean() ? (Object) value.booleanValue()
                    : value.isNumber() ? value.numberValue() : value);
        }
        return columns;
    }

    private static ObjectNode row(JsonNode value, String field, String operation, ConsumerRecord<?, ?> record) {
        JsonNode row = value.get(field);
        if (row == null || !row.isObject()) {
            throw new IllegalArgumentException("The Debezium '" + operation + "' event at " + where(record)
                    + " has no '" + field + "' row.");
        }
        return (ObjectNode) row;
    }

    /** The JSON converter's {@code payload} when it wraps the envelope with its {@code schema}. */
    private static JsonNode unwrap(JsonNode node) {
        if (node != null && node.isObject() && node.has("schema") && node.has("payload") && !node.has("op")) {
            return node.get("payload");
        }
        return node;
    }

    private JsonNode read(Object raw, String part, ConsumerRecord<?, ?> record) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof JsonNode node) {
            return node;
        }
        try {
            if (raw instanceof String text) {
                return text.isEmpty() ? null : this.mapper.readTree(text);
            }
            if (raw instanceof byte[] bytes) {
                return (bytes.length == 0) ? null : this.mapper.readTree(new String(bytes, StandardCharsets.UTF_8));
            }
        }
        catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("The " + part + " of " + where(record) + " is not JSON: "
                    + ex.getOriginalMessage(), ex);
        }
        throw new IllegalArgumentException("The " + part + " of " + where(record) + " is a "
                + raw.getClass().getName() + "; the Debezium mapper reads String, byte[] or JsonNode (use a "
                + "String or ByteArray deserializer).");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return (value == null || value.isNull()) ? null : value.asText();
    }

    static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

}
