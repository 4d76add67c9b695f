package io.github.srboot.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ServerVariables;
import io.github.srboot.support.ShowAlterAnswers;
import io.github.srboot.support.ScriptedJdbc.Failure;
import io.github.srboot.support.ScriptedJdbc.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@ExtendWith(OutputCaptureExtension.class)
class StarRocksSqlExceptionTranslatorTests {

    private final StarRocksSqlExceptionTranslator translator = new StarRocksSqlExceptionTranslator();

    /**
     * Server errors and what they become. The ones StarRocks' SQL tester recorded are written as recorded
     * ({@code ../shared/corpus/sql/sqltests}): the code and message, the name changed (the tester records no SQL
     * state; the classifier does not read it). The others are MySQL's codes
     * and texts, which the classifier also accepts (StarRocks answers some statements with them, and a proxy may).
     */
    static Stream<Arguments> serverErrors() {
        return Stream.of(
                // Recorded: CASE_144 (1050), CASE_117 (5502), CASE_148 (5501), CASE_081 (1060), CASE_103 (syntax),
                // CASE_070 (add an existing column), CASE_102 (modify a key column of a primary key table).
                arguments(1050, "HY000", "Getting analyzing error. Detail message: Table 'orders' already exists.",
                        StarRocksObjectExistsException.class),
                arguments(5502, "HY000", "Getting analyzing error. Detail message: Unknown table 'orders'.",
                        StarRocksObjectNotFoundException.class),
                arguments(5501, "HY000", "Getting analyzing error. Detail message: Unknown database 'shop'.",
                        StarRocksObjectNotFoundException.class),
                arguments(1060, "HY000", "Duplicate column name 'pv'", StarRocksObjectExistsException.class),
                arguments(1064, "HY000", "Getting syntax error at line 1, column 18. Detail message: Unexpected input "
                        + "'from', the most similar input is {a legal identifier}.", StarRocksSyntaxException.class),
                arguments(1064, "HY000", "Can not modify key column: k0 for primary key table",
                        StarRocksUnsupportedAlterException.class),
                arguments(1050, "42S01", "Getting analyzing error. Detail message: Table 'events' already exists.",
                        StarRocksObjectExistsException.class),
                // fe/fe-core/src/main/java/com/starrocks/common/ErrorCode.java ERR_DB_CREATE_EXISTS (1007, HY000).
                arguments(1007, "HY000", "Can't create database 'shop'; database exists",
                        StarRocksObjectExistsException.class),
                arguments(1064, "HY000", "Getting analyzing error. Detail message: Duplicate column name 'pv'.",
                        StarRocksObjectExistsException.class),
                arguments(5502, "42602", "Getting analyzing error. Detail message: Unknown table 'shop.events'.",
                        StarRocksObjectNotFoundException.class),
                // ErrorCode.java ERR_BAD_DB_ERROR (1049, 42000) and ERR_BAD_TABLE_ERROR (1051, 42S02) of the servers
                // before the 55xx analyzer codes (5501/5502 above, recorded on main).
                arguments(1049, "42000", "Unknown database 'nope'", StarRocksObjectNotFoundException.class),
                arguments(1064, "HY000", "Getting analyzing error. Detail message: Unknown table 'events'.",
                        StarRocksObjectNotFoundException.class),
                arguments(1051, "42S02", "Unknown table 'events'", StarRocksObjectNotFoundException.class),
                // The "being altered" refusals: fe/fe-core/src/main/java/com/starrocks/common/
                // InvalidOlapTableStateException.java, the name bare since 3.5 and quoted before (ShowAlterAnswers).
                arguments(1064, "HY000", ShowAlterAnswers.schemaChangeRunning("events").message(),
                        StarRocksSchemaChangeInProgressException.class),
                arguments(1064, "HY000", ShowAlterAnswers.schemaChangeRunningQuoted("events").message(),
                        StarRocksSchemaChangeInProgressException.class),
                // InvalidOlapTableStateException.java, the ROLLUP, WAITING_STABLE and BACKUP states: the first with the
                // name bare as 3.5 and later print it, the others quoted as before 3.5, cut before the documentation
                // links; "state is not NORMAL" is the wording of
                // servers before 3.0, kept as the classifier still meets it there.
                arguments(1064, "HY000", "A materialized view or rollup index is being created on the table events. "
                        + "Please wait until the current operation completes. To check the status of the operation, "
                        + "see",
                        StarRocksSchemaChangeInProgressException.class),
                arguments(1064, "HY000", "Table[events]'s state is not NORMAL. Do not allow doing ALTER ops",
                        StarRocksSchemaChangeInProgressException.class),
                arguments(1064, "HY000", "A materialized view or rollup index is being created on the table "
                        + "\"events\". Please wait until the current operation completes.",
                        StarRocksSchemaChangeInProgressException.class),
                arguments(1064, "HY000", "The table \"events\" is being altered or having a materialized view built "
                        + "on it. Please wait until the current operation completes.",
                        StarRocksSchemaChangeInProgressException.class),
                arguments(1064, "HY000", "A backup operation is in progress on the table \"events\". Please wait "
                        + "until the current operation completes.", StarRocksBusyException.class),
                // be/src/storage/delta_writer.cpp: the BE's refusal of a load into a tablet over tablet_max_versions.
                arguments(1064, "HY000", "Too many versions. tablet_id: 10012, version_count: 1001, limit: 1000",
                        StarRocksBusyException.class),
                // ErrorCode.java ERR_AUTHENTICATION_FAIL (1045, 28000); ERR_ACCESS_DENIED (5203, 42000) with
                // ERR_ACCESS_DENIED_HINT_MSG_FORMAT; ERR_TABLEACCESS_DENIED_ERROR (1142, 42000) of older servers.
                arguments(1045, "28000", "Access denied for user 'app' (using password: YES)",
                        StarRocksAccessDeniedException.class),
                arguments(5203, "42000", "Access denied; you need (at least one of) the CREATE TABLE privilege(s) on "
                        + "DATABASE shop for this operation. Please ask the admin to grant permission(s) or try "
                        + "activating existing roles using <set [default] role>. Current role(s): NONE. Inactivated "
                        + "role(s): NONE.", StarRocksAccessDeniedException.class),
                arguments(1142, "42000", "ALTER command denied to user 'app'@'%' for table 'events'",
                        StarRocksAccessDeniedException.class),
                arguments(1064, "42000", "Getting syntax error at line 1, column 7. Detail message: Unexpected input "
                        + "'TABL', the most similar input is {'TABLE'}.", StarRocksSyntaxException.class),
                // Recorded: CASE_069 (sort column of a primary key table), CASE_111 (generated column),
                // CASE_139 (distribution column).
                arguments(1064, "HY000", "Can not modify sort column in primary data model table",
                        StarRocksUnsupportedAlterException.class),
                arguments(1064, "HY000", "Can not modify a non-generated column to a generated column",
                        StarRocksUnsupportedAlterException.class),
                arguments(1064, "HY000", "Can not modify distribution column[k1]. index[agg_test]",
                        StarRocksUnsupportedAlterException.class),
                // ErrorCode.java ERR_ACCESS_DENIED (5203) for a SELECT on a table.
                arguments(5203, "42000", "Access denied; you need (at least one of) the SELECT privilege(s) on TABLE "
                        + "events for this operation. Please ask the admin to grant permission(s) or try activating "
                        + "existing roles using <set [default] role>. Current role(s): NONE. Inactivated role(s): "
                        + "NONE.", StarRocksAccessDeniedException.class));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("serverErrors")
    void classifiesServerErrors(int code, String state, String message, Class<?> expected) {
        String sql = "ALTER TABLE `events` ADD COLUMN `x` INT";
        DataAccessException translated = this.translator.translate("StarRocksTemplate.execute", sql,
                new SQLException(message, state, code));
        assertThat(translated).isExactlyInstanceOf(expected);
        StarRocksError starRocks = (StarRocksError) translated;
        assertThat(starRocks.getSql()).isEqualTo(sql);
        assertThat(starRocks.getErrorCode()).isEqualTo(code);
        assertThat(starRocks.getSqlState()).isEqualTo(state);
        assertThat(starRocks.getServerMessage()).isEqualTo(message);
        assertThat(translated.getMessage()).contains(message, "StarRocks error " + code, sql);
    }

    static Stream<Arguments> springHierarchy() {
        // Recorded: CASE_103 (syntax), CASE_117 (5502), CASE_144 (1050), CASE_102 (key column); ErrorCode.java
        // ERR_AUTHENTICATION_FAIL (1045); InvalidOlapTableStateException.java (schema change and backup refusals,
        // the older quoted form).
        return Stream.of(arguments(1064, "HY000", "Getting syntax error at line 1, column 18. Detail message: "
                + "Unexpected input 'from', the most similar input is {a legal identifier}.",
                BadSqlGrammarException.class),
                arguments(5502, "HY000", "Getting analyzing error. Detail message: Unknown table 'orders'.",
                        BadSqlGrammarException.class),
                arguments(1050, "HY000", "Getting analyzing error. Detail message: Table 'orders' already exists.",
                        BadSqlGrammarException.class),
                arguments(1064, "HY000", "Can not modify key column: k0 for primary key table",
                        BadSqlGrammarException.class),
                arguments(1045, "28000", "Access denied for user 'app' (using password: YES)",
                        PermissionDeniedDataAccessException.class),
                arguments(1064, "HY000", ShowAlterAnswers.schemaChangeRunningQuoted("t").message(),
                        TransientDataAccessException.class),
                arguments(1064, "HY000", "A backup operation is in progress on the table \"t\". Please wait until "
                        + "the current operation completes.", TransientDataAccessException.class));
    }

    @ParameterizedTest(name = "{2} is a {3}")
    @MethodSource("springHierarchy")
    void keepsSpringsHierarchy(int code, String state, String message, Class<?> springType) {
        DataAccessException translated = this.translator.translate("execute", "ALTER TABLE t ADD COLUMN x INT",
                new SQLException(message, state, code));
        assertThat(translated).isInstanceOf(springType).isInstanceOf(StarRocksError.class);
        assertThat(StarRocksError.find(new RuntimeException(translated))).get()
            .extracting(StarRocksErrorDetail::errorCode)
            .isEqualTo(code);
    }

    @Test
    void unrecognisedServerErrorsKeepSpringsTranslationWithTheStatementRedacted() {
        String sql = "CREATE EXTERNAL CATALOG c PROPERTIES (\"password\" = \"s3cr3t\", \"x\" = \"abc\")";
        DataAccessException translated = this.translator.translate("execute", sql,
                new SQLException("Getting analyzing error. Detail message: Invalid number format: abc.", "42000",
                        1064));
        assertThat(translated).isExactlyInstanceOf(BadSqlGrammarException.class);
        assertThat(((BadSqlGrammarException) translated).getSQLException().getErrorCode()).isEqualTo(1064);
        assertThat(translated.getMessage()).doesNotContain("s3cr3t");
        assertThat(StarRocksError.find(translated)).isEmpty();
    }

    @Test
    void failuresWithoutServerCodeKeepSpringsMeaning() {
        DataAccessException translated = this.translator.translate("query", "SELECT 1",
                new java.sql.SQLNonTransientConnectionException("Communications link failure", "08S01", 0));
        assertThat(translated).isInstanceOf(DataAccessResourceFailureException.class)
            .isNotInstanceOf(StarRocksError.class);
    }

    @Test
    void connectionFailuresWithCodeAreNotTreatedAsServerErrors() {
        DataAccessException translated = this.translator.translate("query", "SELECT 1",
                new java.sql.SQLNonTransientConnectionException("Could not create connection", "08001", 0));
        assertThat(translated).isNotInstanceOf(StarRocksError.class);
        DataAccessException withCode = this.translator.translate("query", "SELECT 1",
                new SQLException("Communications link failure", "08S01", 2013));
        assertThat(withCode).isNotInstanceOf(StarRocksError.class);
    }

    @Test
    void serverErrorWrappedInAnotherExceptionIsFound() {
        SQLException wrapper = new SQLException("batch failed");
        wrapper.initCause(new SQLException("Unknown database 'nope'", "42000", 1049));
        assertThat(this.translator.translate("batch", "USE nope", wrapper))
            .isInstanceOf(StarRocksObjectNotFoundException.class);
    }

    @Test
    void forADataSourceItTranslatesOnlyWhenTheDataSourceIsStarRocks() {
        ScriptedJdbc starRocks = ServerVariables.starRocks(new ScriptedJdbc());
        StarRocksSqlExceptionTranslator translator = new StarRocksSqlExceptionTranslator(starRocks.dataSource());
        SQLException exists = new SQLException("Table 't' already exists", "42S01", 1050);

        assertThat(translator.translate("create", "CREATE TABLE t", exists))
            .isInstanceOf(StarRocksObjectExistsException.class);
        assertThat(translator.translate("create", "CREATE TABLE t", exists))
            .isInstanceOf(StarRocksObjectExistsException.class);
        // Asked once, for both errors.
        assertThat(starRocks.executedSql()).containsExactly("SELECT @@version_comment", "SELECT @@language");
    }

    @Test
    void aStarRocksServerBeforeThreeOneIsTranslatedToo() {
        ScriptedJdbc starRocks = ServerVariables.starRocksBefore31(new ScriptedJdbc());
        StarRocksSqlExceptionTranslator translator = new StarRocksSqlExceptionTranslator(starRocks.dataSource());

        assertThat(translator.translate("create", "CREATE TABLE t",
                new SQLException("Table 't' already exists", "42S01", 1050)))
            .isInstanceOf(StarRocksObjectExistsException.class);
    }

    @Test
    void forAnotherDatabaseItKeepsSpringsTranslation() {
        ScriptedJdbc mysql = ServerVariables.mysql8(new ScriptedJdbc());
        StarRocksSqlExceptionTranslator translator = new StarRocksSqlExceptionTranslator(mysql.dataSource());

        DataAccessException translated = translator.translate("insert", "INSERT INTO t VALUES (1)",
                new SQLException("Duplicate entry '1' for key 'PRIMARY'", "23000", 1062));

        assertThat(translated).isInstanceOf(DataIntegrityViolationException.class)
            .isNotInstanceOf(StarRocksError.class);
    }

    @Test
    void whenTheDataSourceCannotBeAskedTheErrorKeepsSpringsTranslationAndItAsksAgain(CapturedOutput output) {
        ScriptedJdbc server = new ScriptedJdbc().onSequence("@@version_comment",
                new Failure(0, "08S01", "Communications link failure"),
                new Failure(0, "08S01", "Communications link failure"),
                ServerVariables.versionComment(ServerVariables.VERSION_COMMENT))
            .on("@@language", new Rows(List.of("@@language"), List.of(List.of(ServerVariables.LANGUAGE))));
        StarRocksSqlExceptionTranslator translator = new StarRocksSqlExceptionTranslator(server.dataSource(),
                "jdbc:mysql://fe-unreachable:9030/shop");
        SQLException exists = new SQLException("Table 't' already exists", "42S01", 1050);

        assertThat(translator.translate("create", "CREATE TABLE t", exists)).isNotInstanceOf(StarRocksError.class);
        assertThat(translator.translate("create", "CREATE TABLE t", exists)).isNotInstanceOf(StarRocksError.class);
        assertThat(translator.translate("create", "CREATE TABLE t", exists))
            .isInstanceOf(StarRocksObjectExistsException.class);
        // Said once, naming the URL, however often it could not ask.
        assertThat(output.getOut().split("Could not tell whether the DataSource", -1)).hasSize(2);
        assertThat(output.getOut()).contains("jdbc:mysql://fe-unreachable:9030/shop is StarRocks");
    }

    @Test
    void secretsInTheStatementAreRedacted() {
        String sql = "CREATE EXTERNAL CATALOG c PROPERTIES (\"type\" = \"jdbc\", \"password\" = \"s3cr3t\")";
        DataAccessException translated = this.translator.translate("execute", sql,
                new SQLException("Getting syntax error at line 1", "42000", 1064));
        assertThat(translated.getMessage()).doesNotContain("s3cr3t").contains("\"password\" = \"******\"");
        assertThat(((StarRocksError) translated).getSql()).doesNotContain("s3cr3t");
    }

    @Test
    void secretsAreRedactedWhenTheConnectionFailsWithoutAServerError() {
        String sql = "CREATE EXTERNAL CATALOG c PROPERTIES (\"type\" = \"jdbc\", \"password\" = \"s3cr3t\")";
        DataAccessException translated = this.translator.translate("execute", sql,
                new SQLException("Communications link failure", "08S01", 0));
        assertThat(translated).isNotNull();
        assertThat(translated.getMessage()).doesNotContain("s3cr3t").contains("\"password\" = \"******\"");
    }

}
