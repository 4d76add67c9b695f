package io.github.srboot.test.sql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Asynchronous ALTER jobs over the wire: the states a job passes through, {@code SHOW ALTER TABLE COLUMN} with its
 * filters, the refusal of a second ALTER, and an injected cancellation.
 */
class AlterJobTests {

    private final MovableClock clock = new MovableClock();

    private EmbeddedStarRocksServer server;

    private SingleConnectionDataSource dataSource;

    private JdbcTemplate jdbc;

    @BeforeEach
    void start() {
        this.server = EmbeddedStarRocksServer.builder().clock(this.clock)
            .alterJobDurations(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10))
            .start();
        this.dataSource = new SingleConnectionDataSource(this.server.jdbcUrl(), "root", "", true);
        this.jdbc = new JdbcTemplate(this.dataSource);
        this.jdbc.execute("CREATE DATABASE db");
        this.jdbc.execute("CREATE TABLE db.events (id BIGINT NOT NULL, v INT) PRIMARY KEY (id) "
                + "DISTRIBUTED BY HASH(id)");
    }

    @AfterEach
    void stop() {
        this.dataSource.destroy();
        this.server.close();
    }

    @Test
    void aSchemaChangeGoesThroughItsStatesAndAddsTheColumn() {
        this.jdbc.update("INSERT INTO db.events VALUES (1, 10)");
        this.jdbc.execute("ALTER TABLE db.events ADD COLUMN note VARCHAR(20) DEFAULT 'none'");
        assertThat(newestState()).isEqualTo("PENDING");
        this.clock.advance(Duration.ofSeconds(10));
        assertThat(newestState()).isEqualTo("WAITING_TXN");
        this.clock.advance(Duration.ofSeconds(10));
        assertThat(newestState()).isEqualTo("RUNNING");
        this.clock.advance(Duration.ofSeconds(10));
        assertThat(newestState()).isEqualTo("FINISHED");
        assertThat(this.jdbc.queryForList("SELECT id, note FROM db.events")).containsExactly(
                Map.of("id", 1L, "note", "none"));
        String printed = this.jdbc.queryForObject("SHOW CREATE TABLE db.events", (rs, i) -> rs.getString(2));
        assertThat(printed)
            .contains("  `note` varchar(20) NULL DEFAULT \"none\" COMMENT \"\"");
    }

    @Test
    void refusesASecondAlterWhileAJobRuns() {
        this.jdbc.execute("ALTER TABLE db.events DROP COLUMN v");
        // the 3.5 wording (sql/README "Not recorded" [source] from AlterJobExecutor / InvalidOlapTableStateException)
        assertThatExceptionOfType(DataAccessException.class)
            .isThrownBy(() -> this.jdbc.execute("ALTER TABLE db.events ADD COLUMN w INT"))
            .havingRootCause()
            .withMessage("A schema change operation is in progress on the table events. Please wait until the "
                    + "current operation completes. To check the status of the operation, see "
                    + "https://docs.starrocks.io/docs/sql-reference/sql-statements/table_bucket_part_index/SHOW_ALTER");
        this.clock.advance(Duration.ofSeconds(30));
        this.jdbc.execute("ALTER TABLE db.events ADD COLUMN w INT");
    }

    @Test
    void filtersSchemaChangeJobsByTableAndOrdersThem() {
        this.jdbc.execute("CREATE TABLE db.other (id BIGINT NOT NULL) PRIMARY KEY (id) DISTRIBUTED BY HASH(id)");
        this.jdbc.execute("ALTER TABLE db.events ADD COLUMN a INT");
        this.jdbc.execute("ALTER TABLE db.other ADD COLUMN b INT");
        this.clock.advance(Duration.ofSeconds(30));
        this.jdbc.execute("ALTER TABLE db.events ADD COLUMN c INT");
        List<Map<String, Object>> events = this.jdbc.queryForList(
                "SHOW ALTER TABLE COLUMN FROM db WHERE TableName = 'events' ORDER BY JobId DESC");
        assertThat(events).extracting((row) -> row.get("State")).containsExactly("PENDING", "FINISHED");
        assertThat(events).allSatisfy((row) -> assertThat(row.get("TableName")).isEqualTo("events"));
        assertThat(this.jdbc.queryForList("SHOW ALTER TABLE COLUMN FROM db ORDER BY JobId DESC LIMIT 1"))
            .extracting((row) -> row.get("TableName")).containsExactly("events");
        assertThat(this.jdbc.queryForList("SHOW ALTER TABLE COLUMN FROM db")).hasSize(3);
    }

    @Test
    void anInjectedCancellationEndsTheJobCancelled() {
        this.server.faults().cancelNextAlter("injected: schema change cancelled");
        this.jdbc.execute("ALTER TABLE db.events ORDER BY (v)");
        this.clock.advance(Duration.ofSeconds(30));
        Map<String, Object> job = this.jdbc.queryForMap("SHOW ALTER TABLE COLUMN FROM db ORDER BY JobId DESC LIMIT 1");
        assertThat(job.get("State")).isEqualTo("CANCELLED");
        assertThat(job.get("Msg")).isEqualTo("injected: schema change cancelled");
    }

    @Test
    void addingOrDroppingAColumnKeepsTheStubTablesSortKey() {
        this.jdbc.execute("CREATE TABLE db.sorted (k BIGINT NOT NULL, a INT, b INT) PRIMARY KEY (k) "
                + "DISTRIBUTED BY HASH(k) ORDER BY (a)");
        assertThat(this.server.stub().table("db", "sorted").table().sortKey()).containsExactly("a");
        this.jdbc.execute("ALTER TABLE db.sorted ADD COLUMN c INT");
        this.clock.advance(Duration.ofSeconds(30));
        assertThat(this.server.stub().table("db", "sorted").table().sortKey()).containsExactly("a");
        this.jdbc.execute("ALTER TABLE db.sorted DROP COLUMN b");
        assertThat(this.server.stub().table("db", "sorted").table().sortKey()).containsExactly("a");
        assertThat(this.server.stub().table("db", "sorted").table().columns()).extracting((c) -> c.name())
            .containsExactly("k", "a", "c");
    }

    @Test
    void aDistributionChangeRunsAsAnOptimizeJob() {
        this.jdbc.execute("ALTER TABLE db.events DISTRIBUTED BY HASH(id) BUCKETS 4");
        Map<String, Object> job = this.jdbc.queryForMap(
                "SHOW ALTER TABLE OPTIMIZE FROM db WHERE TableName = 'events' ORDER BY JobId DESC LIMIT 1");
        assertThat(job.get("State")).isEqualTo("PENDING");
        assertThat(this.jdbc.queryForList("SHOW ALTER TABLE COLUMN FROM db")).isEmpty();
        this.clock.advance(Duration.ofSeconds(30));
        assertThat(this.jdbc.queryForMap("SHOW ALTER TABLE OPTIMIZE FROM db").get("State")).isEqualTo("FINISHED");
        String printed = this.jdbc.queryForObject("SHOW CREATE TABLE db.events", (rs, i) -> rs.getString(2));
        assertThat(printed).contains("DISTRIBUTED BY HASH(`id`) BUCKETS 4 \n");
    }

    private String newestState() {
        return this.jdbc.queryForObject("SHOW ALTER TABLE COLUMN FROM db WHERE TableName = \"events\" "
                + "ORDER BY CreateTime DESC LIMIT 1", (rs, i) -> rs.getString("State"));
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            this.now = this.now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return this.now;
        }

    }

}
