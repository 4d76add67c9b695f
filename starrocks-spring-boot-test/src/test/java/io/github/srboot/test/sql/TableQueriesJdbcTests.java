package io.github.srboot.test.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SELECT functions and predicates and the DML rules the Stream Load replay's cases use, over JDBC against the
 * embedded StarRocks.
 */
class TableQueriesJdbcTests {

    private EmbeddedStarRocksServer starRocks;

    private SingleConnectionDataSource dataSource;

    private JdbcTemplate jdbc;

    @BeforeEach
    void start() {
        this.starRocks = EmbeddedStarRocksServer.builder().start();
        this.dataSource = new SingleConnectionDataSource(this.starRocks.jdbcUrl(), "root", "", true);
        this.jdbc = new JdbcTemplate(this.dataSource);
        this.jdbc.execute("CREATE DATABASE shop");
        this.jdbc.execute("USE shop");
        this.jdbc.execute("CREATE TABLE orders (id INT, code VARCHAR(20), amount INT, note VARCHAR(20), v1 INT, "
                + "v2 INT, v3 INT, v4 INT, v5 INT, v6 INT) PRIMARY KEY (id) DISTRIBUTED BY HASH(id)");
        this.jdbc.execute("INSERT INTO orders (id, code, amount, note) VALUES (1, 'ab', 10, 'x'), (2, '\u000b', "
                + "-1, 'y'), (3, NULL, 255, 'z')");
    }

    @AfterEach
    void stop() {
        this.dataSource.destroy();
        this.starRocks.close();
    }

    @Test
    void hexPrintsStringsByteByByteAndIntegersAsSixtyFourBitTwosComplement() {
        // be/src/exprs/string_functions.cpp: hex_string (two upper-case digits a byte), hex_int (std::hex of an
        // int64, upper case); recorded: stream-load/sqltests/CASE_003 (hex of "\u000b" is 0B)
        assertThat(this.jdbc.queryForList("SELECT id, hex(code), hex(amount) FROM orders ORDER BY id"))
            .extracting((row) -> row.get("hex(code)") + " " + row.get("hex(amount)"))
            .containsExactly("6162 A", "0B FFFFFFFFFFFFFFFF", "null FF");
    }

    @Test
    void countOfALiteralCountsEveryRowAndIsLabelledWithItsText() throws SQLException {
        try (Connection connection = DriverManager.getConnection(this.starRocks.jdbcUrl("shop"), "root", "");
                Statement statement = connection.createStatement();
                var result = statement.executeQuery("select count(1) from orders")) {
            // an unaliased select item is named by its text, lower-case function name as written (the FE's
            // SelectAnalyzer names output columns by the expression's SQL; recorded MV columns such as `count(v1)`
            // in show-create's synchronous-MV pairs); CASE_036 of stream-load/sqltests selects count(1)
            assertThat(result.getMetaData().getColumnLabel(1)).isEqualTo("count(1)");
            assertThat(result.next()).isTrue();
            assertThat(result.getLong(1)).isEqualTo(3);
        }
    }

    @Test
    void aPredicateOnALiteralHoldsForEveryRowOrForNone() {
        // recorded: stream-load/sqltests/CASE_036 ('v3' is a string literal, not the column v3)
        assertThat(this.jdbc.queryForObject("select count(1) from orders where 'v3' is not null", Long.class))
            .isEqualTo(3);
        assertThat(this.jdbc.queryForObject("select count(*) from orders where 'v3' is null", Long.class))
            .isZero();
        assertThat(this.jdbc.queryForList("select id from orders where 1 is not null and amount > 0 order by id",
                Integer.class)).containsExactly(1, 3);
    }

    @Test
    void insertWithAMergeConditionKeepsTheStoredRowWhenItsValueIsGreater() {
        // StarRocks.g4 insertStatement: PROPERTIES before VALUES; recorded: stream-load/sqltests/CASE_028
        this.jdbc.execute("insert into orders properties(\"merge_condition\" = \"amount\") values "
                + "(1, 'older', 5, 'x', 1, 1, 1, 1, 1, 1)");
        assertThat(this.jdbc.queryForObject("select code from orders where id = 1", String.class)).isEqualTo("ab");
        this.jdbc.execute("insert into orders properties(\"merge_condition\" = \"amount\") values "
                + "(1, 'newer', 10, 'x', 1, 1, 1, 1, 1, 1)");
        assertThat(this.jdbc.queryForObject("select code from orders where id = 1", String.class))
            .isEqualTo("newer");
    }

