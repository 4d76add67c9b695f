package io.github.srboot.test.containers;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.srboot.ddl.AggregationType;
import io.github.srboot.ddl.AlterClause;
import io.github.srboot.ddl.AlterTable;
import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DefaultValue;
import io.github.srboot.ddl.DropDatabase;
import io.github.srboot.ddl.ExpressionPartitionDesc;
import io.github.srboot.ddl.HashDistribution;
import io.github.srboot.ddl.IndexDef;
import io.github.srboot.ddl.Interval;
import io.github.srboot.ddl.IntervalUnit;
import io.github.srboot.ddl.ListPartition;
import io.github.srboot.ddl.ListPartitionDesc;
import io.github.srboot.ddl.MaterializedView;
import io.github.srboot.ddl.ObjectKind;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.ddl.RangePartition;
import io.github.srboot.ddl.RangePartitionDesc;
import io.github.srboot.ddl.RefreshScheme;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import io.github.srboot.ddl.View;
import io.github.srboot.ddl.ViewColumn;
import io.github.srboot.ddl.ViewSecurity;
import io.github.srboot.jdbc.AlterJob;
import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.AlterJobType;
import io.github.srboot.jdbc.StarRocksObjectExistsException;
import io.github.srboot.jdbc.StarRocksObjectNotFoundException;
import io.github.srboot.jdbc.StarRocksSchemaChangeInProgressException;
import io.github.srboot.jdbc.StarRocksSqlExceptionTranslator;
import io.github.srboot.jdbc.StarRocksSyntaxException;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.jdbc.StarRocksUnsupportedAlterException;
import io.github.srboot.test.support.EnabledIfStarRocksAvailable;
import io.github.srboot.test.support.StarRocksTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.srboot.ddl.ColumnOption.aggregate;
import static io.github.srboot.ddl.ColumnOption.comment;
import static io.github.srboot.ddl.ColumnOption.defaultValue;
import static io.github.srboot.ddl.ColumnOption.generatedAs;
import static io.github.srboot.ddl.ColumnOption.notNull;
import static io.github.srboot.ddl.ColumnOption.nullable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link StarRocksTemplate} against a real StarRocks (the container, or the cluster in {@code STARROCKS_JDBC_URL}):
 * every kind of table, view and materialized view is created from the model, read back and compared; ALTER jobs
 * are waited for; a statement refused during a schema change is retried; server errors arrive typed.
 */
@EnabledIfStarRocksAvailable
class StarRocksTemplateIT {

    private static final String DATABASE = "srboot_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private static DataSource dataSource;

    private static StarRocksTemplate template;

    @BeforeAll
    static void createDatabase() {
        dataSource = StarRocksTestCluster.get().dataSource();
        template = new StarRocksTemplate(dataSource, new AlterJobPolling(Duration.ofMillis(500), Duration.ofMinutes(5)));
        template.createDatabase(DATABASE);
    }

    @AfterAll
    static void dropDatabase() {
        if (template != null) {
            template.execute(new DropDatabase(DATABASE, true, true));
        }
    }

    private static String qualified(String table) {
        return Ddl.quoteIdentifier(DATABASE) + "." + Ddl.quoteIdentifier(table);
    }

