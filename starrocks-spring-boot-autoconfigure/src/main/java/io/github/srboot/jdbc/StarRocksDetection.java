package io.github.srboot.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * The one rule that tells StarRocks from MySQL and the other servers on the same protocol, used by every part of the
 * starter that must know (auto-configuration, exception translation, the Flyway database type, ALTER-job waits,
 * health). StarRocks reports a MySQL version through {@code version()}; what gives it away are read-only variables
 * its FE answers alone, without any privilege and without a live backend:
 * <ul>
 * <li>{@code @@version_comment}: {@code <version>-<commit>} (such as {@code 3.5.5-e0b2fd4}) since StarRocks 3.1,
 * {@code StarRocks version <version>} before;</li>
 * <li>{@code @@language}: {@code /starrocks/share/english/}; MySQL 8 has no such variable.</li>
 * </ul>
 * A comment naming StarRocks is enough. A comment of the {@code <version>-<commit>} shape is confirmed by
 * {@code @@language}, so a server whose comment merely looks like a version is not taken for StarRocks. Any other
 * comment (MySQL's {@code MySQL Community Server - GPL}, MariaDB's, another product's) costs that one query.
 */
public final class StarRocksDetection {

    /** The first query; a fixed text without user input. */
    public static final String VERSION_COMMENT_QUERY = "SELECT @@version_comment";

    /** The confirming query for a comment of the {@code <version>-<commit>} shape. */
    public static final String LANGUAGE_QUERY = "SELECT @@language";

    /** What StarRocks' FE answers for {@code @@language}, whatever its version. */
    static final String STARROCKS_LANGUAGE = "/starrocks/share/english/";

    /** The words older servers (before 3.1) put in front of their version. */
    private static final String OLD_PREFIX = "StarRocks version ";

    /** {@code <major>.<minor>[.<patch>]...-<commit>} in one word, as 3.1 and later print it. */
    private static final Pattern VERSION_COMMIT = Pattern.compile("\\d+\\.\\d+\\S*-[0-9A-Za-z]+");

    private static final Pattern VERSION_NUMBER = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private StarRocksDetection() {
    }

    /**
     * What the detection found out about a server.
     *
     * @param starRocks whether the server is StarRocks
     * @param versionComment the server's {@code @@version_comment}, or {@code null} when it answered none
     */
    public record Server(boolean starRocks, @Nullable String versionComment) {

        /**
         * The StarRocks release as the FE reports it ({@code 3.5.5-e0b2fd4}; {@code 3.0.9} from an older server's
         * {@code StarRocks version 3.0.9}), or {@code null} when the server is not StarRocks.
         */
        @Nullable
        public String version() {
            return this.starRocks ? releaseOf(this.versionComment) : null;
        }

    }

    /**
     * Asks the server behind {@code connection} whether it is StarRocks: {@code @@version_comment}, then, for a
     * comment of the {@code <version>-<commit>} shape, {@code @@language}.
     * @throws SQLException when the server cannot be asked (the connection fails); a server refusing
     * {@code @@language} (MySQL: unknown system variable) is not StarRocks
     */
    public static Server detect(Connection connection) throws SQLException {
        return detect(connection, 0);
    }

    /**
     * {@link #detect(Connection)} with a bound on each query.
     * @param queryTimeoutSeconds the JDBC query timeout of each query, 0 for none
     */
    public static Server detect(Connection connection, int queryTimeoutSeconds) throws SQLException {
        String versionComment = queryString(connection, VERSION_COMMENT_QUERY, queryTimeoutSeconds);
        if (versionComment == null) {
            return new Server(false, null);
        }
        if (versionComment.startsWith(OLD_PREFIX)) {
            return new Server(true, versionComment);
        }
        if (!VERSION_COMMIT.matcher(versionComment.trim()).matches()) {
            return new Server(false, versionComment);
        }
        String language;
        try {
            language = queryString(connection, LANGUAGE_QUERY, queryTimeoutSeconds);
        }
        catch (SQLException ex) {
            if (isServerRefusal(ex)) {
                return new Server(false, versionComment);
            }
            throw ex;
        }
        return new Server(STARROCKS_LANGUAGE.equals(language), versionComment);
    }

    /**
     * Whether the server behind {@code connection} is StarRocks ({@link #detect(Connection)}).
     * @throws SQLException when the server cannot be asked
     */
    public static boolean isStarRocks(Connection connection) throws SQLException {
        return detect(connection).starRocks();
    }

    /**
     * The release in a StarRocks {@code @@version_comment}: the comment itself since 3.1 ({@code 3.5.5-e0b2fd4}),
     * the part after {@code StarRocks version } before.
     */
    @Nullable
    public static String releaseOf(@Nullable String versionComment) {
        if (versionComment == null) {
            return null;
        }
        String text = versionComment.trim();
        return text.startsWith(OLD_PREFIX) ? text.substring(OLD_PREFIX.length()).trim() : text;
    }

    /**
     * The {@code major.minor[.patch]} of a StarRocks release text such as {@code 3.5.5-e0b2fd4} or
     * {@code StarRocks version 3.0.9}.
     * @throws IllegalArgumentException naming the text when it carries no version number
     */
    public static String versionNumberOf(@Nullable String text) {
        Matcher matcher = (text != null) ? VERSION_NUMBER.matcher(text) : null;
        if (matcher == null || !matcher.find()) {
            throw new IllegalArgumentException("No StarRocks version number in '" + text + "'");
        }
        return matcher.group(1) + "." + matcher.group(2) + ((matcher.group(3) != null) ? "." + matcher.group(3) : "");
    }

    /**
     * Whether a failure is the server refusing the statement (a vendor code outside the connection-failure class
     * 08), rather than the connection failing.
     */
    private static boolean isServerRefusal(SQLException ex) {
        String state = ex.getSQLState();
        return ex.getErrorCode() != 0 && (state == null || !state.startsWith("08"));
    }

    @Nullable
    private static String queryString(Connection connection, String sql, int queryTimeoutSeconds)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(queryTimeoutSeconds);
            try (ResultSet result = statement.executeQuery(sql)) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

}
