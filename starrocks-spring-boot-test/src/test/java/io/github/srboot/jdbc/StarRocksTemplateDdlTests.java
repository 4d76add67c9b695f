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
import io.github.srboot.test.sql.EmbeddedStarRocksServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static io.github.srboot.ddl.ColumnOption.notNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * DDL execution through {@link StarRocksTemplate} against the embedded StarRocks over the wire (Connector/J): the
 * statements the server receives, what it then holds, and the exceptions callers see for its answers.
 */
class StarRocksTemplateDdlTests {

    private static final AlterJobPolling POLLING = new AlterJobPolling(Duration.ofMillis(20), Duration.ofSeconds(30));

    private EmbeddedStarRocksServer server;

    /** A template without a default database, connected to {@code shop}. */
    private StarRocksTemplate template;

    @BeforeEach
    void start() {
        // schema-change jobs stay RUNNING a moment, so that alterAndWait has a job to wait for
        this.server = EmbeddedStarRocksServer.builder()
            .alterJobDurations(Duration.ZERO, Duration.ZERO, Duration.ofMillis(100))
            .build()
            .start();
        template(this.server.jdbcUrl(), null).createDatabase("shop");
        this.template = template(this.server.jdbcUrl("shop"), null);
        this.server.reset();
    }

    @AfterEach
    void stop() {
        this.server.close();
    }

    private StarRocksTemplate template(String url, String defaultDatabase) {
        return new StarRocksTemplate(new DriverManagerDataSource(url, this.server.username(), this.server.password()),
                POLLING, defaultDatabase);
    }

    /** The statements the server received that are not Connector/J's own session set-up. */
    private List<String> received(String... prefixes) {
        return this.server.statements().stream()
            .filter((sql) -> List.of(prefixes).stream().anyMatch(sql::startsWith))
            .toList();
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
        this.template.create(events());
        this.template.createIfNotExists("shop", events());
        this.template.createIfNotExists("shop", View.of("v", "SELECT id FROM events"));
        List<String> sql = received("CREATE");
        assertThat(sql.get(0)).startsWith("CREATE TABLE `events` (").contains("`id` BIGINT NOT NULL",
                "DUPLICATE KEY(`id`)", "DISTRIBUTED BY HASH(`id`) BUCKETS 4", "\"replication_num\" = \"1\"");
        assertThat(sql.get(1)).startsWith("CREATE TABLE IF NOT EXISTS `shop`.`events` (");
        assertThat(sql.get(2)).startsWith("CREATE VIEW IF NOT EXISTS `shop`.`v`").endsWith("AS SELECT id FROM events");
        assertThat(this.template.listTables("shop")).containsExactly("events");
        assertThat(this.template.describe("shop", "v")).get().isInstanceOf(View.class);
    }

    @Test
    void aDefaultDatabaseQualifiesUnqualifiedTargetsOnly() {
        this.template.createDatabase("other");
        StarRocksTemplate withDefault = template(this.server.jdbcUrl(), "shop");
        this.server.reset();
        withDefault.create(events());
        withDefault.create("other", events());
        withDefault.dropIfExists(ObjectKind.VIEW, ObjectName.of("v"));
        withDefault.alterAndWait(AlterTable.of("events",
                new AlterClause.AddColumn(Column.of("note", DataType.STRING), null)));
        withDefault.execute(new io.github.srboot.ddl.TruncateTable(ObjectName.of("other", "events"), List.of()));
        List<String> sql = received("CREATE", "DROP", "ALTER", "TRUNCATE");
        assertThat(sql.get(0)).startsWith("CREATE TABLE `shop`.`events` (");
        assertThat(sql.get(1)).startsWith("CREATE TABLE `other`.`events` (");
        assertThat(sql.get(2)).isEqualTo("DROP VIEW IF EXISTS `shop`.`v`");
        assertThat(sql.get(3)).startsWith("ALTER TABLE `shop`.`events` ADD COLUMN `note`");
        assertThat(sql.get(4)).isEqualTo("TRUNCATE TABLE `other`.`events`");
        assertThat(withDefault.getDefaultDatabase()).isEqualTo("shop");
        assertThat(this.template.getDefaultDatabase()).isNull();
        assertThat(((Table) withDefault.describe("shop", "events").orElseThrow()).columns()).extracting(Column::name)
            .containsExactly("id", "name", "note");
    }

    @Test
    void dropAndDatabaseStatements() {
        this.template.create(events());
        this.template.createIfNotExists("shop", View.of("v", "SELECT id FROM events"));
        this.server.reset();
        this.template.drop(ObjectKind.VIEW, ObjectName.of("shop", "v"));
        this.template.dropIfExists(ObjectKind.MATERIALIZED_VIEW, ObjectName.of("mv"));
        this.template.dropIfExists(ObjectKind.TABLE, ObjectName.of("events"));
        this.template.createDatabase("sales");
        this.template.createDatabaseIfNotExists("sales");
        assertThat(received("DROP", "CREATE")).containsExactly("DROP VIEW `shop`.`v`",
                "DROP MATERIALIZED VIEW IF EXISTS `mv`", "DROP TABLE IF EXISTS `events`", "CREATE DATABASE `sales`",
                "CREATE DATABASE IF NOT EXISTS `sales`");
        assertThat(this.template.listTables("shop")).isEmpty();
        assertThat(this.template.databaseExists("sales")).isTrue();
    }

