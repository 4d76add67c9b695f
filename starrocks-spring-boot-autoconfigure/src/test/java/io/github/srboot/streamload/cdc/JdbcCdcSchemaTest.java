package io.github.srboot.streamload.cdc;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.ColumnOption;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import io.github.srboot.ddl.Table;
import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ShowAlterAnswers;
import io.github.srboot.support.ScriptedJdbc.UpdateCount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CdcSchema#of(StarRocksTemplate)}: the statements StarRocks receives for table creation and schema
 * evolution, and the wait for the schema change job.
 */
class JdbcCdcSchemaTest {

    private final ScriptedJdbc server = new ScriptedJdbc();

    private final CdcSchema schema = CdcSchema.of(new StarRocksTemplate(this.server.dataSource(),
            new AlterJobPolling(Duration.ofMillis(1), Duration.ofSeconds(5))));

    @Test
    void createsTheTableIfItDoesNotExist() {
        this.server.on("^CREATE", new UpdateCount(0));
        this.schema.create("shop", Table.builder("orders")
            .column("id", ScalarType.of(ScalarKind.BIGINT), ColumnOption.notNull())
            .column("_sr_version", ScalarType.of(ScalarKind.BIGINT))
            .primaryKey("id")
            .build());

        assertThat(this.server.executedSql()).singleElement().asString()
            .startsWith("CREATE TABLE IF NOT EXISTS `shop`.`orders` (")
            .contains("PRIMARY KEY(`id`)");
    }

    @Test
    void addsAColumnAndWaitsForItsSchemaChangeJob() {
        // No job before the ALTER, then the finished job: SHOW ALTER TABLE COLUMN rows as the FE's
        // SchemaChangeProcDir answers them (ShowAlterAnswers cites the files); no ROLLUP or OPTIMIZE job.
        this.server.onSequence("SHOW ALTER TABLE COLUMN", ShowAlterAnswers.rows(ShowAlterAnswers.COLUMN_TITLES),
                ShowAlterAnswers.columnAnswer(9, "orders", "FINISHED", null, ""));
        this.server.on("SHOW ALTER TABLE ROLLUP", ShowAlterAnswers.rows(ShowAlterAnswers.ROLLUP_TITLES));
        this.server.on("SHOW ALTER TABLE OPTIMIZE", ShowAlterAnswers.rows(ShowAlterAnswers.OPTIMIZE_TITLES));
        this.server.on("^ALTER TABLE", new UpdateCount(0));

        this.schema.addColumn("shop", "orders", Column.of("email", ScalarType.of(ScalarKind.STRING),
                ColumnOption.nullable()));

        assertThat(this.server.executedSql()).contains("ALTER TABLE `shop`.`orders` ADD COLUMN `email` STRING NULL");
        assertThat(this.server.executedSql().get(this.server.executedSql().size() - 1)).startsWith("SHOW ALTER TABLE");
    }

}