    static List<Table> everyKindOfTable() {
        Table duplicateRange = Table.builder("dup_range")
            .column("event_day", DataType.DATE, notNull())
            .column("site", DataType.INT, notNull())
            .column("user_name", DataType.varchar(64), nullable(), comment("who"))
            .column("tags", DataType.array(DataType.varchar(20)), nullable())
            .column("attrs", DataType.map(DataType.varchar(20), DataType.INT), nullable())
            .column("payload", DataType.JSON, nullable())
            .index(IndexDef.bitmap("idx_user_name", "user_name"))
            .engine("OLAP")
            .duplicateKey("event_day", "site")
            .comment("range partitioned events")
            .partitionBy(RangePartitionDesc.of("event_day", RangePartition.fixed("p202401", "2024-01-01", "2024-02-01"),
                    RangePartition.fixed("p202402", "2024-02-01", "2024-03-01")))
            .distributedByHash(2, "site")
            .property("replication_num", "1")
            .build();
        Table aggregate = Table.builder("agg_counters")
            .column("site_id", DataType.INT, notNull())
            .column("day", DataType.DATE, notNull())
            .column("pv", DataType.BIGINT, aggregate(AggregationType.SUM), nullable(), defaultValue("0"))
            .column("uv", DataType.BITMAP, aggregate(AggregationType.BITMAP_UNION), notNull())
            .column("visitors", DataType.HLL, aggregate(AggregationType.HLL_UNION), notNull())
            .column("last_seen", DataType.DATETIME, aggregate(AggregationType.REPLACE), nullable())
            .column("peak", DataType.INT, aggregate(AggregationType.MAX), nullable())
            .engine("OLAP")
            .aggregateKey("site_id", "day")
            .distributedByHash(2, "site_id")
            .property("replication_num", "1")
            .build();
        Table unique = Table.builder("uniq_users")
            .column("id", DataType.BIGINT, notNull())
            .column("name", DataType.varchar(32), nullable())
            .engine("OLAP")
            .uniqueKey("id")
            .distributedByHash(2, "id")
            .property("replication_num", "1")
            .build();
        Table primary = Table.builder("pk_orders")
            .column("order_id", DataType.BIGINT, notNull())
            .column("customer_id", DataType.BIGINT, notNull())
            .column("amount", DataType.decimal(18, 2), nullable(), comment("order total"))
            .column("status", DataType.varchar(16), notNull(), defaultValue("NEW"))
            .column("created_at", DataType.DATETIME, nullable(), defaultValue(DefaultValue.CURRENT_TIMESTAMP))
            .column("amount_x2", DataType.decimal(38, 2), nullable(), generatedAs("`amount` * 2"))
            .engine("OLAP")
            .primaryKey("order_id")
            .distributedByHash(2, "order_id")
            .orderBy("customer_id")
            .property("replication_num", "1")
            .property("enable_persistent_index", "true")
            .build();
        Table list = Table.builder("list_regions")
            .column("region", DataType.varchar(16), notNull())
            .column("id", DataType.BIGINT, notNull())
            .engine("OLAP")
            .duplicateKey("region", "id")
            .partitionBy(ListPartitionDesc.of("region", ListPartition.of("p_eu", "de", "fr"),
                    ListPartition.of("p_us", "us")))
            .distributedByHash(2, "id")
            .property("replication_num", "1")
            .build();
        Table expression = Table.builder("expr_events")
            .column("ts", DataType.DATETIME, notNull())
            .column("v", DataType.INT, nullable())
            .engine("OLAP")
            .duplicateKey("ts")
            .partitionBy(ExpressionPartitionDesc.dateTrunc(IntervalUnit.DAY, "ts"))
            .distributedByRandom(2)
            .property("replication_num", "1")
            .build();
        return List.of(duplicateRange, aggregate, unique, primary, list, expression);
    }

