package io.github.srboot.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.srboot.support.ScriptedJdbc.Failure;
import io.github.srboot.support.ScriptedJdbc.Rows;

/**
 * {@code SHOW ALTER TABLE} answers and "table being altered" refusals as StarRocks' FE gives them, for tests that
 * script a server. Each shape names the FE file it mirrors; the column positions are also what StarRocks' own SQL
 * tester reads ({@code ../shared/corpus/sql/README.md}, "SHOW ALTER is never recorded").
 *
 * <p>Cells the FE fills with its "NULL" placeholder (an unfinished job's finish time, the progress of a job that is
 * not running) are SQL NULL on the wire: {@code StmtExecutor.sendShowResult} writes {@code FeConstants.NULL_STRING}
 * as a NULL cell, so they are {@code null} here, never the string "NULL".
 */
public final class ShowAlterAnswers {

    /** {@code fe/fe-core/src/main/java/com/starrocks/common/proc/SchemaChangeProcDir.java} TITLE_NAMES. */
    public static final List<String> COLUMN_TITLES = List.of("JobId", "TableName", "CreateTime", "FinishTime",
            "IndexName", "IndexId", "OriginIndexId", "SchemaVersion", "TransactionId", "State", "Msg", "Progress",
            "Timeout");

    /**
     * {@code fe/fe-core/src/main/java/com/starrocks/common/proc/RollupProcDir.java} TITLE_NAMES: the finish column
     * is {@code FinishedTime}.
     */
    public static final List<String> ROLLUP_TITLES = List.of("JobId", "TableName", "CreateTime", "FinishedTime",
            "BaseIndexName", "RollupIndexName", "RollupId", "TransactionId", "State", "Msg", "Progress", "Timeout");

    /** {@code fe/fe-core/src/main/java/com/starrocks/common/proc/OptimizeProcDir.java} TITLE_NAMES. */
    public static final List<String> OPTIMIZE_TITLES = List.of("JobId", "TableName", "CreateTime", "FinishTime",
            "Operation", "TransactionId", "State", "Msg", "Progress", "Timeout");

    private ShowAlterAnswers() {
    }

    /**
     * A {@code SHOW ALTER TABLE COLUMN} row ({@code SchemaChangeJobV2.getInfo}): a RUNNING job's progress is
     * {@code finished/total} tablets, other states' progress is NULL; the finish time is NULL until the job ends.
     */
    public static List<Object> columnJob(long jobId, String table, String state, String progress, String msg) {
        return Arrays.asList(String.valueOf(jobId), table, "2026-01-01 10:00:00", finishTime(state), table,
                String.valueOf(jobId + 1), "10002", "1:0", "42", state, msg, progress, "86400");
    }

    /**
     * A {@code SHOW ALTER TABLE ROLLUP} row of a rollup or synchronous materialized view {@code index} on
     * {@code table}.
     */
    public static List<Object> rollupJob(long jobId, String table, String index, String state, String msg) {
        return Arrays.asList(String.valueOf(jobId), table, "2026-01-01 10:00:00", finishTime(state), table, index,
                String.valueOf(jobId + 1), "42", state, msg, null, "86400");
    }

    /** A {@code SHOW ALTER TABLE OPTIMIZE} row. */
    public static List<Object> optimizeJob(long jobId, String table, String state, String msg) {
        return Arrays.asList(String.valueOf(jobId), table, "2026-01-01 10:00:00", finishTime(state), "DISTRIBUTION",
                "42", state, msg, null, "86400");
    }

    /** An answer of the given titles and rows. */
    @SafeVarargs
    public static Rows rows(List<String> titles, List<Object>... rows) {
        return new Rows(titles, new ArrayList<>(Arrays.asList(rows)));
    }

    /** One COLUMN job as the whole answer. */
    public static Rows columnAnswer(long jobId, String table, String state, String progress, String msg) {
        return rows(COLUMN_TITLES, columnJob(jobId, table, state, progress, msg));
    }

    /**
     * The refusal of an ALTER on a table whose schema change runs, as StarRocks 3.5 and later word it
     * ({@code fe/fe-core/src/main/java/com/starrocks/common/InvalidOlapTableStateException.java} at 782d2184, quoted
     * in {@code ../shared/corpus/sql/README.md} "Not recorded (gaps)": the name bare, no newline).
     */
    public static Failure schemaChangeRunning(String table) {
        return new Failure(1064, "HY000", "A schema change operation is in progress on the table " + table
                + ". Please wait until the current operation completes. To check the status of the operation, see "
                + "https://docs.starrocks.io/docs/sql-reference/sql-statements/table_bucket_part_index/SHOW_ALTER");
    }

    /**
     * The same refusal as StarRocks 3.1 to 3.4 word it ({@code InvalidOlapTableStateException.java} before 3.5: the
     * name in double quotes, a newline before "To check"; the link as 782d2184 prints it).
     */
    public static Failure schemaChangeRunningQuoted(String table) {
        return new Failure(1064, "HY000", "A schema change operation is in progress on the table \"" + table
                + "\". Please wait until the current operation completes.\nTo check the status of the operation, see "
                + "https://docs.starrocks.io/docs/sql-reference/sql-statements/table_bucket_part_index/SHOW_ALTER");
    }

    private static String finishTime(String state) {
        return (state.equals("FINISHED") || state.equals("CANCELLED")) ? "2026-01-01 10:00:09" : null;
    }

}
