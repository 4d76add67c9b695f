package io.github.srboot.actuate;

import io.micrometer.observation.Observation;

import io.github.srboot.jdbc.StarRocksTemplateObserver;

/**
 * What a {@code starrocks.ddl} observation knows about one statement run by {@code StarRocksTemplate}.
 */
public final class StarRocksStatementObservationContext extends Observation.Context {

    private final StarRocksTemplateObserver.Statement statement;

    private String outcome = "unknown";

    StarRocksStatementObservationContext(StarRocksTemplateObserver.Statement statement) {
        this.statement = statement;
    }

    /**
     * The statement: operation, target and SQL with secrets redacted.
     */
    public StarRocksTemplateObserver.Statement getStatement() {
        return this.statement;
    }

    /**
     * {@code success}, {@code failure}, or {@code unknown} while running.
     */
    public String getOutcome() {
        return this.outcome;
    }

    void setOutcome(String outcome) {
        this.outcome = outcome;
    }

}
