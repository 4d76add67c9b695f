package io.github.srboot.jdbc;

import java.util.Locale;
import java.util.Map;

import org.springframework.lang.Nullable;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * One row of {@code SHOW ALTER TABLE COLUMN | OPTIMIZE | ROLLUP}: an asynchronous ALTER job and its state.
 *
 * @param type which {@code SHOW ALTER TABLE} variant listed the job
 * @param jobId the server's job id
 * @param tableName the table the job alters
 * @param createTime when the job was created, as the server prints it
 * @param finishTime when the job ended ({@code FinishTime}; {@code FinishedTime} in the {@code ROLLUP} list), or
 * {@code null} while it runs (a SQL NULL: the FE sends its "NULL" placeholder as one)
 * @param state {@code PENDING}, {@code WAITING_TXN}, {@code RUNNING}, {@code FINISHED}, {@code CANCELLED} or
 * {@code FINISHED_REWRITING} (shared-data); kept as the server spelled it
 * @param message the job's {@code Msg}: why it was cancelled, empty otherwise; {@code null} when not reported
 * @param progress the job's {@code Progress}, or {@code null} when not reported
 */
public record AlterJob(AlterJobType type, String jobId, String tableName, @Nullable String createTime,
        @Nullable String finishTime, String state, @Nullable String message, @Nullable String progress) {

    /**
     * Whether the job completed successfully.
     */
    public boolean isFinished() {
        return "FINISHED".equalsIgnoreCase(this.state);
    }

    /**
     * Whether the job was cancelled; {@link #message()} says why.
     */
    public boolean isCancelled() {
        return "CANCELLED".equalsIgnoreCase(this.state);
    }

    /**
     * Whether the job has ended, one way or the other.
     */
    public boolean isDone() {
        return isFinished() || isCancelled();
    }

    /**
     * The {@code JobId} as a number, by which jobs are ordered: ids grow with every job, while {@code CreateTime}
     * has one-second resolution.
     * @throws IllegalStateException naming the id when it is not a number
     */
    public long jobNumber() {
        try {
            return Long.parseLong(this.jobId.trim());
        }
        catch (NumberFormatException ex) {
            throw new IllegalStateException("SHOW ALTER TABLE " + this.type + " reported a JobId that is not a number: '"
                    + this.jobId + "'", ex);
        }
    }

    /**
     * Reads a {@code SHOW ALTER TABLE} row (column names matched case-insensitively; columns that differ between
     * variants and versions, such as {@code Progress}, may be absent).
     * @throws IllegalArgumentException naming the missing column when {@code JobId}, {@code TableName} or
     * {@code State} is absent
     */
    static AlterJob fromRow(AlterJobType type, Map<String, ?> row) {
        Map<String, Object> columns = new LinkedCaseInsensitiveMap<>(Locale.ROOT);
        columns.putAll(row);
        return new AlterJob(type, required(type, columns, "JobId"), required(type, columns, "TableName"),
                optional(columns, "CreateTime"), finishTime(columns), required(type, columns, "State"),
                optional(columns, "Msg"), optional(columns, "Progress"));
    }

    @Nullable
    private static String finishTime(Map<String, Object> columns) {
        String finishTime = optional(columns, "FinishTime");
        return (finishTime != null) ? finishTime : optional(columns, "FinishedTime");
    }

    private static String required(AlterJobType type, Map<String, Object> columns, String name) {
        String value = optional(columns, name);
        if (value == null) {
            throw new IllegalArgumentException("SHOW ALTER TABLE " + type + " returned a row without column '" + name
                    + "': " + columns.keySet());
        }
        return value;
    }

    @Nullable
    private static String optional(Map<String, Object> columns, String name) {
        Object value = columns.get(name);
        return (value != null) ? value.toString() : null;
    }

    @Override
    public String toString() {
        return "AlterJob[" + this.type + " " + this.jobId + " on " + this.tableName + ": " + this.state
                + ((this.progress != null) ? ", progress " + this.progress : "")
                + ((this.message != null && !this.message.isEmpty()) ? ", msg " + this.message : "") + "]";
    }

}
