package io.github.srboot.test.sql;

import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * ALTER TABLE clauses, CREATE INDEX, ADMIN SET FRONTEND CONFIG and SET over JDBC against the embedded StarRocks:
 * what SHOW CREATE TABLE prints afterwards and what happens to the rows a table holds. (The show-create corpus replay
 * checks the printed text against StarRocks' recordings; these tests check the rows and the refusals.)
 */
class TableAlterationsTests {

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
        config.setMaximumPoolSize(1);
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
        jdbc.execute("ADMIN SET FRONTEND CONFIG (\"enable_replicated_storage_as_default_engine\" = \"true\")");
        starRocks.reset();
    }

    @Test
    void addColumnAfterKeepsTheRowsAndGivesThemTheDefault() {
        jdbc.execute("CREATE DATABASE d");
        jdbc.execute("CREATE TABLE d.t (k INT NOT NULL, v VARCHAR(10)) PRIMARY KEY (k)");
        jdbc.execute("INSERT INTO d.t VALUES (1, 'a'), (2, 'b')");
        jdbc.execute("ALTER TABLE d.t ADD COLUMN c INT DEFAULT \"7\" AFTER k");
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM d.t ORDER BY k");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).keySet()).containsExactly("k", "c", "v");
        assertThat(rows.get(0).values()).containsExactly(1, 7, "a");
        assertThat(rows.get(1).values()).containsExactly(2, 7, "b");
    }

    @Test
    void renameColumnRenamesTheKeyAndKeepsTheValues() {
        jdbc.execute("CREATE DATABASE d");
        jdbc.execute("CREATE TABLE d.t (k INT NOT NULL, v VARCHAR(10)) PRIMARY KEY (k)");
        jdbc.execute("INSERT INTO d.t VALUES (1, 'a')");
        jdbc.execute("ALTER TABLE d.t RENAME COLUMN k TO id");
        assertThat(jdbc.queryForObject("SELECT v FROM d.t WHERE id = 1", String.class)).isEqualTo("a");
        assertThat(showCreate("d.t")).contains("PRIMARY KEY(`id`)").contains("`id` int(11) NOT NULL COMMENT \"\"");
    }

    @Test
    void addPartitionLessThanStartsWhereTheRangeBelowEnds() {
        jdbc.execute("CREATE DATABASE d");
        // the shape of show-create altered/1053
        jdbc.execute("CREATE TABLE d.t (k INT, v INT) PARTITION BY RANGE(k) (PARTITION p1 VALUES LESS THAN (\"0\")) "
                + "DISTRIBUTED BY RANDOM BUCKETS 10");
        jdbc.execute("ALTER TABLE d.t ADD PARTITION p2 VALUES LESS THAN (\"20\")");
        // RangePartitionInfo.toSql: every range printed [lower, upper); the first starts at INT's minimum
        assertThat(showCreate("d.t")).contains("(PARTITION p1 VALUES [(\"-2147483648\"), (\"0\")),\n"
                + "PARTITION p2 VALUES [(\"0\"), (\"20\")))");
        jdbc.execute("ALTER TABLE d.t DROP PARTITION p2");
        assertThat(showCreate("d.t")).contains("(PARTITION p1 VALUES [(\"-2147483648\"), (\"0\")))")
            .doesNotContain("p2");
    }

    @Test
    void aGinIndexTurnsReplicatedStorageOff() {
        jdbc.execute("CREATE DATABASE d");
        jdbc.execute("CREATE TABLE d.t (k BIGINT NOT NULL, v VARCHAR(255)) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) "
                + "BUCKETS 1 PROPERTIES (\"replicated_storage\" = \"true\")");
        assertThat(showCreate("d.t")).contains("\"replicated_storage\" = \"true\"");
        jdbc.execute("CREATE INDEX gin_v ON d.t (v) USING GIN (\"parser\" = \"english\")");
        // the shape of show-create altered/1022 (ALTER TABLE ... ADD INDEX ... USING GIN)
        assertThat(showCreate("d.t"))
            .contains("  INDEX gin_v (`v`) USING GIN(\"imp_lib\" = \"clucene\", \"parser\" = \"english\") COMMENT ''\n")
            .contains("\"replicated_storage\" = \"false\"");
        jdbc.execute("DROP INDEX gin_v ON d.t");
        assertThat(showCreate("d.t")).doesNotContain("INDEX gin_v");
    }

    @Test
    void theReplicatedStorageDefaultFollowsTheFrontendConfig() {
        jdbc.execute("CREATE DATABASE d");
        jdbc.execute("ADMIN SET FRONTEND CONFIG (\"enable_replicated_storage_as_default_engine\" = \"false\")");
        jdbc.execute("CREATE TABLE d.t (k INT)");
        // the shape of show-create 0027: created after the item was set false
        assertThat(showCreate("d.t")).contains("\"replicated_storage\" = \"false\"");
    }

    @Test
    void refusesAFrontendConfigItemItDoesNotKnowNamingTheStatement() {
        assertThatExceptionOfType(org.springframework.dao.DataAccessException.class)
            .isThrownBy(() -> jdbc.execute("ADMIN SET FRONTEND CONFIG (\"no_such_item\" = \"1\")"))
            .havingRootCause()
            .withMessageContaining("does not implement this statement")
            .withMessageContaining("no_such_item");
    }

    @Test
    void refusesSettingAnUnknownVariableNamingTheMostSimilarOnes() {
        // common/ErrorCode.java (main): ERR_UNKNOWN_SYSTEM_VARIABLE "Unknown system variable '%s', the most similar
        // variables are %s", the names as VariableMgr.findSimilarVarNames lists them: {'a', 'b', 'c'}
        assertThatExceptionOfType(UncategorizedSQLException.class)
            .isThrownBy(() -> jdbc.execute("SET query_timeoutt = 10"))
            .satisfies((ex) -> {
                assertThat(ex.getSQLException().getErrorCode()).isEqualTo(1193);
                assertThat(ex.getSQLException().getMessage()).matches("Unknown system variable 'query_timeoutt', the "
                        + "most similar variables are \\{'query_timeout', '[a-z_]+', '[a-z_]+'\\}");
            });
    }

    private static String showCreate(String table) {
        return jdbc.queryForObject("SHOW CREATE TABLE " + table, (rs, i) -> rs.getString(2));
    }

}
