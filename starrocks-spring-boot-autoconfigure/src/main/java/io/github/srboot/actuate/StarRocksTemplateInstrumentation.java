package io.github.srboot.actuate;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import io.github.srboot.jdbc.AlterJob;
import io.github.srboot.jdbc.StarRocksAlterJobCancelledException;
import io.github.srboot.jdbc.StarRocksAlterJobTimeoutException;
import io.github.srboot.jdbc.StarRocksTemplateObserver;

import org.springframework.lang.Nullable;

/**
 * Observes {@code StarRocksTemplate}: a {@code starrocks.ddl} {@link Observation} around each statement, a
 * {@code starrocks.alter.wait} observation around each wait for ALTER jobs, and the {@code starrocks.alter.jobs}
 * timer (tags {@code kind}: COLUMN, OPTIMIZE, ROLLUP; {@code outcome}: finished, cancelled, timeout) recording how
 * long each job ran by the server's {@code CreateTime} and {@code FinishTime} (or, when the server did not print
 * both, how long it was waited for).
 */
public final class StarRocksTemplateInstrumentation implements StarRocksTemplateObserver {

    /** {@code SHOW ALTER TABLE} prints {@code 2024-05-01 10:00:00}, some versions with milliseconds. */
    private static final DateTimeFormatter SERVER_TIME = new DateTimeFormatterBuilder()
        .appendPattern("yyyy-MM-dd HH:mm:ss")
        .optionalStart()
        .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
        .optionalEnd()
        .toFormatter(Locale.ROOT);

    private final ObservationRegistry observations;

    @Nullable
    private final MeterRegistry meters;

    private final StarRocksStatementObservationConvention statementConvention;

    private final AlterJobWaitObservationConvention alterWaitConvention;

    /**
     * Creates the instrumentation.
     * @param observations where observations go ({@link ObservationRegistry#NOOP} for none)
     * @param meters where the {@code starrocks.alter.jobs} timer goes, or {@code null} for none
     * @param statementConvention replaces the default statement convention, or {@code null}
     * @param alterWaitConvention replaces the default ALTER-wait convention, or {@code null}
     */
    public StarRocksTemplateInstrumentation(ObservationRegistry observations, @Nullable MeterRegistry meters,
            @Nullable StarRocksStatementObservationConvention statementConvention,
            @Nullable AlterJobWaitObservationConvention alterWaitConvention) {
        this.observations = observations;
        this.meters = meters;
        this.statementConvention = (statementConvention != null) ? statementConvention
                : StarRocksStatementObservationConvention.DEFAULT;
        this.alterWaitConvention = (alterWaitConvention != null) ? alterWaitConvention
                : AlterJobWaitObservationConvention.DEFAULT;
    }

    @Override
    public void statement(Statement statement, Runnable work) {
        StarRocksStatementObservationContext context = new StarRocksStatementObservationContext(statement);
        Observation observation = Observation
            .createNotStarted(this.statementConvention, () -> context, this.observations)
            .start();
        try (Observation.Scope scope = observation.openScope()) {
            work.run();
            context.setOutcome("success");
        }
        catch (RuntimeException | Error ex) {
            context.setOutcome("failure");
            observation.error(ex);
            throw ex;
        }
        finally {
            observation.stop();
        }
    }

    @Override
    public List<AlterJob> alterJobWait(AlterJobWait wait, Supplier<List<AlterJob>> work) {
        AlterJobWaitObservationContext context = new AlterJobWaitObservationContext(wait);
        Observation observation = Observation
            .createNotStarted(this.alterWaitConvention, () -> context, this.observations)
            .start();
        long started = System.nanoTime();
        try (Observation.Scope scope = observation.openScope()) {
            List<AlterJob> jobs = work.get();
            context.setJobs(jobs);
            context.setOutcome("finished");
            jobs.forEach((job) -> recordJob(job, job.isCancelled() ? "cancelled" : "finished", started));
            return jobs;
        }
        catch (StarRocksAlterJobCancelledException ex) {
            context.setOutcome("cancelled");
            observation.error(ex);
            recordJob(ex.getJob(), "cancelled", started);
            throw ex;
        }
        catch (StarRocksAlterJobTimeoutException ex) {
            context.setOutcome("timeout");
            observation.error(ex);
            if (ex.getLastObserved() != null) {
                recordJob(ex.getLastObserved(), "timeout", started);
            }
            throw ex;
        }
        catch (RuntimeException | Error ex) {
            context.setOutcome("failure");
            observation.error(ex);
            throw ex;
        }
        finally {
            observation.stop();
        }
    }

    private void recordJob(AlterJob job, String outcome, long waitStarted) {
        if (this.meters == null) {
            return;
        }
        Duration ran = serverDuration(job);
        Timer.builder("starrocks.alter.jobs")
            .description("Asynchronous ALTER jobs waited for, by how long they ran")
            .tag("kind", job.type().name())
            .tag("outcome", outcome)
            .register(this.meters)
            .record((ran != null) ? ran : Duration.ofNanos(System.nanoTime() - waitStarted));
    }

    @Nullable
    static Duration serverDuration(AlterJob job) {
        if (job.createTime() == null || job.finishTime() == null) {
            return null;
        }
        try {
            Duration ran = Duration.between(LocalDateTime.parse(job.createTime(), SERVER_TIME),
                    LocalDateTime.parse(job.finishTime(), SERVER_TIME));
            return ran.isNegative() ? null : ran;
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

}
