package io.github.srboot.streamload;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.github.srboot.ddl.ColumnOption;
import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import io.github.srboot.ddl.Table;
import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.CdcSchema;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.test.sql.EmbeddedStarRocksServer;
import io.github.srboot.test.streamload.StreamLoadStubServer;

import static io.github.srboot.test.support.TestRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Table creation and schema evolution of the CDC path against the embedded StarRocks: {@link CdcSchema#of} runs the
 * DDL the {@code ddl} printer renders over JDBC (Connector/J, the query port), reflection reads the tables back, and
 * the changes are loaded over Stream Load into the same tables.
 */
class ChangeSchemaTest {

    private EmbeddedStarRocksServer server;

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    private CdcSchema schema;

    private JdbcTemplate jdbc;

    @BeforeEach
    void start() {
        // schema-change jobs stay RUNNING a moment, so that returning from addColumn shows the wait for the job
        this.server = EmbeddedStarRocksServer.builder()
            .alterJobDurations(Duration.ZERO, Duration.ZERO, Duration.ofMillis(300))
            .build()
            .start();
        this.stub = this.server.stub();
        this.template = StubTemplates.builder(this.stub).build();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(this.server.jdbcUrl(),
                this.server.username(), this.server.password());
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.execute("CREATE DATABASE " + StubTemplates.DATABASE);
        this.schema = CdcSchema.of(new StarRocksTemplate(dataSource,
                new AlterJobPolling(Duration.ofMillis(10), Duration.ofSeconds(30))));
    }

    @AfterEach
    void stop() {
        this.template.close();
        this.server.close();
    }

    /** The DDL the server received (reflection's SHOW and SELECT statements left out). */
    private List<String> ddlReceived() {
        return this.server.statements().stream()
            .filter((statement) -> statement.startsWith("CREATE TABLE") || statement.startsWith("ALTER TABLE"))
            .toList();
    }

    /** A table that exists before the CDC path runs, created over JDBC as an application would. */
    private void existing(Table table) {
        this.jdbc.execute(Ddl.render(new CreateObject(StubTemplates.DATABASE, table, false, false)));
        this.server.reset();
    }

    @Test
    void createsAMissingPrimaryKeyTableWithAuditColumnsFromTheFirstRecords() {
        UUID ref = UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        CdcOptions options = CdcOptions.builder().createTable(true).schema(this.schema)
            .tableProperty("replication_num", "1").build();
        this.template.applyChanges("orders", Flux.just(ChangeRecord.insert(Map.of("order_id", "A-1"),
                row("order_id", "A-1", "amount", new BigDecimal("12.50"), "day", LocalDate.of(2024, 5, 1),
                        "ref", ref, "paid", true), 1)), options)
            .blockLast();

        assertThat(ddlReceived()).containsExactly("CREATE TABLE IF NOT EXISTS `shop`.`orders` (\n"
                + "  `order_id` VARCHAR(128) NOT NULL,\n"
                + "  `amount` DECIMAL(38, 9) NULL,\n"
                + "  `day` DATE NULL,\n"
                + "  `ref` VARCHAR(36) NULL,\n"
                + "  `paid` BOOLEAN NULL,\n"
                + "  `_sr_op_type` TINYINT NULL,\n"
                + "  `_sr_is_deleted` BOOLEAN NULL,\n"
                + "  `_sr_synced_at` DATETIME NULL,\n"
                + "  `_sr_version` BIGINT NULL\n"
                + ")\n"
                + "PRIMARY KEY(`order_id`)\n"
                + "PROPERTIES (\n\"replication_num\" = \"1\"\n)");
        assertThat(this.stub.table("shop", "orders").row("A-1").orElseThrow())
            .containsEntry("amount", "12.500000000").containsEntry("day", "2024-05-01")
            .containsEntry("ref", ref.toString()).containsEntry("paid", "1").containsEntry("_sr_version", "1");
    }

    @Test
    void addsAColumnTheTableLacksThenLoads() {
        existing(Table.builder("people")
            .column("id", ScalarType.of(ScalarKind.BIGINT), ColumnOption.notNull())
            .column("name", ScalarType.of(ScalarKind.STRING))
            .column("_sr_op_type", ScalarType.of(ScalarKind.TINYINT))
            .column("_sr_is_deleted", ScalarType.of(ScalarKind.BOOLEAN))
            .column("_sr_synced_at", ScalarType.of(ScalarKind.DATETIME))
            .column("_sr_version", ScalarType.of(ScalarKind.BIGINT))
            .primaryKey("id")
            .build());
        CdcOptions options = CdcOptions.builder().schemaEvolution(CdcOptions.SchemaEvolution.ADD_COLUMNS)
            .schema(this.schema).build();
        this.template.applyChanges("people", Flux.just(ChangeRecord.insert(Map.of("id", 1L),
                row("id", 1L, "name", "ann"), 1)), options).blockLast();
        this.template.applyChanges("people", Flux.just(ChangeRecord.insert(Map.of("id", 2L),
                row("id", 2L, "name", "bob", "email", "bob@example.com"), 2)), options).blockLast();

        assertThat(ddlReceived())
            .containsExactly("ALTER TABLE `shop`.`people` ADD COLUMN `email` STRING NULL");
        assertThat(this.stub.table("shop", "people").row(2).orElseThrow()).containsEntry("email", "bob@example.com");
        // The row loaded before the column existed keeps its values and holds NULL in the new column.
        assertThat(this.stub.table("shop", "people").row(1).orElseThrow()).containsEntry("name", "ann")
            .containsEntry("email", null);
    }

    @Test
    void addColumnReturnsOnceItsSchemaChangeJobHasFinished() {
        existing(Table.builder("people")
            .column("id", ScalarType.of(ScalarKind.BIGINT), ColumnOption.notNull())
            .primaryKey("id")
            .build());

        this.schema.addColumn("shop", "people", io.github.srboot.ddl.Column.of("email",
                ScalarType.of(ScalarKind.STRING), ColumnOption.nullable()));

        // the job stays RUNNING for 300 ms after the ALTER: asked at once, it would not be FINISHED yet
        assertThat(this.jdbc.queryForList("SHOW ALTER TABLE COLUMN FROM shop WHERE TableName = 'people'"))
            .singleElement()
            .satisfies((job) -> assertThat(job).containsEntry("State", "FINISHED"));
        assertThat(ddlReceived()).containsExactly("ALTER TABLE `shop`.`people` ADD COLUMN `email` STRING NULL");
    }

    @Test
    void aColumnAnotherWriterAddedMeanwhileIsNotAddedAgain() {
        existing(Table.builder("people")
            .column("id", ScalarType.of(ScalarKind.BIGINT), ColumnOption.notNull())
            .column("name", ScalarType.of(ScalarKind.STRING))
            .column("_sr_op_type", ScalarType.of(ScalarKind.TINYINT))
            .column("_sr_is_deleted", ScalarType.of(ScalarKind.BOOLEAN))
            .column("_sr_synced_at", ScalarType.of(ScalarKind.DATETIME))
            .column("_sr_version", ScalarType.of(ScalarKind.BIGINT))
            .primaryKey("id")
            .build());
        CdcOptions options = CdcOptions.builder().schemaEvolution(CdcOptions.SchemaEvolution.ADD_COLUMNS)
            .schema(this.schema).build();
        this.template.applyChanges("people", Flux.just(ChangeRecord.insert(Map.of("id", 1L),
                row("id", 1L, "name", "ann"), 1)), options).blockLast();
        try (StreamLoadTemplate otherWriter = StubTemplates.builder(this.stub).build()) {
            otherWriter.applyChanges("people", Flux.just(ChangeRecord.insert(Map.of("id", 2L),
                    row("id", 2L, "name", "bob", "email", "bob@example.com"), 2)), options).blockLast();
        }

        this.template.applyChanges("people", Flux.just(ChangeRecord.insert(Map.of("id", 3L),
                row("id", 3L, "name", "cy", "email", "cy@example.com"), 3)), options).blockLast();

        assertThat(ddlReceived())
            .containsExactly("ALTER TABLE `shop`.`people` ADD COLUMN `email` STRING NULL");
        assertThat(this.stub.table("shop", "people").row(3).orElseThrow()).containsEntry("email", "cy@example.com");
    }

    @Test
    void aValueWhoseTypeConflictsWithItsColumnFailsNamingBothTypes() {
        existing(Table.builder("events")
            .column("id", ScalarType.of(ScalarKind.BIGINT), ColumnOption.notNull())
            .column("happened", ScalarType.of(ScalarKind.DATE))
            .primaryKey("id")
            .build());
        CdcOptions options = CdcOptions.builder().schemaEvolution(CdcOptions.SchemaEvolution.ADD_COLUMNS)
            .schema(this.schema).build();

        assertThatThrownBy(() -> this.template.applyChanges("events", Flux.just(ChangeRecord.insert(Map.of("id", 1L),
                row("id", 1L, "happened", 42), 1)), options).blockLast())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'happened'")
            .hasMessageContaining("DATE")
            .hasMessageContaining("INT");
        assertThat(ddlReceived()).isEmpty();
        assertThat(this.stub.table("shop", "events").loadedRows()).isZero();
    }

    @Test
    void jsonNodeRecordsAreTypedByTheirScalarValues() throws Exception {
        CdcOptions options = CdcOptions.builder().createTable(true).schema(this.schema).build();
        com.fasterxml.jackson.databind.node.ObjectNode values = (com.fasterxml.jackson.databind.node.ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"id\": 7, \"name\": \"ann\", \"vip\": true, \"tags\": {\"a\": 1}}");
        this.template.applyChanges("members", Flux.just(ChangeRecord.insert(Map.of("id", 7), values, 1)), options)
            .blockLast();

        assertThat(ddlReceived()).singleElement().asString()
            .contains("`id` INT NOT NULL", "`name` STRING NULL", "`vip` BOOLEAN NULL", "`tags` JSON NULL");
        assertThat(this.stub.table("shop", "members").row(7).orElseThrow()).containsEntry("name", "ann")
            .containsEntry("vip", "1");
    }

    @Test
    void aMissingTableFailsWhenCreationIsOff() {
        CdcOptions options = CdcOptions.builder().schemaEvolution(CdcOptions.SchemaEvolution.ADD_COLUMNS)
            .schema(this.schema).build();

        assertThatThrownBy(() -> this.template.applyChanges("nowhere", Flux.just(ChangeRecord.insert(Map.of("id", 1L),
                row("id", 1L), 1)), options).blockLast())
            .hasMessageContaining("'shop.nowhere' does not exist");
    }

}