    @Test
    void insertDefaultWritesTheColumnDefaultAndANewAutoIncrementId() {
        // recorded: stream-load/sqltests/CASE_022 and CASE_025 (DEFAULT of an AUTO_INCREMENT column takes a new id,
        // also when the row's key exists)
        this.jdbc.execute("ADMIN SET FRONTEND CONFIG (\"auto_increment_cache_size\" = \"0\")");
        this.jdbc.execute("CREATE TABLE ids (k BIGINT NOT NULL, name STRING DEFAULT 'abc', id BIGINT AUTO_INCREMENT) "
                + "PRIMARY KEY (k) DISTRIBUTED BY HASH(k)");
        this.jdbc.execute("INSERT INTO ids VALUES (1, DEFAULT, DEFAULT), (2, 'b', DEFAULT)");
        this.jdbc.execute("INSERT INTO ids VALUES (1, 'a', DEFAULT)");
        assertThat(this.jdbc.queryForList("SELECT k, name, id FROM ids ORDER BY k"))
            .extracting((row) -> row.get("k") + " " + row.get("name") + " " + row.get("id"))
            .containsExactly("1 a 3", "2 b 2");
    }

    @Test
    void deleteRemovesTheMatchingRowsOfADuplicateKeyTableAndNeedsAWhere() {
        this.jdbc.execute("CREATE TABLE events (k INT, v INT) DUPLICATE KEY (k) DISTRIBUTED BY HASH(k)");
        this.jdbc.execute("INSERT INTO events VALUES (1, NULL), (2, 5), (2, 3), (3, 7)");
        // recorded: stream-load/sqltests/CASE_030 (delete from t1 where v3>4 keeps the rows whose v3 is NULL)
        this.jdbc.execute("DELETE FROM events WHERE v>4");
        assertThat(this.jdbc.queryForList("SELECT k, v FROM events ORDER BY k"))
            .extracting((row) -> row.get("k") + " " + row.get("v")).containsExactly("1 null", "2 3");
        // DeleteAnalyzer's refusals without WHERE (fe-core AnalyzeDeleteTest: "Where clause is not set",
        // "Delete must specify where clause to prevent full table delete")
        assertThatExceptionOfType(Exception.class).isThrownBy(() -> this.jdbc.execute("DELETE FROM events"))
            .havingRootCause().withMessageContaining("Where clause is not set");
        assertThatExceptionOfType(Exception.class).isThrownBy(() -> this.jdbc.execute("DELETE FROM orders"))
            .havingRootCause().withMessageContaining("Delete must specify where clause to prevent full table delete");
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM orders", Long.class)).isEqualTo(3);
    }

    @Test
    void adminSetFrontendConfigAcceptsOnlyConfigurationsWithoutEffectHere() {
        this.jdbc.execute("ADMIN SET FRONTEND CONFIG ('auto_increment_cache_size' = '100')");
        assertThatExceptionOfType(Exception.class)
            .isThrownBy(() -> this.jdbc.execute("ADMIN SET FRONTEND CONFIG (\"enable_experimental_rowstore\" = "
                    + "\"true\")"))
            .havingRootCause().withMessageStartingWith("The embedded StarRocks does not implement this statement");
    }

    @Test
    void updateWithoutWhereRunsOnlyAsAPartialUpdateByColumn() {
        // UpdateAnalyzer: without WHERE, mode auto allows at most 3 columns and fewer than 30% of the table's
        this.jdbc.execute("update orders set note = 'all'");
        assertThat(this.jdbc.queryForList("select note from orders", String.class)).containsOnly("all");
        assertThat(this.jdbc.queryForList("select amount from orders order by id", Integer.class))
            .containsExactly(10, -1, 255);
        // recorded: stream-load/sqltests/CASE_027 (the message and code)
        assertThatExceptionOfType(Exception.class)
            .isThrownBy(() -> this.jdbc.execute("update orders set note = 'a', v1 = 1, v2 = 2"))
            .havingRootCause().withMessage("Getting analyzing error. Detail message: must specify where clause to "
                    + "prevent full table update.");
        this.jdbc.execute("set partial_update_mode = \"column\"");
        this.jdbc.execute("update orders set note = 'b', v1 = 1, v2 = 2, v3 = 3");
        assertThat(this.jdbc.queryForList("select v3 from orders", Integer.class)).containsOnly(3);
        this.jdbc.execute("set partial_update_mode = 'row'");
        assertThatExceptionOfType(Exception.class)
            .isThrownBy(() -> this.jdbc.execute("update orders set note = 'c'"))
            .havingRootCause().withMessageContaining("must specify where clause");
        assertThat(this.jdbc.queryForList("select note from orders", String.class)).isEqualTo(List.of("b", "b", "b"));
    }

}
