package io.github.srboot.test.sql;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.RepairResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Flyway's commands besides {@code migrate} (info, validate, repair, clean, baseline) through the starter's StarRocks
 * database type, over the wire against the embedded StarRocks with unchanged Connector/J.
 */
class FlywayCommandsOverTheWireTests {

    private EmbeddedStarRocksServer server;

    private JdbcTemplate jdbc;

    @BeforeEach
    void start() {
        this.server = EmbeddedStarRocksServer.builder().build().start();
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(this.server.jdbcUrl(), this.server.username(),
                this.server.password()));
        this.jdbc.execute("CREATE DATABASE shop");
    }

    @AfterEach
    void stop() {
        this.server.close();
    }

    private Flyway flyway(boolean cleanDisabled) {
        return Flyway.configure()
            .dataSource(this.server.jdbcUrl("shop"), this.server.username(), this.server.password())
            .locations("classpath:flyway/concurrent")
            .cleanDisabled(cleanDisabled)
            .load();
    }

    private List<String> tables() {
        return this.jdbc.queryForList("SELECT TABLE_NAME FROM information_schema.tables WHERE TABLE_SCHEMA = 'shop'",
                String.class);
    }

    @Test
    void infoAndValidateReadTheHistory() {
        flyway(true).migrate();

        MigrationInfoService info = flyway(true).info();
        assertThat(info.current().getVersion().getVersion()).isEqualTo("3");
        assertThat(info.applied()).hasSize(3);
        assertThat(info.pending()).isEmpty();
        assertThat(flyway(true).validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void repairRemovesAFailedMigrationAndRealignsChecksums() {
        flyway(true).migrate();
        Object checksum = this.jdbc.queryForObject("SELECT checksum FROM shop.flyway_schema_history WHERE version = '1'",
                Object.class);
        this.jdbc.update("UPDATE shop.flyway_schema_history SET success = 0 WHERE version = '3'");
        this.jdbc.update("UPDATE shop.flyway_schema_history SET checksum = 12345 WHERE version = '1'");
        int before = this.server.statements().size();

        RepairResult result = flyway(true).repair();

        assertThat(result.migrationsRemoved).hasSize(1);
        List<Map<String, Object>> history = this.jdbc.queryForList(
                "SELECT version, checksum FROM shop.flyway_schema_history ORDER BY installed_rank");
        assertThat(history).extracting((row) -> row.get("version")).containsExactly("1", "2");
        assertThat(history.get(0).get("checksum")).isEqualTo(checksum);
        assertThat(this.server.statements().subList(before, this.server.statements().size()))
            .anyMatch((sql) -> sql.startsWith("DELETE FROM `shop`.`flyway_schema_history` WHERE `success` = 0"))
            .anyMatch((sql) -> sql.startsWith("UPDATE `shop`.`flyway_schema_history` SET"));
    }

    @Test
    void cleanIsRefusedUnlessEnabled() {
        flyway(true).migrate();

        assertThatExceptionOfType(FlywayException.class).isThrownBy(() -> flyway(true).clean())
            .withMessageContaining("clean");
        assertThat(tables()).contains("orders", "customers", "flyway_schema_history");
    }

    @Test
    void cleanDropsMaterializedViewsThenViewsThenTables() {
        flyway(true).migrate();
        // objects created outside Flyway, as another application would
        this.jdbc.execute("CREATE VIEW shop.recent AS SELECT id FROM shop.orders");
        this.jdbc.execute("CREATE MATERIALIZED VIEW shop.by_name REFRESH ASYNC AS SELECT name, count(*) AS n "
                + "FROM shop.customers GROUP BY name");

        flyway(false).clean();

        assertThat(tables()).isEmpty();
        List<String> drops = this.server.statements().stream().filter((sql) -> sql.startsWith("DROP")).toList();
        assertThat(drops).containsSubsequence("DROP MATERIALIZED VIEW IF EXISTS `shop`.`by_name`",
                "DROP VIEW IF EXISTS `shop`.`recent`", "DROP TABLE IF EXISTS `shop`.`orders`");
        assertThat(drops).contains("DROP TABLE IF EXISTS `shop`.`flyway_schema_history`",
                "DROP TABLE IF EXISTS `shop`.`flyway_schema_history_lock`");
    }

    @Test
    void baselineWritesTheBaselineRow() {
        flyway(true).baseline();

        assertThat(this.jdbc.queryForList("SELECT version, type, description, installed_by FROM "
                + "shop.flyway_schema_history")).singleElement().satisfies((row) -> {
                    assertThat(row.get("version")).isEqualTo("1");
                    assertThat(row.get("type")).isEqualTo("BASELINE");
                    assertThat(row.get("description")).isEqualTo("<< Flyway Baseline >>");
                    assertThat(row.get("installed_by")).isEqualTo("root");
                });
    }

}
