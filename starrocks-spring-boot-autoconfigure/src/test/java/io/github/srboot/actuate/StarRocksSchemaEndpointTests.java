package io.github.srboot.actuate;

import java.util.List;

import io.github.srboot.actuate.StarRocksSchemaEndpoint.ChangeDescriptor;
import io.github.srboot.actuate.StarRocksSchemaEndpoint.SchemaDriftDescriptor;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.SchemaDiff;
import io.github.srboot.schema.StarRocksSchemaDiff;
import io.github.srboot.support.RecordedCatalog;
import io.github.srboot.support.RecordedCatalog.ColumnRow;
import io.github.srboot.support.ScriptedJdbc;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class StarRocksSchemaEndpointTests {

    private static final String TABLE = "CREATE TABLE t (id BIGINT NOT NULL, v INT) DUPLICATE KEY(id) "
            + "DISTRIBUTED BY HASH(id) BUCKETS 4";

    private static StarRocksSchemaEndpoint endpoint(MigrationPlan plan) {
        StarRocksSchemaDiff diff = new StarRocksSchemaDiff(new StarRocksTemplate(new SimpleDriverDataSource()),
                "analytics", List::of, false) {

            @Override
            public MigrationPlan plan() {
                return plan;
            }

        };
        return new StarRocksSchemaEndpoint(diff);
    }

    @Test
    void showsNoDriftForAnEmptyPlan() {
        SchemaDriftDescriptor drift = endpoint(new MigrationPlan(List.of())).drift();

        assertThat(drift.database()).isEqualTo("analytics");
        assertThat(drift.drift()).isFalse();
        assertThat(drift.changes()).isEmpty();
        assertThat(drift.statements()).isEmpty();
    }

    @Test
    void showsTheChangesWithTheirFlagsAndTheSql() {
        MigrationPlan plan = SchemaDiff.compare(Ddl.parse(TABLE),
                Ddl.parse(TABLE.replace("v INT", "v BIGINT").replace("DUPLICATE KEY(id)", "DUPLICATE KEY(id, v)")));

        SchemaDriftDescriptor drift = endpoint(plan).drift();

        assertThat(drift.drift()).isTrue();
        assertThat(drift.statements()).containsExactly("ALTER TABLE `t` MODIFY COLUMN `v` BIGINT NULL");
        assertThat(drift.changes()).extracting(ChangeDescriptor::kind).containsExactly("KEYS", "COLUMNS");
        ChangeDescriptor refused = drift.changes().get(0);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.applicable()).isFalse();
        assertThat(refused.manualPath()).contains("SWAP WITH");
        ChangeDescriptor columns = drift.changes().get(1);
        assertThat(columns.object()).isEqualTo("table t");
        assertThat(columns.asynchronous()).isTrue();
        assertThat(columns.sql()).containsExactly("ALTER TABLE `t` MODIFY COLUMN `v` BIGINT NULL");
    }

    @Test
    void anObjectTheParserCannotReadIsReportedWhileTheOthersAreCompared() {
        ScriptedJdbc server = new ScriptedJdbc();
        new RecordedCatalog("analytics")
            .table("t", "DUP_KEYS", """
                    CREATE TABLE `t` (
                      `id` bigint(20) NOT NULL COMMENT "",
                      `v` int(11) NULL COMMENT ""
                    ) ENGINE=OLAP\s
                    DUPLICATE KEY(`id`)
                    DISTRIBUTED BY HASH(`id`) BUCKETS 4\s
                    PROPERTIES (
                    "replication_num" = "1"
                    );""", ColumnRow.of("id", "bigint(20)"), ColumnRow.of("v", "int(11)"))
            .table("future", "DUP_KEYS", "CREATE TABLE `future` (`id` int(11) NULL) SOME CLAUSE FROM 5.0",
                    ColumnRow.of("id", "int(11)"))
            .installOn(server);
        StarRocksSchemaDiff diff = new StarRocksSchemaDiff(new StarRocksTemplate(server.dataSource()), "analytics",
                () -> Ddl.parse(TABLE.replace("v INT", "v BIGINT")), false);

        SchemaDriftDescriptor drift = new StarRocksSchemaEndpoint(diff).drift();

        assertThat(drift.changes()).extracting(ChangeDescriptor::kind).containsExactly("UNREADABLE_OBJECT",
                "COLUMNS");
        assertThat(drift.changes().get(0).object()).isEqualTo("table future");
        assertThat(drift.changes().get(0).details()).singleElement().asString().contains("'future'");
        assertThat(drift.statements()).containsExactly("ALTER TABLE `t` MODIFY COLUMN `v` BIGINT NULL");
    }

}
