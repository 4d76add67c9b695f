package io.github.srboot.actuate;

import java.util.List;

import io.github.srboot.actuate.StarRocksSchemaEndpoint.ChangeDescriptor;
import io.github.srboot.actuate.StarRocksSchemaEndpoint.SchemaDriftDescriptor;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.SchemaDiff;
import io.github.srboot.schema.StarRocksSchemaDiff;
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

}
