package io.github.srboot.test.sql;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded FE's asynchronous ALTER jobs and {@code SHOW ALTER TABLE COLUMN | ROLLUP | OPTIMIZE}.
 *
 * <p>A job's state follows from its age, so no timer thread is needed: PENDING for the configured pending time,
 * then WAITING_TXN, then RUNNING, then FINISHED (durations of zero, the default, finish a job at once, as fast
 * schema evolution does; a finished job is still listed). A cancellation injected with
 * {@link SqlFaults#cancelNextAlter(String)} ends the next job CANCELLED with that message once it has run.
 * While a table has an unfinished job, another ALTER of it is refused ({@code AlterJobExecutor} ->
 * {@code InvalidOlapTableStateException}).
 */
final class AlterJobs {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * {@code SchemaChangeProcDir.TITLE_NAMES} (column positions recorded through the SQL tester's functions:
     * sql/README, "SHOW ALTER").
     */
    private static final List<String> COLUMN_TITLES = List.of("JobId", "TableName", "CreateTime", "FinishTime",
            "IndexName", "IndexId", "OriginIndexId", "SchemaVersion", "TransactionId", "State", "Msg", "Progress",
            "Timeout");

    /** {@code RollupProcDir.TITLE_NAMES}. */
    private static final List<String> ROLLUP_TITLES = List.of("JobId", "TableName", "CreateTime", "FinishedTime",
            "BaseIndexName", "RollupIndexName", "RollupId", "TransactionId", "State", "Msg", "Progress", "Timeout");

    /** {@code OptimizeProcDir.TITLE_NAMES}. */
    private static final List<String> OPTIMIZE_TITLES = List.of("JobId", "TableName", "CreateTime", "FinishTime",
            "Operation", "TransactionId", "State", "Msg", "Progress", "Timeout");

    /** {@code Config.alter_table_timeout_second}'s default, shown as Timeout. */
    private static final String TIMEOUT_SECONDS = "86400";

    /** The kinds of job, one per {@code SHOW ALTER TABLE} variant. */
    enum Kind {
        COLUMN, ROLLUP, OPTIMIZE
    }

    private final List<Job> jobs = new ArrayList<>();

    private final AtomicLong nextJobId = new AtomicLong(11000);

    private final Clock clock;

    private final Duration pending;

    private final Duration waitingTxn;

    private final Duration running;

    private String cancellation;

    AlterJobs(Clock clock, Duration pending, Duration waitingTxn, Duration running) {
        this.clock = clock;
        this.pending = pending;
        this.waitingTxn = waitingTxn;
        this.running = running;
    }

    /** Makes the next job end CANCELLED with this message. */
    synchronized void cancelNext(String message) {
        this.cancellation = message;
    }

    synchronized void reset() {
        this.cancellation = null;
    }

    /**
     * Refuses an ALTER of a table that has an unfinished job, with the FE's message: 3.5 names the table without
     * quotes on one line (sql/README, "Not recorded" [source]); 3.1-3.4 quote it and break the line before "To
     * check" ({@code common/InvalidOlapTableStateException.java}). Code 1064, the default of an ERR packet for a
     * DdlException.
     */
    synchronized void requireNoRunningJob(String database, String table, String version) {
        for (Job job : this.jobs) {
            if (job.database().equalsIgnoreCase(database) && job.table().equalsIgnoreCase(table)
                    && !job.state(now(), this).isFinal()) {
                boolean before35 = version.matches("3\\.[0-4](\\..*)?");
                String message;
                if (job.kind() == Kind.ROLLUP) {
                    message = "A materialized view or rollup index is being created on the table "
                            + (before35 ? "\"" + table + "\"" : table) + ". Please wait until the current operation "
                            + "completes." + (before35 ? "\n" : " ") + "To check the status of the operation, see "
                            + "https://docs.starrocks.io/docs/sql-reference/sql-statements/materialized_view/"
                            + "SHOW_ALTER_MATERIALIZED_VIEW or https://docs.starrocks.io/docs/sql-reference/"
                            + "sql-statements/table_bucket_part_index/SHOW_ALTER";
                }
                else {
                    message = "A schema change operation is in progress on the table "
                            + (before35 ? "\"" + table + "\"" : table) + ". Please wait until the current operation "
                            + "completes." + (before35 ? "\n" : " ") + "To check the status of the operation, see "
                            + "https://docs.starrocks.io/docs/sql-reference/sql-statements/table_bucket_part_index/"
                            + "SHOW_ALTER";
                }
                throw new SqlError(1064, "HY000", message);
            }
        }
    }

    /** Records a job started now. */
    synchronized void start(String database, String table, Long tableId, Kind kind, String operation) {
        String cancelled = this.cancellation;
        this.cancellation = null;
        this.jobs.add(new Job(this.nextJobId.incrementAndGet(), database, table, tableId, kind, operation, now(),
                cancelled));
    }

    /**
     * {@code SHOW ALTER TABLE <kind> [FROM db] [WHERE TableName = 't'] [ORDER BY col [DESC]] [LIMIT n]}: COLUMN and
     * OPTIMIZE honour the filters, ROLLUP ignores them and lists every job of the database, oldest first
     * ({@code ShowExecutor}: only the schema-change proc filters).
     */
    StatementResult show(Session session, Tokens tokens) {
        Kind kind;
        if (tokens.accept("COLUMN")) {
            kind = Kind.COLUMN;
        }
        else if (tokens.accept("ROLLUP")) {
            kind = Kind.ROLLUP;
        }
        else if (tokens.accept("OPTIMIZE")) {
            kind = Kind.OPTIMIZE;
        }
        else {
            throw tokens.unsupported();
        }
        String database = session.database();
        if (tokens.accept("FROM") || tokens.accept("IN")) {
            database = tokens.identifier();
        }
        if (database.isEmpty()) {
            throw SqlError.noDatabaseSelected();
        }
        List<String> titles = switch (kind) {
            case COLUMN -> COLUMN_TITLES;
            case ROLLUP -> ROLLUP_TITLES;
            case OPTIMIZE -> OPTIMIZE_TITLES;
        };
        List<List<String>> rows = new ArrayList<>();
        LocalDateTime now = now();
        synchronized (this) {
            for (Job job : this.jobs) {
                if (job.kind() == kind && job.database().equalsIgnoreCase(database)) {
                    rows.add(job.row(now, this));
                }
            }
        }
        if (kind == Kind.ROLLUP) {
            // the WHERE / ORDER BY / LIMIT of a ROLLUP listing are parsed but not applied
            skipRest(tokens);
            return StatementResult.rows(titles, rows);
        }
        String filterTable = null;
        if (tokens.accept("WHERE")) {
            String column = tokens.identifier();
            if (!column.equalsIgnoreCase("TableName")) {
                throw tokens.unsupported();
            }
            tokens.expectSymbol("=");
            filterTable = TableQueries.literal(tokens);
        }
        TableQueries.RowSource source = TableQueries.RowSource.ofText(titles, rows);
        List<TableQueries.Order> order = new ArrayList<>();
        if (tokens.accept("ORDER", "BY")) {
            int column = source.column(tokens.identifier(), "order clause");
            boolean descending = tokens.accept("DESC");
            if (!descending) {
                tokens.accept("ASC");
            }
            order.add(new TableQueries.Order(column, descending));
        }
        long limit = Long.MAX_VALUE;
        if (tokens.accept("LIMIT")) {
            limit = Long.parseLong(tokens.next().value());
        }
        tokens.requireEnd();
        List<List<String>> selected = new ArrayList<>();
        for (List<String> row : rows) {
            if (filterTable == null || row.get(1).equals(filterTable)) {
                selected.add(row);
            }
        }
        if (!order.isEmpty()) {
            // JobId and times compare as numbers / ISO text; JobIds have equal widths here
            selected.sort(source.ordering(order));
        }
        return StatementResult.rows(titles, selected.subList(0, (int) Math.min(limit, selected.size())));
    }

    private static void skipRest(Tokens tokens) {
        while (!tokens.atEnd()) {
            tokens.next();
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(this.clock);
    }

    /** The lifecycle states an ALTER job passes through ({@code AlterJobV2.JobState}). */
    enum State {
        PENDING, WAITING_TXN, RUNNING, FINISHED, CANCELLED;

        boolean isFinal() {
            return this == FINISHED || this == CANCELLED;
        }
    }

    /** One job; its state follows from its age. */
    private record Job(long id, String database, String table, Long tableId, Kind kind, String operation,
            LocalDateTime created, String cancellation) {

        State state(LocalDateTime now, AlterJobs jobs) {
            Duration age = Duration.between(this.created, now);
            if (age.compareTo(jobs.pending) < 0) {
                return State.PENDING;
            }
            if (age.compareTo(jobs.pending.plus(jobs.waitingTxn)) < 0) {
                return State.WAITING_TXN;
            }
            if (age.compareTo(jobs.pending.plus(jobs.waitingTxn).plus(jobs.running)) < 0) {
                return State.RUNNING;
            }
            return (this.cancellation != null) ? State.CANCELLED : State.FINISHED;
        }

        List<String> row(LocalDateTime now, AlterJobs jobs) {
            State state = state(now, jobs);
            String finished = state.isFinal() ? this.created.plus(jobs.pending).plus(jobs.waitingTxn)
                .plus(jobs.running).format(TIME) : null;
            String message = (state == State.CANCELLED) ? this.cancellation : "";
            List<String> row = new ArrayList<>();
            row.add(Long.toString(this.id));
            row.add(this.table);
            row.add(this.created.format(TIME));
            row.add(finished);
            switch (this.kind) {
                // the base index is named after the table; fast schema evolution keeps its id (IndexId =
                // OriginIndexId, recorded as the "fast path" in sql/sqltests/CASE_002); ids and versions the
                // embedded server does not track are NULL
                case COLUMN -> {
                    String index = (this.tableId != null) ? this.tableId.toString() : null;
                    row.add(this.table);
                    row.add(index);
                    row.add(index);
                    row.add(null);
                    row.add(null);
                }
                case ROLLUP -> {
                    row.add(this.table);
                    row.add(this.operation);
                    row.add(null);
                    row.add(null);
                }
                case OPTIMIZE -> {
                    row.add((this.operation != null) ? this.operation.toUpperCase(Locale.ROOT) : null);
                    row.add(null);
                }
            }
            row.add(state.name());
            row.add(message);
            row.add(null);
            row.add(TIMEOUT_SECONDS);
            return row;
        }

    }

}
