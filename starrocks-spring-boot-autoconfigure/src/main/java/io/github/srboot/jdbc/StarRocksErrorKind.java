package io.github.srboot.jdbc;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessException;
import org.springframework.lang.Nullable;

/**
 * The kinds of StarRocks failure that callers act on, and the rules that recognise them from the server's error
 * code and message.
 *
 * <p>StarRocks reuses MySQL codes where they exist (1050 table exists, 1049 unknown database, 1045 access denied),
 * adds its own 5xxx codes in newer versions (5501/5502 unknown database/table, 5203 access denied) and reports
 * many analysis errors under the generic 1064 with a descriptive message. Messages are therefore matched as well
 * as codes, most specific first.
 */
enum StarRocksErrorKind {

    /** An ALTER job (schema change, rollup) is running on the table; the statement may succeed once it ends. */
    SCHEMA_CHANGE_IN_PROGRESS,

    /**
     * Another operation that passes holds the table or the database (backup, restore, too many versions, too many
     * running transactions); the statement may succeed later.
     */
    BUSY,

    /** Privilege missing or credentials refused. */
    ACCESS_DENIED,

    /** The object to create already exists. */
    OBJECT_EXISTS,

    /** The named object does not exist. */
    OBJECT_NOT_FOUND,

    /** An ALTER StarRocks cannot apply in place. */
    UNSUPPORTED_ALTER,

    /** The statement did not parse. */
    SYNTAX,

    /** A server error none of the rules above recognise: left to Spring's own translation. */
    OTHER;

    /**
     * The refusals of a table busy with an ALTER job: schema change, rollup or synchronous materialized view
     * build, waiting for the job to become stable, and the older "state is not NORMAL".
     */
    private static final Pattern SCHEMA_CHANGE_RUNNING = Pattern.compile(
            "schema change operation is in progress|materialized view or rollup index is being created"
                    + "|is being altered or having a materialized view built|state is not NORMAL",
            Pattern.CASE_INSENSITIVE);

    /**
     * Refusals that pass: "A backup operation is in progress on the table", StarRocks' load limits
     * ("too many versions", "current running txns on db ... larger than limit").
     */
    private static final Pattern BUSY_MESSAGE = Pattern.compile(
            "(?:backup|restore) operation is in progress|too many versions|current running txns on db",
            Pattern.CASE_INSENSITIVE);

    private static final Set<Integer> ACCESS_DENIED_CODES = Set.of(1044, 1045, 1142, 1143, 1227, 5202, 5203, 5204,
            5206);

    private static final Set<Integer> EXISTS_CODES = Set.of(1007, 1050, 1060, 1517, 5514, 5802, 5902);

    private static final Pattern EXISTS_MESSAGE = Pattern.compile(
            "already exists?\\b|database exists|Duplicate column name|Duplicate partition name",
            Pattern.CASE_INSENSITIVE);

    private static final Set<Integer> NOT_FOUND_CODES = Set.of(1008, 1049, 1051, 1054, 1146, 1735, 5078, 5080, 5501,
            5502, 5505, 5509, 5801, 5901);

    private static final Pattern NOT_FOUND_MESSAGE = Pattern.compile(
            "Unknown (?:database|table|column|partition|catalog|catalog\\.db)\\b|doesn't exist|does not exist"
                    + "|not exists?\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern UNSUPPORTED_ALTER_MESSAGE = Pattern.compile(
            "Can ?not (?:change|modify|drop|add|alter|rename)\\b|not supported to (?:change|modify|alter)"
                    + "|unsupported alter|does not support (?:alter|modify|changing)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SYNTAX_MESSAGE = Pattern.compile("syntax error|You have an error in your SQL syntax",
            Pattern.CASE_INSENSITIVE);

    /**
     * Classifies a server error.
     * @param errorCode the vendor code the server sent (0 when none)
     * @param message the server's message, may be {@code null}
     */
    static StarRocksErrorKind classify(int errorCode, @Nullable String message) {
        String text = (message != null) ? message : "";
        if (errorCode == 5014 || SCHEMA_CHANGE_RUNNING.matcher(text).find()) {
            return SCHEMA_CHANGE_IN_PROGRESS;
        }
        if (BUSY_MESSAGE.matcher(text).find()) {
            return BUSY;
        }
        if (ACCESS_DENIED_CODES.contains(errorCode) || text.toLowerCase(Locale.ROOT).contains("access denied")) {
            return ACCESS_DENIED;
        }
        if (SYNTAX_MESSAGE.matcher(text).find()) {
            return SYNTAX;
        }
        if (EXISTS_CODES.contains(errorCode) || EXISTS_MESSAGE.matcher(text).find()) {
            return OBJECT_EXISTS;
        }
        if (NOT_FOUND_CODES.contains(errorCode) || NOT_FOUND_MESSAGE.matcher(text).find()) {
            return OBJECT_NOT_FOUND;
        }
        if (UNSUPPORTED_ALTER_MESSAGE.matcher(text).find()) {
            return UNSUPPORTED_ALTER;
        }
        return OTHER;
    }

    /**
     * The exception for this kind, or {@code null} for {@link #OTHER} (Spring's translation applies).
     */
    @Nullable
    DataAccessException toException(String task, @Nullable String sql, SQLException cause) {
        return switch (this) {
            case BUSY -> new StarRocksBusyException(task, sql, cause);
            case SCHEMA_CHANGE_IN_PROGRESS -> new StarRocksSchemaChangeInProgressException(task, sql, cause);
            case ACCESS_DENIED -> new StarRocksAccessDeniedException(task, sql, cause);
            case OBJECT_EXISTS -> new StarRocksObjectExistsException(task, sql, cause);
            case OBJECT_NOT_FOUND -> new StarRocksObjectNotFoundException(task, sql, cause);
            case UNSUPPORTED_ALTER -> new StarRocksUnsupportedAlterException(task, sql, cause);
            case SYNTAX -> new StarRocksSyntaxException(task, sql, cause);
            case OTHER -> null;
        };
    }

}
