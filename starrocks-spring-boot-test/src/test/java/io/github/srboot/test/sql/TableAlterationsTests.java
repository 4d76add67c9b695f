package io.github.srboot.test.sql;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * ALTER TABLE clauses, CREATE INDEX, ADMIN SET FRONTEND CONFIG and SET over JDBC against the embedded StarRocks:
 * what SHOW CREATE TABLE prints afterwards and what happens to the rows a table holds. (The show-create corpus replay
 * checks the printed text against StarRocks' recordings; these tests check the rows and the refusals.)
 */
@EmbeddedStarRocks
class TableAlterationsTests {

    private EmbeddedStarRocksServer starRocks;

    private JdbcTemplate jdbc;

    @BeforeEach
    void connect() {
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(this.starRocks.jdbcUrl(), "root", ""));
        this.jdbc.execute("CREATE DATABASE d");
    }

    @AfterEach
    void dropTheDatabaseAndPutTheConfigBack() {
        this.jdbc.execute("DROP DATABASE d");
        // FE config items outlive a test, as on a real FE
        this.jdbc.execute("ADMIN SET FRONTEND CONFIG (\"enable_replicated_storage_as_default_engine\" = \"true\")");
    }

    @Test
    void addColumnAfterKeepsTheRowsAndGivesThemTheDefault() {
        this.jdbc.execute("CREATE TABLE d.t (k INT NOT NULL, v VARCHAR(10)) PRIMARY KEY (k)");
        this.jdbc.execute("INSERT INTO d.t VALUES (1, 'a'), (2, 'b')");
        this.jdbc.execute("ALTER TABLE d.t ADD COLUMN c INT DEFAULT \"7\" AFTER k");
        List<Map<String, Object>> rows = this.jdbc.queryForList("SELECT * FROM d.t ORDER BY k");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).keySet()).containsExactly("k", "c", "v");
        assertThat(rows.get(0).values()).containsExactly(1, 7, "a");
        assertThat(rows.get(1).values()).containsExactly(2, 7, "b");
    }

    @Test
    void renameColumnRenamesTheKeyAndKeepsTheValues() {
        this.jdbc.execute("CREATE TABLE d.t (k INT NOT NULL, v VARCHAR(10)) PRIMARY KEY (k)");
        this.jdbc.execute("INSERT INTO d.t VALUES (1, 'a')");
        this.jdbc.execute("ALTER TABLE d.t RENAME COLUMN k TO id");
        assertThat(this.jdbc.queryForObject("SELECT v FROM d.t WHERE id = 1", String.class)).isEqualTo("a");
        // the shape of show-create altered/1007 (RENAME COLUMN k1 TO k2: the key and the column renamed, printed
        // `k2` int(11) ... COMMENT ""), here on a PRIMARY KEY table, whose key column is NOT NULL (0001)
        assertThat(showCreate("d.t")).contains("PRIMARY KEY(`id`)").contains("`id` int(11) NOT NULL COMMENT \"\"");
    }

    @Test
    void renameMovesTheTableWithItsRows() {
        this.jdbc.execute("CREATE TABLE d.t1 (k INT NOT NULL, v VARCHAR(10)) PRIMARY KEY (k)");
        this.jdbc.execute("INSERT INTO d.t1 VALUES (1, 'a')");
        // the statement of sql/sqltests CASE_019 (alter table t1 rename t2)
        this.jdbc.execute("ALTER TABLE d.t1 RENAME t2");
        assertThat(this.jdbc.queryForObject("SELECT v FROM d.t2 WHERE k = 1", String.class)).isEqualTo("a");
        assertThat(showCreate("d.t2")).startsWith("CREATE TABLE `t2` (");
        assertThat(this.jdbc.queryForList("SHOW TABLES FROM d", String.class)).containsExactly("t2");
    }

    @Test
    void addPartitionLessThanStartsWhereTheRangeBelowEnds() {
        // the shape of show-create altered/1053
        this.jdbc.execute("CREATE TABLE d.t (k INT, v INT) PARTITION BY RANGE(k) (PARTITION p1 VALUES LESS THAN (\"0\")) "
                + "DISTRIBUTED BY RANDOM BUCKETS 10");
        this.jdbc.execute("ALTER TABLE d.t ADD PARTITION p2 VALUES LESS THAN (\"20\")");
        // RangePartitionInfo.toSql: every range printed [lower, upper); the first starts at INT's minimum
        assertThat(showCreate("d.t")).contains("(PARTITION p1 VALUES [(\"-2147483648\"), (\"0\")),\n"
                + "PARTITION p2 VALUES [(\"0\"), (\"20\")))");
        this.jdbc.execute("ALTER TABLE d.t DROP PARTITION p2");
        assertThat(showCreate("d.t")).contains("(PARTITION p1 VALUES [(\"-2147483648\"), (\"0\")))")
            .doesNotContain("p2");
    }

    @Test
    void aGinIndexTurnsReplicatedStorageOff() {
        this.jdbc.execute("CREATE TABLE d.t (k BIGINT NOT NULL, v VARCHAR(255)) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) "
                + "BUCKETS 1 PROPERTIES (\"replicated_storage\" = \"true\")");
        assertThat(showCreate("d.t")).contains("\"replicated_storage\" = \"true\"");
        this.jdbc.execute("CREATE INDEX gin_v ON d.t (v) USING GIN (\"parser\" = \"english\")");
        // the shape of show-create altered/1022 (ALTER TABLE ... ADD INDEX ... USING GIN)
        assertThat(showCreate("d.t"))
            .contains("  INDEX gin_v (`v`) USING GIN(\"imp_lib\" = \"clucene\", \"parser\" = \"english\") COMMENT ''\n")
            .contains("\"replicated_storage\" = \"false\"");
        this.jdbc.execute("DROP INDEX gin_v ON d.t");
        assertThat(showCreate("d.t")).doesNotContain("INDEX gin_v");
    }

    @Test
    void theReplicatedStorageDefaultFollowsTheFrontendConfig() {
        this.jdbc.execute("ADMIN SET FRONTEND CONFIG (\"enable_replicated_storage_as_default_engine\" = \"false\")");
        this.jdbc.execute("CREATE TABLE d.t (k INT)");
        // the shape of show-create 0027: created after the item was set false
        assertThat(showCreate("d.t")).contains("\"replicated_storage\" = \"false\"");
    }

    @Test
    void refusesAFrontendConfigItemItDoesNotKnowNamingTheStatement() {
        assertThatExceptionOfType(org.springframework.dao.DataAccessException.class)
            .isThrownBy(() -> this.jdbc.execute("ADMIN SET FRONTEND CONFIG (\"no_such_item\" = \"1\")"))
            .havingRootCause()
            .withMessageContaining("does not implement this statement")
            .withMessageContaining("no_such_item");
    }

    @Test
    void refusesSettingAnUnknownVariableNamingTheMostSimilarOnes() {
        // common/ErrorCode.java (main): ERR_UNKNOWN_SYSTEM_VARIABLE "Unknown system variable '%s', the most similar
        // variables are %s", the names as VariableMgr.findSimilarVarNames lists them: {'a', 'b', 'c'}
        assertThatExceptionOfType(UncategorizedSQLException.class)
            .isThrownBy(() -> this.jdbc.execute("SET query_timeoutt = 10"))
            .satisfies((ex) -> {
                assertThat(ex.getSQLException().getErrorCode()).isEqualTo(1193);
                assertThat(ex.getSQLException().getMessage()).matches("Unknown system variable 'query_timeoutt', the "
                        + "most similar variables are \\{'query_timeout', '[a-z_]+', '[a-z_]+'\\}");
            });
    }

    private String showCreate(String table) {
        return this.jdbc.queryForObject("SHOW CREATE TABLE " + table, (rs, i) -> rs.getString(2));
    }

}