    @Test
    void everyKindOfObjectIsReadBackAsCreated() {
        List<Table> tables = everyKindOfTable();
        tables.forEach((table) -> template.create(DATABASE, table));
        View view = new View("v_orders", List.of(new ViewColumn("customer", "customer id"), ViewColumn.of("total")),
                "totals per customer", ViewSecurity.INVOKER,
                "SELECT customer_id, sum(amount) FROM " + qualified("pk_orders") + " GROUP BY customer_id");
        template.create(DATABASE, view);
        MaterializedView materializedView = MaterializedView.builder("mv_daily",
                "SELECT customer_id, count(*) AS n FROM " + qualified("pk_orders") + " GROUP BY customer_id")
            .column("customer_id", null)
            .column("n", "orders")
            .distributedBy(new HashDistribution(List.of("customer_id"), 2))
            .refresh(RefreshScheme.asyncEvery(Interval.of(1, IntervalUnit.DAY)))
            .property("replication_num", "1")
            .build();
        template.create(DATABASE, materializedView);

        List<SchemaObject> described = template.describeAll(DATABASE);

        assertThat(described).extracting(SchemaObject::name)
            .containsExactlyInAnyOrder("dup_range", "agg_counters", "uniq_users", "pk_orders", "list_regions",
                    "expr_events", "v_orders", "mv_daily");
        for (Table table : tables) {
            Table reflected = (Table) template.describe(DATABASE, table.name()).orElseThrow();
            assertSameStructure(table, reflected);
            assertThat(described).contains(reflected);
            assertRoundTrip(reflected.toBuilder().name(table.name() + "_copy").build());
        }
        View reflectedView = (View) template.describe(DATABASE, "v_orders").orElseThrow();
        assertThat(reflectedView.columns()).isEqualTo(view.columns());
        assertThat(reflectedView.comment()).isEqualTo(view.comment());
        assertThat(reflectedView.security()).isEqualTo(ViewSecurity.INVOKER);
        assertThat(reflectedView.query().toLowerCase(Locale.ROOT)).contains("sum(", "group by");
        assertRoundTrip(new View("v_orders_copy", reflectedView.columns(), reflectedView.comment(),
                reflectedView.security(), reflectedView.query()));
        MaterializedView reflectedMv = (MaterializedView) template.describe(DATABASE, "mv_daily").orElseThrow();
        assertThat(reflectedMv.columns()).isEqualTo(materializedView.columns());
        assertThat(reflectedMv.refresh().type()).isEqualTo(materializedView.refresh().type());
        assertThat(reflectedMv.refresh().every()).isEqualTo(Interval.of(1, IntervalUnit.DAY));
        assertThat(reflectedMv.distribution()).isEqualTo(materializedView.distribution());
        assertThat(reflectedMv.properties()).containsAllEntriesOf(materializedView.properties());
        assertRoundTrip(new MaterializedView("mv_daily_copy", reflectedMv.columns(), reflectedMv.comment(),
                reflectedMv.partition(), reflectedMv.distribution(), reflectedMv.orderBy(), reflectedMv.refresh(),
                reflectedMv.properties(), reflectedMv.query()));
    }

    /**
     * What the user declared survives the server's normalisation (types compared in canonical form, properties the
     * server adds allowed).
     */
    private static void assertSameStructure(Table declared, Table reflected) {
        assertThat(reflected.columns()).extracting(Column::name)
            .containsExactlyElementsOf(declared.columns().stream().map(Column::name).toList());
        for (Column column : declared.columns()) {
            Column actual = reflected.column(column.name());
            assertThat(actual.type().canonical()).as(column.name()).isEqualTo(column.type().canonical());
            assertThat(actual.aggregation()).as(column.name()).isEqualTo(column.aggregation());
            assertThat(actual.defaultValue()).as(column.name()).isEqualTo(column.defaultValue());
            assertThat(actual.comment()).as(column.name()).isEqualTo(column.comment());
            if (column.nullable() != null) {
                assertThat(actual.nullable()).as(column.name()).isEqualTo(column.nullable());
            }
            assertThat(actual.generatedAs() != null).as(column.name()).isEqualTo(column.generatedAs() != null);
        }
        assertThat(reflected.keys()).isEqualTo(declared.keys());
        assertThat(reflected.comment()).isEqualTo(declared.comment());
        assertThat(reflected.distribution()).isEqualTo(declared.distribution());
        assertThat(reflected.orderBy()).isEqualTo(declared.orderBy());
        assertThat(reflected.indexes()).extracting(IndexDef::name, IndexDef::type, IndexDef::columns)
            .containsExactlyElementsOf(declared.indexes().stream()
                .map((index) -> tuple(index.name(), index.type(), index.columns()))
                .toList());
        if (declared.partition() instanceof ExpressionPartitionDesc) {
            assertThat(reflected.partition()).isInstanceOf(ExpressionPartitionDesc.class);
        }
        else {
            assertThat(reflected.partition()).isEqualTo(declared.partition());
        }
        assertThat(reflected.properties()).containsAllEntriesOf(declared.properties());
    }

    /**
     * The reflected model re-creates an identical object: create it under a new name, read it back, compare.
     */
    private static void assertRoundTrip(SchemaObject copy) {
        template.create(DATABASE, copy);
        SchemaObject copyReflected = template.describe(DATABASE, copy.name()).orElseThrow();
        assertThat(copyReflected).isEqualTo(copy);
        template.drop(kindOf(copy), ObjectName.of(DATABASE, copy.name()));
    }

    private static ObjectKind kindOf(SchemaObject object) {
        if (object instanceof Table) {
            return ObjectKind.TABLE;
        }
        return (object instanceof View) ? ObjectKind.VIEW : ObjectKind.MATERIALIZED_VIEW;
    }

