package io.github.srboot.jdbc;

/**
 * An asynchronous ALTER job ended {@code CANCELLED}; {@link #getServerMessage()} is the job's {@code Msg}.
 */
public final class StarRocksAlterJobCancelledException extends StarRocksException {

    private final AlterJob job;

    public StarRocksAlterJobCancelledException(String sql, AlterJob job) {
        super("ALTER job " + job.jobId() + " (" + job.type() + ") on table '" + job.tableName() + "' was cancelled",
                sql, null, null, job.message(), "Fix the cause named by the server and apply the change again", null);
        this.job = job;
    }

    /**
     * The cancelled job as last seen.
     */
    public AlterJob getJob() {
        return this.job;
    }

}
