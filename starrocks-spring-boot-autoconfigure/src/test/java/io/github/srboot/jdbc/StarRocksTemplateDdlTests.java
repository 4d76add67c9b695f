package io.github.srboot.jdbc;

import java.time.Duration;
import java.util.List;

import io.github.srboot.ddl.AlterClause;
import io.github.srboot.ddl.AlterTable;
import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.ObjectKind;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.ddl.Table;
import io.github.srboot.ddl.View;
import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ShowAlterAnswers;
import io.github.srboot.support.ScriptedJdbc.Failure;
import io.github.srboot.support.ScriptedJdbc.Rows;
import io.github.srboot.support.ScriptedJdbc.UpdateCount;
import org.junit.jupiter.api.Test;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.srboot.ddl.ColumnOption.notNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * DDL execution through {@link StarRocksTemplate}: the statements the server receives and the exceptions callers
 * see.
 */
class StarRocksTemplateDdlTests {

    private final ScriptedJdbc server = new ScriptedJdbc();

    private final FakePollTimer timer = new FakePollTimer();

    private final StarRocksTemplate template;

    StarRocksTemplateDdlTests() {
        JdbcTemplate jdbcTemplate = new JdbcTemplate(this.server.dataSource());
        jdbcTemplate.setExceptionTranslator(new StarRocksSqlExceptionTranslator());
        this.template = new StarRocksTemplate(jdbcTemplate,
                new AlterJobPolling(Duration.ofMillis(200), Duration.ofSeconds(5)), this.timer);
    }

    private static Table events() {
        return Table.builder("events")
            .column("id", DataType.BIGINT, notNull())
            .column("name", DataType.varchar(64))
            .duplicateKey("id")
            .distributedByHash(4, "id")
            .property("replication_num", "1")
            .build();
    }

    @Test
    void createRendersThroughThePrinter() {
        this.server.on("^CREATE", new UpdateCount(0));
        this.template.create(events());
        this.template.create("shop", events());
        this.template.createIfNotExists("shop", View.of("v", "SELECT 1"));
        List<String> sql = this.server.executedSql();
        assertThat(sql.get(0)).startsWith("CREATE TABLE `events` (").contains("`id` BIGINT NOT NULL",
                "DUPLICATE KEY(`id`)", "DISTRIBUTED BY HASH(`id`) BUCKETS 4", "\"replication_num\" = \"1\"");
        assertThat(sql.get(1)).startsWith("CREATE TABLE `shop`.`events` (");
        assertThat(sql.get(2)).startsWith("CREATE VIEW IF NOT EXISTS `shop`.`v`").endsWith("AS SELECT 1");
    }

    @Test
    void aDefaultDatabaseQualifiesUnqualifiedTargetsOnly() {
        this.server.on("^(CREATE|DROP|ALTER|TRUNCATE)", new UpdateCount(0));
        JdbcTemplate jdbcTemplate = new JdbcTemplate(this.server.dataSource());
        StarRocksTemplate withDefault = new StarRocksTemplate(jdbcTemplate,
                new AlterJobPolling(Duration.ofMillis(200), Duration.ofSeconds(5)), this.timer, "shop");
        withDefault.create(events());
        withDefault.create("other", events());
        withDefault.dropIfExists(ObjectKind.VIEW, ObjectName.of("v"));
        withDefault.alter(AlterTable.of("events", new AlterClause.AddColumn(Column.of("note", DataType.STRING), null)));
        withDefault.execute(new io.github.srboot.ddl.TruncateTable(ObjectName.of("other", "events"), List.of()));
        List<String> sql = this.server.executedSql();
        assertThat(sql.get(0)).startsWith("CREATE TABLE `shop`.`events` (");
        assertThat(sql.get(1)).startsWith("CREATE TABLE `other`.`events` (");
        assertThat(sql.get(2)).isEqualTo("DROP VIEW IF EXISTS `shop`.`v`");
        assertThat(sql.get(3)).startsWith("ALTER TABLE `shop`.`events` ADD COLUMN `note`");
        assertThat(sql.get(4)).isEqualTo("TRUNCATE TABLE `other`.`events`");
        assertThat(withDefault.getDefaultDatabase()).isEqualTo("shop");
        assertThat(this.template.getDefaultDatabase()).isNull();
    }

    @Test
    void dropAndDatabaseStatements() {
        this.server.on("^(DROP|CREATE DATABASE)", new UpdateCount(0));
        this.template.drop(ObjectKind.MATERIALIZED_VIEW, ObjectName.of("shop", "mv"));
        this.template.dropIfExists(ObjectKind.TABLE, ObjectName.of("t"));
        this.template.createDatabase("shop");
        this.template.createDatabaseIfNotExists("we`ird");
        assertThat(this.server.executedSql()).containsExactly("DROP MATERIALIZED VIEW `shop`.`mv`",
                "DROP TABLE IF EXISTS `t`", "CREATE DATABASE `shop`", "CREATE DATABASE IF NOT EXISTS `we``ird`");
    }

    @Test
    void databaseExistsBindsTheName() {
        this.server.on("information_schema.schemata", (statement) -> new Rows(List.of("COUNT(*)"),
                List.of(List.of(statement.parameters().equals(List.of("shop")) ? 1 : 0))));
        assertThat(this.template.databaseExists("shop")).isTrue();
        assertThat(this.template.databaseExists("x' OR '1'='1")).isFalse();
        assertThat(this.server.executed()).allSatisfy((statement) -> assertThat(statement.sql())
            .isEqualTo("SELECT COUNT(*) FROM information_schema.schemata WHERE SCHEMA_NAME = ?"));
    }

