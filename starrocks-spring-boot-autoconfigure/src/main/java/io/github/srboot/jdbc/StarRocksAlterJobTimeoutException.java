package io.github.srboot.jdbc;

import java.time.Duration;

import org.springframework.lang.Nullable;

/**
 * An asynchronous ALTER job (or a running schema change a statement had to wait for) did not finish in time;
 * carries the job's last observed state and progress.
 */
public final class StarRocksAlterJobTimeoutException extends StarRocksException {

    @Nullable
    private final AlterJob lastObserved;

    private final Duration timeout;

    public StarRocksAlterJobTimeoutException(String what, @Nullable String sql, @Nullable AlterJob lastObserved,
            Duration timeout, @Nullable Throwable cause) {
        super(what + " did not finish within " + timeout
                + ((lastObserved != null) ? "; last seen " + lastObserved : ""), sql, null, null,
                (lastObserved != null) ? lastObserved.message() : null,
                "Raise starrocks.schema.alter-timeout, or watch the job with SHOW ALTER TABLE", cause);
        this.lastObserved = lastObserved;
        this.timeout = timeout;
    }

    /**
     * The job's state when the wait gave up, or {@code null} when no job was seen.
     */
    @Nullable
    public AlterJob getLastObserved() {
        return this.lastObserved;
    }

    /**
     * How long was waited.
     */
    public Duration getTimeout() {
        return this.timeout;
    }

}
