package io.github.srboot.flyway;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.test.sql.EmbeddedStarRocksServer;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration lock over the wire against the embedded StarRocks: a migrator that crashed holding the lock left a
 * claim that has expired, and the next migrator takes the lock over.
 */
class ExpiredLockOverTheWireTests {

    private static final String CRASHED_OWNER = "12345@crashed-host/0a1b2c3d";

    @Test
    void anExpiredClaimIsTakenOver() {
        try (EmbeddedStarRocksServer server = EmbeddedStarRocksServer.builder().build().start()) {
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(), server.username(),
                    server.password()));
            jdbc.execute("CREATE DATABASE shop");
            jdbc.execute(Ddl.render(new CreateObject("shop",
                    MigrationLock.definition("flyway_schema_history_lock", null), true, false)));
            long anHourAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
            jdbc.update("INSERT INTO shop.flyway_schema_history_lock (generation, owner, state, expires_at) "
                    + "VALUES (?, ?, ?, ?)", 1, CRASHED_OWNER, MigrationLock.HELD, anHourAgo);

            FluentConfiguration configuration = org.flywaydb.core.Flyway.configure()
                .dataSource(server.jdbcUrl("shop"), server.username(), server.password())
                .locations("classpath:flyway/concurrent");
            configuration.getPluginRegister().getPlugin(StarRocksFlywayExtension.class).setLockPollIntervalMillis(5);
            MigrateResult result = configuration.load().migrate();

            assertThat(result.migrationsExecuted).isEqualTo(3);
            List<Map<String, Object>> lock = jdbc.queryForList("SELECT generation, owner, state FROM "
                    + "shop.flyway_schema_history_lock ORDER BY generation");
            // generation 2 claims over the expired generation 1; from there claims and releases alternate (the
            // migrator takes the lock once per Flyway step) and the last one gives it back
            assertThat(lock.get(0)).containsEntry("owner", CRASHED_OWNER).containsEntry("state", MigrationLock.HELD);
            assertThat(lock.get(1).get("owner")).isNotEqualTo(CRASHED_OWNER);
            for (int i = 1; i < lock.size(); i++) {
                assertThat(lock.get(i).get("state")).as("generation " + (i + 1))
                    .isEqualTo((i % 2 == 1) ? MigrationLock.HELD : MigrationLock.RELEASED);
            }
            assertThat(lock.get(lock.size() - 1).get("state")).isEqualTo(MigrationLock.RELEASED);
        }
    }

}