    @Test
    void serverErrorsBecomeTypedExceptions() {
        this.server.on("^CREATE TABLE", new Failure(1050, "42S01", "Getting analyzing error. Detail message: Table "
                + "'events' already exists."));
        assertThatExceptionOfType(StarRocksObjectExistsException.class).isThrownBy(() -> this.template.create(events()))
            .satisfies((ex) -> {
                assertThat(ex.getErrorCode()).isEqualTo(1050);
                assertThat(ex.getSql()).startsWith("CREATE TABLE `events`");
            });
    }

    @Test
    void statementsAreLoggedAtDebugWithoutSecrets() {
        Logger logger = (Logger) LoggerFactory.getLogger(StarRocksTemplate.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            this.server.on("^CREATE", new UpdateCount(0));
            this.template.execute("CREATE EXTERNAL CATALOG c PROPERTIES (\"type\" = \"jdbc\", \"password\" = "
                    + "\"hunter2\")");
        }
        finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
        assertThat(appender.list).singleElement().satisfies((event) -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getFormattedMessage()).isEqualTo("Executing StarRocks statement: CREATE EXTERNAL CATALOG c "
                    + "PROPERTIES (\"type\" = \"jdbc\", \"password\" = \"******\")");
        });
    }

    @Test
    void failedStatementsCarryTheirSqlWithoutSecrets() {
        this.server.on("^CREATE", new Failure(1064, "42000", "Getting syntax error at line 1, column 20."));
        assertThatExceptionOfType(StarRocksSyntaxException.class)
            .isThrownBy(() -> this.template.execute("CREATE EXTERNAL CATALOG c PROPERTIES (\"jdbc.password\" = "
                    + "\"hunter2\")"))
            .satisfies((ex) -> {
                assertThat(ex.getSql()).isEqualTo("CREATE EXTERNAL CATALOG c PROPERTIES (\"jdbc.password\" = "
                        + "\"******\")");
                assertThat(ex.getMessage()).doesNotContain("hunter2");
            });
        assertThat(this.server.executedSql()).singleElement().asString().contains("hunter2");
    }

    @Test
    void alterAndWaitWaitsOnlyForTheJobTheStatementStarted() {
        // SHOW ALTER TABLE rows as the FE gives them (ShowAlterAnswers names the FE files).
        Rows earlierJob = ShowAlterAnswers.columnAnswer(7, "events", "CANCELLED", null, "an old failure");
        this.server.onSequence("SHOW ALTER TABLE COLUMN", earlierJob,
                ShowAlterAnswers.columnAnswer(8, "events", "RUNNING", "4/8", ""),
                ShowAlterAnswers.columnAnswer(8, "events", "FINISHED", null, ""));
        this.server.on("SHOW ALTER TABLE OPTIMIZE", ShowAlterAnswers.rows(ShowAlterAnswers.OPTIMIZE_TITLES));
        this.server.on("SHOW ALTER TABLE ROLLUP", ShowAlterAnswers.rows(ShowAlterAnswers.ROLLUP_TITLES));
        this.server.on("^ALTER TABLE", new UpdateCount(0));

        List<AlterJob> jobs = this.template.alterAndWait(new AlterTable(ObjectName.of("shop", "events"),
                List.of(new AlterClause.AddColumn(Column.of("c", DataType.INT), null))));

        assertThat(jobs).extracting(AlterJob::jobId, AlterJob::state)
            .containsExactly(tuple("8", "FINISHED"));
        assertThat(this.server.executedSql()).contains("ALTER TABLE `shop`.`events` ADD COLUMN `c` INT");
        assertThat(this.timer.pauses()).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void alterAndWaitOnAnUnqualifiedTableUsesTheCurrentDatabase() {
        this.server.on("SELECT DATABASE\\(\\)", new Rows(List.of("DATABASE()"), List.of(List.of("shop"))));
        this.server.on("SHOW ALTER TABLE", ShowAlterAnswers.rows(ShowAlterAnswers.COLUMN_TITLES));
        this.server.on("^ALTER TABLE", new UpdateCount(0));
        assertThat(this.template.alterAndWait(AlterTable.of("events", new AlterClause.SetComment("c")))).isEmpty();
        assertThat(this.server.executedSql()).filteredOn((sql) -> sql.startsWith("SHOW ALTER"))
            .allSatisfy((sql) -> assertThat(sql).contains("FROM `shop`"));
    }

    /**
     * Without a current database StarRocks answers {@code DATABASE()} with "" (FE {@code qe/ConnectContext.java}:
     * {@code currentDb} starts as ""): an unqualified table cannot be waited for, and the error says what to do.
     */
    @Test
    void alterAndWaitWithoutACurrentDatabaseSaysSo() {
        this.server.on("SELECT DATABASE\\(\\)", new Rows(List.of("DATABASE()"), List.of(List.of(""))));

        assertThatExceptionOfType(IllegalStateException.class)
            .isThrownBy(() -> this.template.alterAndWait(AlterTable.of("events", new AlterClause.SetComment("c"))))
            .withMessageContaining("no current database");
        assertThat(this.server.executedSql()).containsExactly("SELECT DATABASE()");
    }

}
