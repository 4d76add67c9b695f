package io.github.srboot.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.github.srboot.streamload.cdc.ChangeOperation;
import io.github.srboot.streamload.cdc.ChangeRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Debezium envelope as the connectors document it (Debezium's MySQL and PostgreSQL connector pages, "Data
 * change events": {@code before}, {@code after}, {@code op} c/u/d/r/t, {@code source} with {@code file},
 * {@code pos}, {@code row} for MySQL and {@code lsn} for PostgreSQL, the JSON converter's {@code schema}/
 * {@code payload} wrapper, tombstones after deletes). These are Debezium's shapes, not StarRocks answers.
 */
class DebeziumJsonMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DebeziumJsonMapper mapper = new DebeziumJsonMapper(JSON);

    private static final String KEY = "{\"id\":1004}";

    private static final String MYSQL_SOURCE = "{\"connector\":\"mysql\",\"name\":\"dbserver1\",\"db\":\"inventory\","
            + "\"table\":\"customers\",\"file\":\"mysql-bin.000003\",\"pos\":4696,\"row\":2}";

    private static final String ROW = "{\"id\":1004,\"first_name\":\"Anne\",\"email\":\"annek@noanswer.org\"}";

    private static ConsumerRecord<Object, Object> record(Object key, Object value) {
        return new ConsumerRecord<>("dbserver1.inventory.customers", 2, 17, key, value);
    }

    private static String event(String op, String before, String after, String source) {
        return "{\"before\":" + before + ",\"after\":" + after + ",\"source\":" + source + ",\"op\":\"" + op
                + "\",\"ts_ms\":1559033904863}";
    }

    private SourceChange map(Object key, Object value) {
        Optional<SourceChange> change = this.mapper.map(record(key, value));
        assertThat(change).isPresent();
        return change.get();
    }

    @Test
    void createIsAnInsertOfTheAfterRowKeyedByTheRecordKey() throws Exception {
        SourceChange change = map(KEY, event("c", "null", ROW, MYSQL_SOURCE));
        assertThat(change.sourceTable()).isEqualTo("customers");
        ChangeRecord record = change.change();
        assertThat(record.operation()).isEqualTo(ChangeOperation.INSERT);
        assertThat(record.key()).containsExactly(org.assertj.core.api.Assertions.entry("id", 1004));
        assertThat(record.values()).isEqualTo(JSON.readTree(ROW));
        assertThat(record.version()).isEqualTo(DebeziumJsonMapper.binlogVersion("mysql-bin.000003", 4696, 2));
    }

    @Test
    void snapshotReadIsAnInsertAndUpdateCarriesTheAfterRow() throws Exception {
        assertThat(map(KEY, event("r", "null", ROW, MYSQL_SOURCE)).change().operation())
            .isEqualTo(ChangeOperation.INSERT);
        ChangeRecord update = map(KEY, event("u", ROW, ROW.replace("Anne", "Anne Marie"), MYSQL_SOURCE)).change();
        assertThat(update.operation()).isEqualTo(ChangeOperation.UPDATE);
        assertThat(((ObjectNode) update.values()).get("first_name").textValue()).isEqualTo("Anne Marie");
        assertThat(update.isPartial()).isFalse();
    }

    @Test
    void deleteCarriesTheBeforeImageWhenTheEventHasOne() throws Exception {
        ChangeRecord withImage = map(KEY, event("d", ROW, "null", MYSQL_SOURCE)).change();
        assertThat(withImage.operation()).isEqualTo(ChangeOperation.DELETE);
        assertThat(withImage.values()).isEqualTo(JSON.readTree(ROW));
        ChangeRecord without = map(KEY, event("d", "null", "null", MYSQL_SOURCE)).change();
        assertThat(without.operation()).isEqualTo(ChangeOperation.DELETE);
        assertThat(without.values()).isNull();
    }

    @Test
    void theJsonConvertersSchemaWrapperIsUnwrappedInKeyAndValue() {
        String key = "{\"schema\":{\"type\":\"struct\"},\"payload\":" + KEY + "}";
        String value = "{\"schema\":{\"type\":\"struct\"},\"payload\":" + event("c", "null", ROW, MYSQL_SOURCE) + "}";
        ChangeRecord record = map(key, value).change();
        assertThat(record.key()).containsEntry("id", 1004);
        assertThat(((ObjectNode) record.values()).get("email").textValue()).isEqualTo("annek@noanswer.org");
    }

    @Test
    void bytesAndJsonTreesAreReadLikeText() throws Exception {
        String value = event("c", "null", ROW, MYSQL_SOURCE);
        ChangeRecord fromBytes = map(KEY.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8))
            .change();
        ChangeRecord fromTree = map(JSON.readTree(KEY), JSON.readTree(value)).change();
        assertThat(fromBytes).isEqualTo(fromTree);
    }

    @Test
    void postgresChangesAreVersionedByTheirLsn() {
        String source = "{\"connector\":\"postgresql\",\"db\":\"postgres\",\"schema\":\"inventory\","
                + "\"table\":\"customers\",\"txId\":556,\"lsn\":24023128,\"xmin\":null}";
        assertThat(map(KEY, event("u", "null", ROW, source)).change().version()).isEqualTo(24023128L);
    }

    @Test
    void tombstonesAndEventsWithoutARowChangeAreSkipped() {
        assertThat(this.mapper.map(record(KEY, null))).isEmpty();
        assertThat(this.mapper.map(record(KEY, ""))).isEmpty();
        assertThat(this.mapper.map(record(KEY, new byte[0]))).isEmpty();
        // A schema-change event (the connector's schema change topic): DDL, no op.
        assertThat(this.mapper.map(record("{\"databaseName\":\"inventory\"}",
                "{\"source\":" + MYSQL_SOURCE + ",\"databaseName\":\"inventory\",\"ddl\":\"ALTER TABLE customers "
                        + "ADD COLUMN middle_name VARCHAR(255)\",\"tableChanges\":[]}")))
            .isEmpty();
        // A heartbeat and a transaction-metadata event: no op either.
        assertThat(this.mapper.map(record("{\"serverName\":\"dbserver1\"}", "{\"ts_ms\":1559033904863}"))).isEmpty();
        assertThat(this.mapper.map(record("{\"id\":\"571:53195829\"}",
                "{\"status\":\"BEGIN\",\"id\":\"571:53195829\",\"event_count\":null}")))
            .isEmpty();
        // A PostgreSQL logical decoding message.
        assertThat(this.mapper.map(record(KEY, event("m", "null", "null", MYSQL_SOURCE)))).isEmpty();
    }

    @Test
    void truncateIsRefusedNamingTheRecordAndTheConnectorSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.map(record(KEY,
                event("t", "null", "null", MYSQL_SOURCE))))
            .withMessageContaining("dbserver1.inventory.customers-2@17")
            .withMessageContaining("truncate")
            .withMessageContaining("skipped.operations=t");
    }

    @Test
    void unknownOperationIsRefused() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.mapper.map(record(KEY, event("x", "null", ROW, MYSQL_SOURCE))))
            .withMessageContaining("operation 'x'");
    }

    @Test
    void recordWithoutKeyColumnsIsRefused() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.mapper.map(record(null, event("c", "null", ROW, MYSQL_SOURCE))))
            .withMessageContaining("message.key.columns")
            .withMessageContaining("@17");
    }

    @Test
    void eventWithoutPositionIsRefusedNamingTheConnector() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.mapper.map(record(KEY,
                    event("c", "null", ROW, "{\"connector\":\"sqlserver\",\"table\":\"customers\"}"))))
            .withMessageContaining("sqlserver")
            .withMessageContaining("ChangeEventMapper");
    }

    @Test
    void createWithoutAfterRowIsRefused() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.mapper.map(record(KEY, event("c", "null", "null", MYSQL_SOURCE))))
            .withMessageContaining("no 'after' row");
    }

    @Test
    void valueThatIsNotJsonIsRefusedNamingTheRecord() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.map(record(KEY, "{not json")))
            .withMessageContaining("value of dbserver1.inventory.customers-2@17 is not JSON");
        assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.map(record(KEY, 42)))
            .withMessageContaining("java.lang.Integer");
    }

    @Test
    void binlogVersionsGrowWithRowPositionAndFile() {
        long first = DebeziumJsonMapper.binlogVersion("mysql-bin.000003", 4696, 0);
        long nextRow = DebeziumJsonMapper.binlogVersion("mysql-bin.000003", 4696, 1);
        long lastRowOfEvent = DebeziumJsonMapper.binlogVersion("mysql-bin.000003", 4696, 2047);
        long nextEvent = DebeziumJsonMapper.binlogVersion("mysql-bin.000003", 4697, 0);
        long endOfFile = DebeziumJsonMapper.binlogVersion("mysql-bin.000003", 0xFFFF_FFFFL, 2047);
        long nextFile = DebeziumJsonMapper.binlogVersion("mysql-bin.000004", 4, 0);
        assertThat(first).isLessThan(nextRow);
        assertThat(nextRow).isLessThan(lastRowOfEvent);
        assertThat(lastRowOfEvent).isLessThan(nextEvent);
        assertThat(nextEvent).isLessThan(endOfFile);
        assertThat(endOfFile).isLessThan(nextFile);
        assertThat(DebeziumJsonMapper.binlogVersion("mysql-bin.999999", 0xFFFF_FFFFL, 2047)).isPositive();
    }

    @Test
    void binlogPartsOutsideTheirBitsAreRefusedNamingTheValue() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> DebeziumJsonMapper.binlogVersion("mysql-bin.000003", 1L << 32, 0))
            .withMessageContaining("4294967296");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> DebeziumJsonMapper.binlogVersion("mysql-bin.000003", 4, 2048))
            .withMessageContaining("2048")
            .withMessageContaining("binlog_row_event_max_size");
        assertThatIllegalArgumentException().isThrownBy(() -> DebeziumJsonMapper.binlogVersion("mysql-bin", 4, 0))
            .withMessageContaining("'mysql-bin'");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> DebeziumJsonMapper.binlogVersion("mysql-bin.1048576", 4, 0))
            .withMessageContaining("1048576");
    }

}
