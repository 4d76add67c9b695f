package io.github.srboot.test.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.srboot.flyway.StarRocksFlywayExtension;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several Flyway instances, each with its own connections, migrating one embedded StarRocks at once over the wire:
 * the starter's migration lock (labelled INSERTs, a label used once per database) lets exactly one apply each
 * migration.
 */
@EmbeddedStarRocks(database = "shop")
class ConcurrentMigratorsOverTheWireTests {

    private static final int MIGRATORS = 4;

    @Test
    void fourMigratorsStartedTogetherApplyEachMigrationOnce(EmbeddedStarRocksServer server) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(MIGRATORS);
        // every migrator is built and waiting before any of them starts
        CyclicBarrier together = new CyclicBarrier(MIGRATORS);
        List<Future<MigrateResult>> migrations = new ArrayList<>();
        try {
            for (int i = 0; i < MIGRATORS; i++) {
                Flyway flyway = flyway(server);
                migrations.add(executor.submit(() -> {
                    together.await();
                    return flyway.migrate();
                }));
            }
            int applied = 0;
            for (Future<MigrateResult> migration : migrations) {
                MigrateResult result = migration.get(2, TimeUnit.MINUTES);
                assertThat(result.success).isTrue();
                applied += result.migrationsExecuted;
            }
            assertThat(applied).as("migrations applied by the four migrators together").isEqualTo(3);
        }
        finally {
            executor.shutdownNow();
        }

        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl("shop"), "root", ""));
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank",
                String.class)).containsExactly("1", "2", "3");
        assertThat(server.statements()).filteredOn((sql) -> sql.startsWith("CREATE TABLE orders")).hasSize(1);
        assertThat(server.statements()).filteredOn((sql) -> sql.startsWith("CREATE TABLE customers")).hasSize(1);
        assertThat(server.statements()).filteredOn((sql) -> sql.startsWith("INSERT INTO customers")).hasSize(1);
        // each migrator took the lock at least once and gave every claim back: claims and releases alternate
        List<Map<String, Object>> lock = jdbc.queryForList(
                "SELECT generation, owner, state FROM flyway_schema_history_lock ORDER BY generation");
        assertThat(lock.stream().map((row) -> row.get("owner")).distinct().count()).isEqualTo(MIGRATORS);
        for (int i = 0; i < lock.size(); i++) {
            assertThat(lock.get(i).get("generation")).isEqualTo((long) i + 1);
            assertThat(lock.get(i).get("state")).isEqualTo((i % 2 == 0) ? "HELD" : "RELEASED");
        }
        assertThat(lock.size() % 2).isZero();
    }

    private static Flyway flyway(EmbeddedStarRocksServer server) {
        FluentConfiguration configuration = Flyway.configure()
            .dataSource(server.jdbcUrl("shop"), "root", "")
            .locations("classpath:flyway/concurrent");
        // a waiting migrator looks at the lock again soon; the default suits a real cluster
        configuration.getPluginRegister()
            .getPlugin(StarRocksFlywayExtension.class)
            .setLockPollIntervalMillis(5);
        return configuration.load();
    }

}
