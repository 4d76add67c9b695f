package io.github.srboot.actuate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.StarRocksAlterJobCancelledException;
import io.github.srboot.jdbc.StarRocksObjectExistsException;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ShowAlterAnswers;
import io.github.srboot.support.ScriptedJdbc.Failure;
import io.github.srboot.support.ScriptedJdbc.Rows;
import io.github.srboot.support.ScriptedJdbc.UpdateCount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code starrocks.ddl} and {@code starrocks.alter.wait} observations and the {@code starrocks.alter.jobs}
 * timer, around a template running against recorded answers.
 */
class StarRocksTemplateInstrumentationTests {

    private final ScriptedJdbc server = new ScriptedJdbc();

    private final TestObservationRegistry observations = TestObservationRegistry.create();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final StarRocksTemplate template = new StarRocksTemplate(this.server.dataSource(),
            new AlterJobPolling(Duration.ofSeconds(1), Duration.ofSeconds(5)), "shop",
            new StarRocksTemplateInstrumentation(this.observations, this.meters, null, null));

    private void columnJob(String state, String finishTime, String msg) {
        // A SHOW ALTER TABLE COLUMN row as the FE gives it (ShowAlterAnswers names SchemaChangeProcDir), with the
        // finish time this test needs.
        List<Object> row = new java.util.ArrayList<>(ShowAlterAnswers.columnJob(100, "events", state, null, msg));
        row.set(ShowAlterAnswers.COLUMN_TITLES.indexOf("FinishTime"), finishTime);
        this.server.on("SHOW ALTER TABLE COLUMN", new Rows(ShowAlterAnswers.COLUMN_TITLES, List.of(row)));
        this.server.on("SHOW ALTER TABLE OPTIMIZE", ShowAlterAnswers.rows(ShowAlterAnswers.OPTIMIZE_TITLES));
        this.server.on("SHOW ALTER TABLE ROLLUP", ShowAlterAnswers.rows(ShowAlterAnswers.ROLLUP_TITLES));
    }

    @Test
    void statementsAreObservedWithOperationOutcomeAndRedactedSql() {
        this.server.on("^CREATE EXTERNAL", new UpdateCount(0));
        this.template.execute("CREATE EXTERNAL CATALOG c PROPERTIES (\"password\" = \"s3cr3t\")");

        TestObservationRegistryAssert.assertThat(this.observations)
            .hasObservationWithNameEqualTo("starrocks.ddl")
            .that()
            .hasContextualNameEqualTo("starrocks CREATE")
            .hasLowCardinalityKeyValue("operation", "CREATE")
            .hasLowCardinalityKeyValue("outcome", "success")
            .hasHighCardinalityKeyValue("db.statement",
                    "CREATE EXTERNAL CATALOG c PROPERTIES (\"password\" = \"******\")")
            .hasBeenStopped();
    }

    @Test
    void aRefusedStatementIsObservedWithItsError() {
        this.server.on("^DROP", new Failure(1050, "42S01", "Table 'events' already exists"));
        assertThatExceptionOfType(StarRocksObjectExistsException.class)
            .isThrownBy(() -> this.template.execute("DROP TABLE events"));

        TestObservationRegistryAssert.assertThat(this.observations)
            .hasObservationWithNameEqualTo("starrocks.ddl")
            .that()
            .hasLowCardinalityKeyValue("operation", "DROP")
            .hasLowCardinalityKeyValue("outcome", "failure")
            .assertThatError()
            .isInstanceOf(StarRocksObjectExistsException.class);
    }

    @Test
    void finishedAlterJobsAreTimedByTheServersTimes() {
        columnJob("FINISHED", "2026-01-01 10:00:09", "");
        this.template.awaitAlterJobs("shop", "events");

        Timer timer = this.meters.get("starrocks.alter.jobs").tag("kind", "COLUMN").tag("outcome", "finished").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.SECONDS)).isEqualTo(9.0);
        TestObservationRegistryAssert.assertThat(this.observations)
            .hasObservationWithNameEqualTo("starrocks.alter.wait")
            .that()
            .hasLowCardinalityKeyValue("outcome", "finished")
            .hasHighCardinalityKeyValue("table", "shop.events")
            .hasBeenStopped();
    }

    @Test
    void cancelledAlterJobsAreCountedAsCancelled() {
        columnJob("CANCELLED", "2026-01-01 10:00:02", "type not supported");
        assertThatExceptionOfType(StarRocksAlterJobCancelledException.class)
            .isThrownBy(() -> this.template.awaitAlterJobs("shop", "events"));

        assertThat(this.meters.get("starrocks.alter.jobs").tag("kind", "COLUMN").tag("outcome", "cancelled").timer()
            .totalTime(TimeUnit.SECONDS)).isEqualTo(2.0);
        TestObservationRegistryAssert.assertThat(this.observations)
            .hasObservationWithNameEqualTo("starrocks.alter.wait")
            .that()
            .hasLowCardinalityKeyValue("outcome", "cancelled");
    }

    @Test
    void aCustomConventionRenamesTheObservation() {
        StarRocksTemplate renamed = new StarRocksTemplate(this.server.dataSource(), AlterJobPolling.defaults(), null,
                new StarRocksTemplateInstrumentation(this.observations, null,
                        new StarRocksStatementObservationConvention() {

                            @Override
                            public String getName() {
                                return "analytics.schema.statement";
                            }

                        }, null));
        this.server.on("^TRUNCATE", new UpdateCount(0));
        renamed.execute("TRUNCATE TABLE events");

        TestObservationRegistryAssert.assertThat(this.observations)
            .hasObservationWithNameEqualTo("analytics.schema.statement")
            .that()
            .hasLowCardinalityKeyValue("operation", "TRUNCATE");
    }

}
