package io.github.srboot.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.lang.Nullable;

/**
 * Tells StarRocks from MySQL and other servers on the same protocol: StarRocks reports a MySQL version through
 * {@code version()}, but its {@code @@version_comment} (readable without any privilege) names StarRocks.
 */
public final class StarRocksDetection {

    /** The query; a fixed text without user input. */
    public static final String VERSION_COMMENT_QUERY = "SELECT @@version_comment";

    private StarRocksDetection() {
    }

    /**
     * The server's {@code @@version_comment}, e.g. {@code StarRocks version 3.5.5-ee3f7c8}.
     */
    @Nullable
    public static String versionComment(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(VERSION_COMMENT_QUERY)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    /**
     * Whether a {@code @@version_comment} is StarRocks'.
     */
    public static boolean namesStarRocks(@Nullable String versionComment) {
        return versionComment != null && versionComment.contains("StarRocks");
    }

    /**
     * Whether the server behind {@code connection} is StarRocks.
     */
    public static boolean isStarRocks(Connection connection) throws SQLException {
        return namesStarRocks(versionComment(connection));
    }

}
