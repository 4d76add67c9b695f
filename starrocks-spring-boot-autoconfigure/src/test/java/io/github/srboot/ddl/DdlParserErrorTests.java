package io.github.srboot.ddl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Syntax errors name the line, the column and the offending token; semantic errors surface as the model's
 * {@link DdlValidationException}.
 */
class DdlParserErrorTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            CREATE TABLE t (a INT,)                                   | 1 | 23 | )          | expected a column name
            CREATE TABLE t (a)                                        | 1 | 18 | )          | expected a data type
            CREATE TABLE t (a INTT)                                   | 1 | 19 | INTT       | unknown data type
            CREATE INDEX i ON t (a)                                   | 1 |  8 | INDEX      | expected TABLE, VIEW or MATERIALIZED VIEW
            CREATE OR REPLACE TABLE t (a INT)                         | 1 | 19 | TABLE      | expected VIEW after CREATE OR REPLACE
            DROP TABLE t                                              | 1 |  1 | DROP       | expected CREATE
            CREATE TABLE hive.db.t (a INT)                            | 1 | 22 | t          | only the internal catalog
            CREATE TABLE t (a INT) DISTRIBUTED BY RANDOM COMMENT 'x'  | 1 | 46 | COMMENT    | clauses come in the order
            CREATE TABLE t (a INT NULL NOT NULL)                      | 1 | 28 | NOT        | NULL or NOT NULL only once
            CREATE TABLE t (a INT DEFAULT "1" AUTO_INCREMENT)         | 1 | 35 | AUTO_INCREMENT | DEFAULT, AUTO_INCREMENT or AS only once
            CREATE TABLE t (a INT DEFAULT ())                         | 1 | 31 | (          | expected an expression inside DEFAULT
            CREATE TABLE t (a INT DEFAULT now)                        | 1 | 31 | now        | expected a DEFAULT value
            CREATE TABLE t (a INT COMMENT x)                          | 1 | 31 | x          | expected a quoted string as column comment
            CREATE TABLE t (a ARRAY<INT)                              | 1 | 28 | )          | expected '>'
            CREATE TABLE t (a DECIMAL(10, x))                         | 1 | 31 | x          | expected a whole number as type argument
            CREATE TABLE t (a INT) DISTRIBUTED BY LIST                | 1 | 39 | LIST       | expected HASH or RANDOM
            CREATE TABLE t (a INT) DISTRIBUTED BY HASH(a) BUCKETS x   | 1 | 55 | x          | expected a whole number as bucket count
            CREATE TABLE t (a INT) PROPERTIES ("k" = "1", "k" = "2")  | 1 | 47 | "k"        | the property is given twice
            CREATE TABLE t (a INT) PROPERTIES ("k" = 1)               | 1 | 42 | 1          | expected a quoted string as property value
            CREATE TABLE t (a INT, INDEX i (a) USING HASH)            | 1 | 42 | HASH       | expected the index type BITMAP, GIN, NGRAMBF or VECTOR
            CREATE VIEW v (a) SELECT 1                                | 1 | 19 | SELECT     | expected AS
            CREATE VIEW v SECURITY DEFINER AS SELECT 1                | 1 | 24 | DEFINER    | expected NONE or INVOKER
            CREATE MATERIALIZED VIEW m REFRESH SOMETIMES AS SELECT 1  | 1 | 36 | SOMETIMES  | expected ASYNC, SCHEDULE, MANUAL or INCREMENTAL
            CREATE MATERIALIZED VIEW m REFRESH MANUAL REFRESH MANUAL AS SELECT 1 | 1 | 43 | REFRESH | the clause is given twice
            CREATE MATERIALIZED VIEW m ROLLUP AS SELECT 1             | 1 | 28 | ROLLUP     | expected PARTITION BY, DISTRIBUTED BY, ORDER BY, REFRESH, PROPERTIES or AS
            CREATE MATERIALIZED VIEW m REFRESH ASYNC EVERY(INTERVAL 1 FORTNIGHT) AS SELECT 1 | 1 | 59 | FORTNIGHT | unknown interval unit
            CREATE TABLE t (d DATE) PARTITION BY RANGE(d) (PARTITION p VALUES IN ("1")) | 1 | 67 | IN | expected LESS THAN or '['
            CREATE TABLE t (d DATE) PARTITION BY RANGE(d) (PARTITION p VALUES LESS THAN (2024)) | 1 | 78 | 2024 | expected a quoted string as partition bound value
            CREATE TABLE t (d DATE) PARTITION BY RANGE(d) (PARTITION p VALUES [("2024-01-01"), ("2024-02-01"))) DISTRIBUTED BY RANDOM x | 1 | 123 | x | clauses come in the order
            CREATE TABLE t (c VARCHAR(9)) PARTITION BY LIST(c) (PARTITION p VALUES IN ("a") ("replication_num" = 1)) | 1 | 102 | 1 | expected a quoted string as property value
            CREATE TABLE t (a INT) CREATE TABLE u (b INT)             | 1 | 24 | CREATE     | clauses come in the order
            CREATE TABLE t (a INT, b INT AS abs(a                     | 1 | 38 |            | expected ')' to close the generation expression
            CREATE TABLE t (a INT, b INT) PARTITION BY RANGE(a, b) (PARTITION p VALUES LESS THAN ("1", MAXVALUE)) | 1 | 86 | ( | MAXVALUE can only stand alone
            CREATE TABLE t (a INT) PARTITION BY RANGE(a) (PARTITION p VALUES [(MAXVALUE), ("1")))  | 1 | 66 | [ | MAXVALUE cannot be a lower bound
            CREATE TABLE t (a INT) PARTITION BY RANGE(a) (PARTITION p VALUES [("0"), ("1", MAXVALUE)))  | 1 | 74 | ( | MAXVALUE in only some columns
            """)
    void reportsPositionAndToken(String sql, int line, int column, String token, String problem) {
        // An empty token column (null) stands for the end of the input.
        assertThatExceptionOfType(DdlSyntaxException.class).isThrownBy(() -> Ddl.parse(sql)).satisfies((ex) -> {
            assertThat(ex.getMessage()).contains(problem);
            assertThat(ex.getLine()).as("line").isEqualTo(line);
            assertThat(ex.getColumn()).as("column").isEqualTo(column);
            assertThat(ex.getToken()).as("token").isEqualTo(token);
        });
    }

    @Test
    void errorInALaterStatementPointsIntoThatStatement() {
        String script = """
                CREATE TABLE ok (a INT);
                -- the next one is broken
                CREATE TABLE broken (
                  a INT,
                  b VARCHAR(10) NOT NUL
                );
                """;
        assertThatExceptionOfType(DdlSyntaxException.class).isThrownBy(() -> Ddl.parse(script))
            .withMessage("Syntax error at line 5, column 21 near 'NUL': expected NULL")
            .satisfies((ex) -> assertThat(ex.getToken()).isEqualTo("NUL"));
    }

    @Test
    void inputEndingTooEarlyNamesTheEnd() {
        assertThatExceptionOfType(DdlSyntaxException.class).isThrownBy(() -> Ddl.parse("CREATE TABLE t (a INT"))
            .withMessage("Syntax error at line 1, column 22 near end of input: expected a column attribute "
                    + "(KEY, NULL, NOT NULL, DEFAULT, AUTO_INCREMENT, AS, COMMENT), ',' or ')'")
            .satisfies((ex) -> assertThat(ex.getToken()).isNull());
        assertThatExceptionOfType(DdlSyntaxException.class).isThrownBy(() -> Ddl.parse("CREATE VIEW v AS ;"))
            .withMessageContaining("expected a query after AS")
            .satisfies((ex) -> assertThat(ex.getToken()).isEqualTo(";"));
    }

    @Test
    void unclosedParenthesisInADefaultExpressionIsReportedAtTheParenthesis() {
        assertThatExceptionOfType(DdlSyntaxException.class)
            .isThrownBy(() -> Ddl.parse("CREATE TABLE t (a VARCHAR(36) DEFAULT (uuid()"))
            .satisfies((ex) -> assertThat(ex).extracting(DdlSyntaxException::getColumn, DdlSyntaxException::getToken)
                .containsExactly(39, "("))
            .withMessageContaining("never closed");
    }

    @Test
    void lexicalErrorsCarryTheirPositionThroughTheParser() {
        assertThatExceptionOfType(DdlSyntaxException.class)
            .isThrownBy(() -> Ddl.parse("CREATE TABLE t (a INT COMMENT 'open)"))
            .satisfies((ex) -> assertThat(ex).extracting(DdlSyntaxException::getLine, DdlSyntaxException::getColumn)
                .containsExactly(1, 31))
            .withMessageContaining("unterminated string literal");
    }

    @Test
    void brokenSemanticRulesSurfaceAsValidationErrors() {
        assertThatExceptionOfType(DdlValidationException.class)
            .isThrownBy(() -> Ddl.parse("CREATE TABLE t (a INT, b INT SUM) DUPLICATE KEY(a)"))
            .withMessageContaining("should not specify an aggregation");
        assertThatExceptionOfType(DdlValidationException.class)
            .isThrownBy(() -> Ddl.parse("CREATE TABLE t (a INT) DISTRIBUTED BY HASH(b)"))
            .withMessageContaining("`b`");
        assertThatExceptionOfType(DdlValidationException.class)
            .isThrownBy(() -> Ddl.parse("CREATE TABLE t (a VARCHAR(0))"))
            .withMessageContaining("length 0");
    }

}