    /**
     * A table with enough rows that changing a column's type (a rewrite, unlike widening a VARCHAR) runs as a
     * visible asynchronous job.
     */
    private static ObjectName tableWithRows(String name, int rows) {
        Table table = Table.builder(name)
            .column("id", DataType.BIGINT, notNull())
            .column("v", DataType.INT, nullable())
            .duplicateKey("id")
            .distributedByHash(4, "id")
            .property("replication_num", "1")
            .build();
        template.create(DATABASE, table);
        template.execute("INSERT INTO " + qualified(name) + " SELECT generate_series, generate_series FROM "
                + "TABLE(generate_series(1, " + rows + "))");
        return ObjectName.of(DATABASE, name);
    }

    private static AlterTable changeTypeOfV(ObjectName table) {
        return new AlterTable(table,
                List.of(new AlterClause.ModifyColumn(Column.of("v", DataType.BIGINT, nullable()), null)));
    }

    @Test
    void alterAndWaitReturnsTheFinishedJob() {
        ObjectName table = tableWithRows("alter_me", 10_000);

        List<AlterJob> jobs = template.alterAndWait(changeTypeOfV(table));

        assertThat(jobs).filteredOn((job) -> job.type() == AlterJobType.COLUMN)
            .singleElement()
            .satisfies((job) -> assertThat(job.isFinished()).isTrue());
        Table altered = (Table) template.describe(DATABASE, "alter_me").orElseThrow();
        assertThat(altered.column("v").type()).isEqualTo(DataType.BIGINT);
        assertThat(template.awaitAlterJobs(DATABASE, "alter_me"))
            .allSatisfy((job) -> assertThat(job.isFinished()).isTrue());
    }

    @Test
    void statementRefusedDuringASchemaChangeIsRetried() {
        ObjectName table = tableWithRows("busy", 2_000_000);
        JdbcTemplate plain = new JdbcTemplate(dataSource);
        plain.setExceptionTranslator(new StarRocksSqlExceptionTranslator());
        AlterTable second = new AlterTable(table,
                List.of(new AlterClause.AddColumn(Column.of("note", DataType.varchar(16), nullable()), null)));
        plain.execute(Ddl.render(changeTypeOfV(table)));
        boolean refused;
        try {
            plain.execute(Ddl.render(second));
            refused = false;
        }
        catch (StarRocksSchemaChangeInProgressException ex) {
            refused = true;
        }
        assumeTrue(refused, "the first schema change finished before the second statement; retry not exercised");

        template.alter(second);

        template.awaitAlterJobs(DATABASE, "busy");
        Table altered = (Table) template.describe(DATABASE, "busy").orElseThrow();
        assertThat(altered.column("v").type()).isEqualTo(DataType.BIGINT);
        assertThat(altered.column("note")).isNotNull();
    }

    @Test
    void serverErrorsArriveTyped() {
        Table table = Table.builder("errors_t")
            .column("id", DataType.BIGINT, notNull())
            .column("name", DataType.varchar(32), nullable())
            .primaryKey("id")
            .distributedByHash(1, "id")
            .property("replication_num", "1")
            .build();
        template.create(DATABASE, table);

        assertThatExceptionOfType(StarRocksObjectExistsException.class)
            .isThrownBy(() -> template.create(DATABASE, table));
        assertThatExceptionOfType(StarRocksObjectNotFoundException.class)
            .isThrownBy(() -> template.drop(ObjectKind.TABLE, ObjectName.of(DATABASE, "no_such_table")));
        assertThatExceptionOfType(StarRocksSyntaxException.class).isThrownBy(() -> template.execute("CREATE TABL x"));
        assertThatExceptionOfType(StarRocksUnsupportedAlterException.class)
            .isThrownBy(() -> template.alter(new AlterTable(ObjectName.of(DATABASE, "errors_t"), List.of(
                    new AlterClause.ModifyColumn(Column.of("name", DataType.varchar(32), notNull()), null)))));
        assertThat(template.describe(DATABASE, "no_such_table")).isEmpty();
        assertThat(template.databaseExists(DATABASE)).isTrue();
        assertThat(template.databaseExists(DATABASE + "_missing")).isFalse();
        assertThat(template.listTables(DATABASE)).contains("errors_t");
    }

}
