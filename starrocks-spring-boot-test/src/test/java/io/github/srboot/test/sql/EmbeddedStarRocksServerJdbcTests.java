package io.github.srboot.test.sql;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Unchanged Connector/J, HikariCP and Spring's JdbcTemplate against the embedded StarRocks over the wire.
 */
class EmbeddedStarRocksServerJdbcTests {

    private static EmbeddedStarRocksServer starRocks;

    private static HikariDataSource dataSource;

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        starRocks = EmbeddedStarRocksServer.builder().start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(starRocks.jdbcUrl());
        config.setUsername("root");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        dataSource = new HikariDataSource(config);
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stop() {
        dataSource.close();
        starRocks.close();
    }

    @AfterEach
    void dropDatabases() {
        for (String database : starRocks.stub().databases()) {
            jdbc.execute("DROP DATABASE IF EXISTS `" + database + "`");
        }
        starRocks.reset();
    }

    @Test
    void answersTheVariablesAndFunctionsAsTheFrontendDoes() {
        // qe/GlobalVariable.java: versionComment = STARROCKS_VERSION + "-" + STARROCKS_COMMIT_HASH
        assertThat(jdbc.queryForObject("SELECT @@version_comment", String.class)).isEqualTo("3.5.5-e0b2fd4");
        // qe/GlobalVariable.java: language = "/starrocks/share/english/"
        assertThat(jdbc.queryForObject("SELECT @@language", String.class)).isEqualTo("/starrocks/share/english/");
        // recorded: sql/sqltests/CASE_159 (select @@run_mode on a shared-nothing cluster)
        assertThat(jdbc.queryForObject("SELECT @@run_mode", String.class)).isEqualTo("shared_nothing");
        // ExpressionAnalyzer.visitInformationFunction: DATABASE() is the session's database, "" without one
        assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).isEmpty();
        // UserIdentity.toString(): 'user'@'remote ip' for USER(), 'user'@'%' for CURRENT_USER()
        assertThat(jdbc.queryForObject("SELECT USER()", String.class)).isEqualTo("'root'@'127.0.0.1'");
        assertThat(jdbc.queryForObject("SELECT CURRENT_USER()", String.class)).isEqualTo("'root'@'%'");
        // be/src/exprs/utility_functions.cpp: current_version() = "<version> <commit>"
        assertThat(jdbc.queryForObject("SELECT current_version()", String.class)).isEqualTo("3.5.5 e0b2fd4");
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).isEqualTo("8.0.33");
    }

    @Test
    void refusesAnUnknownVariableWithTheFrontendsError() {
        // common/ErrorCode.java: ERR_UNKNOWN_SYSTEM_VARIABLE(1193, HY000, "Unknown system variable '%s'")
        assertThatExceptionOfType(org.springframework.jdbc.UncategorizedSQLException.class)
            .isThrownBy(() -> jdbc.queryForObject("SELECT @@foreign_key_checks", String.class))
            .satisfies((ex) -> {
                assertThat(ex.getSQLException().getErrorCode()).isEqualTo(1193);
                assertThat(ex.getSQLException().getSQLState()).isEqualTo("HY000");
                assertThat(ex.getSQLException().getMessage()).isEqualTo("Unknown system variable 'foreign_key_checks'");
            });
    }

    @Test
    void currentVersionFailsWithoutALiveBackend() {
        starRocks.stub().backends().get(0).stop();
        try {
            assertThatExceptionOfType(org.springframework.dao.DataAccessException.class)
                .isThrownBy(() -> jdbc.queryForObject("SELECT current_version()", String.class))
                .havingRootCause().withMessageContaining("no BE");
            // variables are answered by the FE alone
            assertThat(jdbc.queryForObject("SELECT @@version_comment", String.class)).isEqualTo("3.5.5-e0b2fd4");
        }
        finally {
            starRocks.stub().backends().get(0).start();
        }
    }

    @Test
    void aTableCreatedOverSqlIsLoadableOverStreamLoadAndReadableOverSql() throws Exception {
        jdbc.execute("CREATE DATABASE shop");
        jdbc.execute("CREATE TABLE shop.orders (id BIGINT NOT NULL, status VARCHAR(20), amount DECIMAL(10, 2)) "
                + "PRIMARY KEY (id) DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES (\"replication_num\" = \"1\")");
        jdbc.update("INSERT INTO shop.orders VALUES (1, 'new', 10.5), (2, 'paid', 3)");

        HttpResponse<String> load = streamLoad("shop", "orders", "3\tshipped\t7.25\n4\tnew\t1\n");
        assertThat(load.body()).contains("\"Status\":\"Success\"");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shop.orders", Long.class)).isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT id, amount FROM shop.orders WHERE status = 'new' ORDER BY id DESC"))
            .containsExactly(Map.of("id", 4L, "amount", new java.math.BigDecimal("1.00")),
                    Map.of("id", 1L, "amount", new java.math.BigDecimal("10.50")));
        assertThat(starRocks.stub().table("shop", "orders").rowCount()).isEqualTo(4);
    }

    @Test
    void updatesAndDeletesRowsOfAPrimaryKeyTable() {
        jdbc.execute("CREATE DATABASE app");
        JdbcTemplate inApp = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                starRocks.jdbcUrl("app"), "root", "", true));
        inApp.execute("CREATE TABLE history (installed_rank INT NOT NULL, version VARCHAR(50), success BOOLEAN) "
                + "PRIMARY KEY (installed_rank) DISTRIBUTED BY HASH(installed_rank)");
        inApp.update("INSERT INTO history (installed_rank, version, success) VALUES (1, '1', true), (2, '2', false)");
        assertThat(inApp.update("UPDATE history SET success = true WHERE version IN ('2', '3')")).isEqualTo(1);
        assertThat(inApp.update("DELETE FROM history WHERE installed_rank = 1 AND success = true")).isEqualTo(1);
        assertThat(inApp.queryForList("SELECT * FROM history")).containsExactly(
                // BOOLEAN is sent as MySQL TINY with length 255 (PrimitiveType.toMysqlType, MysqlColDef): an Integer
                Map.of("installed_rank", 2, "version", "2", "success", 1));
        assertThat(inApp.queryForObject("SELECT COUNT(*) FROM history WHERE version IS NULL", Long.class)).isZero();
    }

    @Test
    void aLabelIsUsedOnceInADatabaseByInsertAndStreamLoadAlike() throws Exception {
        jdbc.execute("CREATE DATABASE shop");
        jdbc.execute("CREATE DATABASE other");
        String table = "(id BIGINT NOT NULL, name VARCHAR(20)) PRIMARY KEY (id) DISTRIBUTED BY HASH(id) BUCKETS 1";
        jdbc.execute("CREATE TABLE shop.events " + table);
        jdbc.execute("CREATE TABLE other.events " + table);

        jdbc.update("INSERT INTO shop.events WITH LABEL `claim_1` (id, name) VALUES (1, 'first')");
        // common/LabelAlreadyUsedException.java, thrown by transaction/DatabaseTransactionMgr.beginTransaction for a
        // label a transaction of the database, not aborted, holds; no error code, so MysqlErrPacket's 1064 / HY000
        assertThatExceptionOfType(org.springframework.dao.DataAccessException.class)
            .isThrownBy(() -> jdbc.update("INSERT INTO shop.events WITH LABEL claim_1 (id, name) VALUES (2, 'x')"))
            .havingRootCause()
            .isInstanceOfSatisfying(SQLException.class, (ex) -> {
                assertThat(ex.getErrorCode()).isEqualTo(1064);
                assertThat(ex.getMessage()).isEqualTo("Label [claim_1] has already been used.");
            });
        // labels are per database
        jdbc.update("INSERT INTO other.events WITH LABEL claim_1 VALUES (1, 'elsewhere')");
        // INSERT and Stream Load share the database's labels
        assertThat(streamLoad("shop", "events", "3\tloaded\n", "claim_2").body()).contains("\"Status\":\"Success\"");
        assertThatExceptionOfType(org.springframework.dao.DataAccessException.class)
            .isThrownBy(() -> jdbc.update("INSERT INTO shop.events WITH LABEL claim_2 VALUES (4, 'x')"))
            .havingRootCause()
            .withMessage("Label [claim_2] has already been used.");
        // a failed INSERT aborts its transaction, which frees its label
        assertThatExceptionOfType(org.springframework.dao.DataAccessException.class)
            .isThrownBy(() -> jdbc.update("INSERT INTO shop.events WITH LABEL claim_3 VALUES (NULL, 'fifth')"));
        jdbc.update("INSERT INTO shop.events WITH LABEL claim_3 VALUES (5, 'fifth')");

        assertThat(jdbc.queryForList("SELECT id FROM shop.events ORDER BY id", Long.class)).containsExactly(1L, 3L, 5L);
        assertThat(starRocks.stub().loadState("shop", "claim_1"))
            .isEqualTo(io.github.srboot.test.streamload.LoadState.VISIBLE);
    }

    @Test
    void printsTheCommentAndScheduleOfAMaterializedView() {
        jdbc.execute("CREATE DATABASE shop");
        jdbc.execute("CREATE TABLE shop.events (id BIGINT NOT NULL, name VARCHAR(20)) PRIMARY KEY (id) "
                + "DISTRIBUTED BY HASH(id) BUCKETS 1");
        jdbc.execute("CREATE MATERIALIZED VIEW shop.named COMMENT \"named events\" DISTRIBUTED BY HASH(id) BUCKETS 2 "
                + "REFRESH ASYNC START('2026-01-01 00:00:00') EVERY (INTERVAL 1 MINUTE) AS SELECT id, name FROM events");
        // catalog/MaterializedView.java getMaterializedViewDdlStmt: COMMENT on its own line after the columns,
        // REFRESH ASYNC START("...") EVERY(INTERVAL n UNIT); the rest in the shape of show-create corpus 0026
        String printed = jdbc.queryForObject("SHOW CREATE MATERIALIZED VIEW shop.named",
                (row, number) -> row.getString(2));
        assertThat(printed).isEqualTo("""
                    CREATE MATERIALIZED VIEW `named` (`id`, `name`)
                    COMMENT "named events"
                    DISTRIBUTED BY HASH(`id`) BUCKETS 2 \n\
                    REFRESH ASYNC START("2026-01-01 00:00:00") EVERY(INTERVAL 1 MINUTE)
                    PROPERTIES (
                    "replicated_storage" = "true",
                    "replication_num" = "1",
                    "storage_medium" = "HDD"
                    )
                    AS SELECT id, name FROM events;""");
    }

    @Test
    void filtersByComparisons() {
        jdbc.execute("CREATE DATABASE shop");
        jdbc.execute("CREATE TABLE shop.events (id BIGINT NOT NULL, name VARCHAR(20)) PRIMARY KEY (id) "
                + "DISTRIBUTED BY HASH(id) BUCKETS 1");
        jdbc.update("INSERT INTO shop.events VALUES (-1, 'a'), (2, 'b'), (10, 'c'), (11, NULL)");
        // numbers compare as numbers (10 > 2), not as text
        assertThat(jdbc.queryForList("SELECT id FROM shop.events WHERE id > -1 ORDER BY id", Long.class))
            .containsExactly(2L, 10L, 11L);
        assertThat(jdbc.queryForList("SELECT id FROM shop.events WHERE id >= 2 AND id < 11 ORDER BY id", Long.class))
            .containsExactly(2L, 10L);
        assertThat(jdbc.queryForList("SELECT id FROM shop.events WHERE id <= 2 ORDER BY id", Long.class))
            .containsExactly(-1L, 2L);
        // a comparison with NULL is never true
        assertThat(jdbc.queryForList("SELECT id FROM shop.events WHERE name != 'b' ORDER BY id", Long.class))
            .containsExactly(-1L, 10L);
        assertThat(jdbc.queryForList("SELECT id FROM shop.events WHERE name <> 'a' ORDER BY id", Long.class))
            .containsExactly(2L, 10L);
    }

    @Test
    void refusesWhatItDoesNotImplementNamingTheStatement() {
        assertThatExceptionOfType(org.springframework.dao.DataAccessException.class)
            .isThrownBy(() -> jdbc.queryForList("SELECT a FROM t1 JOIN t2 ON t1.x = t2.y"))
            .havingRootCause()
            .withMessage("The embedded StarRocks does not implement this statement: SELECT a FROM t1 JOIN t2 ON t1.x = t2.y");
    }

    @Test
    void reportsDatabasesAndTables() {
        jdbc.execute("CREATE DATABASE d1");
        jdbc.execute("CREATE TABLE d1.t (k INT) DUPLICATE KEY (k) DISTRIBUTED BY HASH(k)");
        jdbc.execute("CREATE VIEW d1.v AS SELECT k FROM d1.t");
        assertThat(jdbc.queryForList("SHOW DATABASES", String.class)).contains("d1", "information_schema");
        assertThat(jdbc.queryForList("SHOW TABLES FROM d1", String.class)).containsExactly("t", "v");
        assertThat(jdbc.queryForList("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.tables "
                + "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME", "d1")).containsExactly(
                        Map.of("TABLE_NAME", "t", "TABLE_TYPE", "BASE TABLE"),
                        Map.of("TABLE_NAME", "v", "TABLE_TYPE", "VIEW"));
        // recorded: sql/sqltests/CASE_082 (dropping a database that does not exist)
        assertThatExceptionOfType(org.springframework.dao.DataAccessException.class)
            .isThrownBy(() -> jdbc.execute("DROP DATABASE nope"))
            .havingRootCause().withMessage("Can't drop database 'nope'; database doesn't exist");
    }

    @Test
    void refusesAWrongPassword() {
        // MysqlProto.authenticate -> ErrorCode.ERR_ACCESS_DENIED_ERROR(1045, 28000)
        assertThatExceptionOfType(SQLException.class)
            .isThrownBy(() -> java.sql.DriverManager.getConnection(starRocks.jdbcUrl(), "root", "wrong").close())
            .satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(1045))
            .withMessageContaining("Access denied for user 'root' (using password: YES)");
    }

    @Test
    void injectsFaults() throws Exception {
        starRocks.faults().failStatement(1, 1064, "injected failure");
        assertThatExceptionOfType(org.springframework.dao.DataAccessException.class)
            .isThrownBy(() -> jdbc.queryForObject("SELECT 1", Integer.class))
            .havingRootCause().withMessage("injected failure");
        assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
        starRocks.faults().refuseConnections();
        assertThatExceptionOfType(SQLException.class)
            .isThrownBy(() -> java.sql.DriverManager.getConnection(starRocks.jdbcUrl(), "root", "").close());
        starRocks.faults().acceptConnections();
        try (Connection connection = java.sql.DriverManager.getConnection(starRocks.jdbcUrl(), "root", "")) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void aSlowStatementOutlastsAClientSocketTimeout() throws Exception {
        starRocks.faults().slowStatement("SELECT 2", java.time.Duration.ofSeconds(30));
        try (Connection connection = java.sql.DriverManager.getConnection(starRocks.jdbcUrl() + "?socketTimeout=500",
                "root", "")) {
            assertThatExceptionOfType(SQLException.class)
                .isThrownBy(() -> connection.createStatement().executeQuery("SELECT 2"))
                .withMessageContaining("Communications link failure");
        }
        // only the matching statement was delayed
        assertThat(jdbc.queryForObject("SELECT 3", Integer.class)).isEqualTo(3);
    }

    private static HttpResponse<String> streamLoad(String database, String table, String body) throws Exception {
        return streamLoad(database, table, body, "l" + System.nanoTime());
    }

    private static HttpResponse<String> streamLoad(String database, String table, String body, String label)
            throws Exception {
        URI backend = starRocks.stub().backendUrls().get(0);
        HttpRequest request = HttpRequest.newBuilder(backend.resolve("/api/" + database + "/" + table
                + "/_stream_load"))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("root:".getBytes(
                    StandardCharsets.UTF_8)))
            .header("label", label)
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

}
