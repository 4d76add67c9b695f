package io.github.srboot.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.lang.Nullable;

/**
 * Optional collaborator of {@link StarRocksTemplate} that wraps each statement it executes and each wait for ALTER
 * jobs (timing, tracing, audit). An implementation must run the work it is handed exactly once, on the calling
 * thread, and let its result or exception through unchanged.
 */
public interface StarRocksTemplateObserver {

    /** An observer that only runs the work. */
    StarRocksTemplateObserver NONE = new StarRocksTemplateObserver() {
    };

    /**
     * Runs one statement (including the template's retries while a schema change blocks it).
     */
    default void statement(Statement statement, Runnable work) {
        work.run();
    }

    /**
     * Runs one wait for the ALTER jobs of a table.
     * @return the jobs that ended, as {@code work} returns them
     */
    default List<AlterJob> alterJobWait(AlterJobWait wait, Supplier<List<AlterJob>> work) {
        return work.get();
    }

    /**
     * A statement about to run.
     *
     * @param operation its first keyword, upper case ({@code CREATE}, {@code ALTER}, {@code DROP}, ...), or
     * {@code OTHER}: a short, closed set fit for a metric tag
     * @param database the database of the object it targets, or {@code null} when unqualified or unknown
     * @param object the object it targets, or {@code null} when unknown
     * @param sql the statement with its secrets redacted
     */
    record Statement(String operation, @Nullable String database, @Nullable String object, String sql) {

        private static final Set<String> OPERATIONS = Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "SET",
                "GRANT", "REVOKE", "INSERT", "UPDATE", "DELETE", "SHOW", "ADMIN", "REFRESH", "CANCEL", "USE");

        static Statement of(@Nullable String database, @Nullable String object, String sql) {
            return new Statement(operationOf(sql), database, object, SqlRedaction.redact(sql));
        }

        static String operationOf(String sql) {
            String trimmed = sql.stripLeading();
            int end = 0;
            while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
                end++;
            }
            String keyword = trimmed.substring(0, end).toUpperCase(Locale.ROOT);
            return OPERATIONS.contains(keyword) ? keyword : "OTHER";
        }

    }

    /**
     * A wait for the asynchronous ALTER jobs of one table.
     *
     * @param database the table's database, or {@code null} for the connection's current one
     * @param table the table
     */
    record AlterJobWait(@Nullable String database, String table) {
    }

}
