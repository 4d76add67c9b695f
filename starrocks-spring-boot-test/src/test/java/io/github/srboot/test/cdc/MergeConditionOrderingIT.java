package io.github.srboot.test.cdc;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DropDatabase;
import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.CdcSchema;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.streamload.cdc.DeleteMode;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.test.support.EnabledIfStarRocksAvailable;
import io.github.srboot.test.support.StarRocksTestCluster;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.srboot.test.support.TestRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Change records against a real StarRocks: the table created from the first records, a column added by schema
 * evolution, and {@code merge_condition} keeping the newest version whatever the order of the loads.
 */
@EnabledIfStarRocksAvailable
class MergeConditionOrderingIT {

    private static final String DATABASE = "srboot_cdc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private static StarRocksTemplate sql;

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void createDatabase() {
        sql = new StarRocksTemplate(StarRocksTestCluster.get().dataSource(),
                new AlterJobPolling(Duration.ofMillis(500), Duration.ofMinutes(2)));
        jdbc = (JdbcTemplate) sql.getJdbcOperations();
        sql.createDatabase(DATABASE);
    }

    @AfterAll
    static void dropDatabase() {
        if (sql != null) {
            sql.execute(new DropDatabase(DATABASE, true, true));
        }
    }

    @Test
    void staleChangesInLaterLoadsNeverOverwriteNewerRows() {
        CdcOptions options = CdcOptions.builder()
            .deleteMode(DeleteMode.SOFT)
            .maxBatchChanges(1)
            .schema(CdcSchema.of(sql))
            .createTable(true)
            .schemaEvolution(CdcOptions.SchemaEvolution.ADD_COLUMNS)
            .tableProperty("replication_num", "1")
            .build();
        try (StreamLoadTemplate template = StarRocksTestCluster.get().streamLoadTemplate(DATABASE).build()) {
            template.applyChanges("customers", Flux.just(
                    ChangeRecord.insert(Map.of("id", 1L), row("id", 1L, "name", "v30"), 30),
                    ChangeRecord.update(Map.of("id", 1L), row("id", 1L, "name", "v20"), 20),
                    ChangeRecord.insert(Map.of("id", 2L), row("id", 2L, "name", "two", "email", "t@example.com"), 5),
                    ChangeRecord.delete(Map.of("id", 2L), 4),
                    ChangeRecord.delete(Map.of("id", 1L), 31)), options)
                .blockLast();
        }

        String table = Ddl.quoteIdentifier(DATABASE) + ".`customers`";
        Map<String, Object> one = jdbc.queryForMap("SELECT name, _sr_is_deleted, _sr_version FROM " + table
                + " WHERE id = 1");
        Map<String, Object> two = jdbc.queryForMap("SELECT name, email, _sr_is_deleted, _sr_version FROM " + table
                + " WHERE id = 2");
        assertThat(one.get("name")).isEqualTo("v30");
        assertThat(((Number) one.get("_sr_version")).longValue()).isEqualTo(31);
        assertThat(one.get("_sr_is_deleted")).isIn(true, 1, (byte) 1);
        assertThat(two.get("email")).isEqualTo("t@example.com");
        assertThat(((Number) two.get("_sr_version")).longValue()).isEqualTo(5);
        assertThat(two.get("_sr_is_deleted")).isIn(false, 0, (byte) 0);
    }

}
