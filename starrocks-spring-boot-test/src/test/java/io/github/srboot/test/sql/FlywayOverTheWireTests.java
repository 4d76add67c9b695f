package io.github.srboot.test.sql;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.license.VersionPrinter;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway migrating the embedded StarRocks over the wire with unchanged Connector/J and the starter's StarRocks
 * database type on the class path: the version Spring Boot manages, and in the {@code newest-flyway-11} Surefire
 * execution the newest Flyway 11.
 */
@EmbeddedStarRocks(database = "shop")
class FlywayOverTheWireTests {

    @Test
    void runsAgainstTheFlywayTheExecutionExpects() {
        String version = VersionPrinter.getVersion();
        // printed into the Surefire report, so that each execution says which Flyway it exercised
        System.out.println("Flyway under test: " + version);
        String expected = System.getProperty("flyway.expected.version");
        if (expected != null) {
            assertThat(version).isEqualTo(expected);
        }
        assertThat(version).startsWith("11.");
    }

    @Test
    void migratesThroughTheStarRocksDatabaseType(EmbeddedStarRocksServer server) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(server.jdbcUrl("shop"), "root", "");
        MigrateResult result = Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:flyway/it")
            // V2 modifies a column, which the embedded StarRocks does not implement (MODIFY COLUMN)
            .target("1")
            .load()
            .migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(1);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT name FROM events WHERE id = 1", String.class)).isEqualTo("first");
        assertThat(jdbc.queryForList("SELECT version, success FROM flyway_schema_history"))
            .containsExactly(Map.of("version", "1", "success", 1));

        List<String> statements = server.statements().stream().map((s) -> s.toUpperCase(Locale.ROOT)).toList();
        // the StarRocks type took its lock (INSERT ... WITH LABEL), not MySQL's
        assertThat(statements).anyMatch((s) -> s.startsWith("INSERT INTO `SHOP`.`FLYWAY_SCHEMA_HISTORY_LOCK` WITH LABEL"));
        assertThat(statements).noneMatch((s) -> s.contains("GET_LOCK") || s.contains("RELEASE_LOCK"));
        assertThat(statements).noneMatch((s) -> s.contains("FOREIGN_KEY_CHECKS"));
        // no transaction: Connector/J sends SET autocommit=0 for setAutoCommit(false), COMMIT and ROLLBACK
        assertThat(statements).noneMatch((s) -> s.replace(" ", "").equals("SETAUTOCOMMIT=0")
                || s.equals("BEGIN") || s.startsWith("START TRANSACTION") || s.equals("COMMIT")
                || s.equals("ROLLBACK"));
    }

}
