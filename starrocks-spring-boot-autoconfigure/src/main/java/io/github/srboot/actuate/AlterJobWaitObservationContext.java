package io.github.srboot.actuate;

import java.util.List;

import io.micrometer.observation.Observation;

import io.github.srboot.jdbc.AlterJob;
import io.github.srboot.jdbc.StarRocksTemplateObserver;

/**
 * What a {@code starrocks.alter.wait} observation knows about one wait for a table's asynchronous ALTER jobs.
 */
public final class AlterJobWaitObservationContext extends Observation.Context {

    private final StarRocksTemplateObserver.AlterJobWait wait;

    private String outcome = "unknown";

    private List<AlterJob> jobs = List.of();

    AlterJobWaitObservationContext(StarRocksTemplateObserver.AlterJobWait wait) {
        this.wait = wait;
    }

    /**
     * The table waited for.
     */
    public StarRocksTemplateObserver.AlterJobWait getWait() {
        return this.wait;
    }

    /**
     * {@code finished}, {@code cancelled}, {@code timeout}, {@code failure}, or {@code unknown} while waiting.
     */
    public String getOutcome() {
        return this.outcome;
    }

    void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    /**
     * The jobs that ended, once the wait is over.
     */
    public List<AlterJob> getJobs() {
        return this.jobs;
    }

    void setJobs(List<AlterJob> jobs) {
        this.jobs = List.copyOf(jobs);
    }

}
