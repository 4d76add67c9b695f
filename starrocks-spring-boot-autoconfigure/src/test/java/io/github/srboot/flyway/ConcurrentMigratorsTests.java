package io.github.srboot.flyway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ScriptedStarRocks;
import io.github.srboot.support.StarRocksGrammar;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several migrators against one StarRocks database at once: {@link MigrationLock} lets exactly one apply each
 * migration, on a server that, like StarRocks, accepts each load label of a database once ({@link ScriptedStarRocks}
 * names the FE files).
 */
class ConcurrentMigratorsTests {

    private static final int MIGRATORS = 4;

    private final ScriptedJdbc server = new ScriptedJdbc();

    private final ScriptedStarRocks starRocks = new ScriptedStarRocks(this.server, "shop");

    private Flyway flyway() {
        FluentConfiguration configuration = Flyway.configure()
            .dataSource(this.server.dataSource())
            .locations("classpath:flyway/concurrent");
        configuration.getPluginRegister()
            .getPlugin(StarRocksFlywayExtension.class)
            .setLockPollIntervalMillis(5);
        return configuration.load();
    }

    @Test
    void fourMigratorsStartedAtOnceApplyEachMigrationExactlyOnce() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(MIGRATORS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MigrateResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < MIGRATORS; i++) {
                Flyway flyway = flyway();
                results.add(executor.submit(() -> {
                    start.await();
                    return flyway.migrate();
                }));
            }
            start.countDown();
            int executed = 0;
            for (Future<MigrateResult> result : results) {
                MigrateResult migrated = result.get(1, TimeUnit.MINUTES);
                assertThat(migrated.success).isTrue();
                executed += migrated.migrationsExecuted;
            }
            assertThat(executed).as("migrations executed by all migrators together").isEqualTo(3);
        }
        finally {
            executor.shutdownNow();
        }

        assertThat(this.starRocks.historyRows()).extracting((row) -> row.get("version"))
            .containsExactly("1", "2", "3");
        List<String> sql = this.server.executedSql().stream().map(ScriptedStarRocks::withoutLeadingComments).toList();
        assertThat(sql).filteredOn((statement) -> statement.startsWith("CREATE TABLE orders")).hasSize(1);
        assertThat(sql).filteredOn((statement) -> statement.startsWith("CREATE TABLE customers")).hasSize(1);
        assertThat(sql).filteredOn((statement) -> statement.startsWith("CREATE VIEW order_customers")).hasSize(1);
        assertThat(sql).filteredOn((statement) -> statement.startsWith("CREATE TABLE `shop`.`flyway_schema_history`"))
            .hasSize(1);
        // Every claim was given back: claims and releases alternate, the newest is a release.
        Map<Long, List<Object>> lock = this.starRocks.lockRows();
        for (long generation = 1; generation <= lock.size(); generation++) {
            assertThat(lock.get(generation).get(2)).as("generation " + generation)
                .isEqualTo((generation % 2 == 1) ? MigrationLock.HELD : MigrationLock.RELEASED);
        }
        assertThat(lock.size() % 2).isZero();
    }

    /** A migrator that crashed holding the lock: its claim expires, and the next migrator takes the lock over. */
    @Test
    void anExpiredClaimIsTakenOver() {
        new JdbcTemplate(this.server.dataSource()).execute(Ddl.render(new CreateObject("shop",
                MigrationLock.definition("flyway_schema_history_lock", null), true, false)));
        long longAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        this.starRocks.claimedBy("12345@crashed-host/0a1b2c3d", 1,
                "flyway_flyway_schema_history_lock_" + this.starRocks.tableIdOf("flyway_schema_history_lock") + "_1",
                longAgo);

        MigrateResult result = flyway().migrate();

        assertThat(result.migrationsExecuted).isEqualTo(3);
        Map<Long, List<Object>> lock = this.starRocks.lockRows();
        assertThat(lock.get(2L).get(1)).isNotEqualTo("12345@crashed-host/0a1b2c3d");
        assertThat(lock.get(2L).get(2)).isEqualTo(MigrationLock.HELD);
        assertThat(lock.get(3L).get(2)).isEqualTo(MigrationLock.RELEASED);
    }

    /** The statements the lock sends are StarRocks' grammar (the labelled INSERT with literal values). */
    @Test
    void theLockStatementsParse() {
        assertThat(StarRocksGrammar.parseSingle(Ddl.render(new CreateObject("shop",
                MigrationLock.definition("flyway_schema_history_lock", 1), true, false)))).isNotNull();
        assertThat(StarRocksGrammar.parseSingle("INSERT INTO `shop`.`flyway_schema_history_lock` WITH LABEL "
                + "`flyway_flyway_schema_history_lock_10001_1` (`generation`, `owner`, `state`, `expires_at`) "
                + "VALUES (1, 'me', 'HELD', 1767225600000)")).isNotNull();
        assertThat(StarRocksGrammar.parseSingle("SELECT `generation`, `owner`, `state`, `expires_at` FROM "
                + "`shop`.`flyway_schema_history_lock` ORDER BY `generation` DESC LIMIT 1")).isNotNull();
    }

    @Test
    void aUsedLabelIsRecognisedByStarRocksMessage() {
        // fe/fe-core/src/main/java/com/starrocks/common/LabelAlreadyUsedException.java
        assertThat(MigrationLock.isLabelUsed(new java.sql.SQLException(
                "Label [flyway_flyway_schema_history_lock_10001_3] has already been used.", "HY000", 1064))).isTrue();
        assertThat(MigrationLock.isLabelUsed(new java.sql.SQLException("Unknown table 'x'", "42S02", 1051)))
            .isFalse();
    }

}