    @Test
    void databaseExistsBindsTheName() {
        assertThat(this.template.databaseExists("shop")).isTrue();
        assertThat(this.template.databaseExists("x' OR '1'='1")).isFalse();
        // Connector/J sends a client-side prepared statement as text, the bound value quoted, its quotes doubled
        assertThat(received("SELECT COUNT(*) FROM information_schema.schemata")).containsExactly(
                "SELECT COUNT(*) FROM information_schema.schemata WHERE SCHEMA_NAME = 'shop'",
                "SELECT COUNT(*) FROM information_schema.schemata WHERE SCHEMA_NAME = 'x'' OR ''1''=''1'");
    }

    @Test
    void serverErrorsBecomeTypedExceptions() {
        this.template.create(events());
        assertThatExceptionOfType(StarRocksObjectExistsException.class).isThrownBy(() -> this.template.create(events()))
            .satisfies((ex) -> {
                // ERR_TABLE_EXISTS_ERROR, 1050 (common/ErrorCode.java; recorded in sql/sqltests/CASE_143)
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
            this.template.execute("CREATE DATABASE IF NOT EXISTS shop PROPERTIES (\"password\" = \"hunter2\")");
        }
        catch (RuntimeException ex) {
            // whatever the server answers, the statement was logged before it was sent
        }
        finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
        assertThat(appender.list).singleElement().satisfies((event) -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getFormattedMessage()).isEqualTo("Executing StarRocks statement: CREATE DATABASE IF NOT "
                    + "EXISTS shop PROPERTIES (\"password\" = \"******\")");
        });
    }

    @Test
    void failedStatementsCarryTheirSqlWithoutSecrets() {
        // The embedded StarRocks implements no external catalogue: it refuses the statement with 1064 and its own
        // message, not a StarRocks syntax error, so the translator leaves it a plain BadSqlGrammarException
        assertThatExceptionOfType(org.springframework.jdbc.BadSqlGrammarException.class)
            .isThrownBy(() -> this.template.execute("CREATE EXTERNAL CATALOG c PROPERTIES (\"jdbc.password\" = "
                    + "\"hunter2\")"))
            .satisfies((ex) -> {
                assertThat(ex.getSQLException().getErrorCode()).isEqualTo(1064);
                assertThat(ex.getSql()).isEqualTo("CREATE EXTERNAL CATALOG c PROPERTIES (\"jdbc.password\" = "
                        + "\"******\")");
                assertThat(ex.getMessage()).doesNotContain("hunter2");
            });
        assertThat(received("CREATE EXTERNAL")).singleElement().asString().contains("hunter2");
    }

    @Test
    void alterAndWaitWaitsOnlyForTheJobTheStatementStarted() {
        this.template.create(events());
        // an earlier job on the table, which ended CANCELLED
        this.server.faults().cancelNextAlter("an old failure");
        assertThatExceptionOfType(StarRocksAlterJobCancelledException.class)
            .isThrownBy(() -> this.template.alterAndWait(new AlterTable(ObjectName.of("shop", "events"),
                    List.of(new AlterClause.AddColumn(Column.of("b", DataType.INT), null)))))
            .withMessageContaining("an old failure");

        List<AlterJob> jobs = this.template.alterAndWait(new AlterTable(ObjectName.of("shop", "events"),
                List.of(new AlterClause.AddColumn(Column.of("c", DataType.INT), null))));

        assertThat(jobs).extracting(AlterJob::tableName, AlterJob::state).containsExactly(tuple("events", "FINISHED"));
        assertThat(received("ALTER")).last().isEqualTo("ALTER TABLE `shop`.`events` ADD COLUMN `c` INT");
    }

    @Test
    void alterAndWaitOnAnUnqualifiedTableUsesTheCurrentDatabase() {
        this.template.create(events());
        assertThat(this.template.alterAndWait(AlterTable.of("events", new AlterClause.SetComment("c")))).isEmpty();
        assertThat(received("SHOW ALTER")).isNotEmpty().allSatisfy((sql) -> assertThat(sql).contains("FROM `shop`"));
    }

    /**
     * Without a current database StarRocks answers {@code DATABASE()} with "" (FE {@code qe/ConnectContext.java}:
     * {@code currentDb} starts as ""; the embedded StarRocks answers so): an unqualified table cannot be waited for,
     * and the error says what to do.
     */
    @Test
    void alterAndWaitWithoutACurrentDatabaseSaysSo() {
        StarRocksTemplate noDatabase = template(this.server.jdbcUrl(), null);

        assertThatExceptionOfType(IllegalStateException.class)
            .isThrownBy(() -> noDatabase.alterAndWait(AlterTable.of("events", new AlterClause.SetComment("c"))))
            .withMessageContaining("no current database");
        assertThat(received("SELECT DATABASE()", "ALTER")).containsExactly("SELECT DATABASE()");
    }

}
