package io.github.srboot.flyway;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.srboot.jdbc.StarRocksDetection;

import org.springframework.lang.Nullable;

/**
 * What the Flyway type needs to know about the server: whether it is StarRocks ({@link StarRocksDetection}), its
 * real version ({@code current_version()}: {@code version()} reports a fake MySQL one) and the user name.
 */
final class StarRocksServer {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private StarRocksServer() {
    }

    /**
     * Whether the server behind a connection is StarRocks ({@link StarRocksDetection}); false when it cannot tell
     * (the query is refused: not a server Flyway should treat as StarRocks).
     */
    static boolean isStarRocks(Connection connection) {
        try {
            return StarRocksDetection.isStarRocks(connection);
        }
        catch (SQLException ex) {
            return false;
        }
    }

    /**
     * The {@code major.minor[.patch]} part of a StarRocks version text such as {@code 3.5.5-e0b2fd4} or
     * {@code StarRocks version 3.3.2-...}.
     * @throws IllegalArgumentException when the text carries no version
     */
    static String versionOf(String text) {
        Matcher matcher = (text != null) ? VERSION.matcher(text) : null;
        if (matcher == null || !matcher.find()) {
            throw new IllegalArgumentException("No StarRocks version in '" + text + "'");
        }
        return matcher.group(1) + "." + matcher.group(2) + ((matcher.group(3) != null) ? "." + matcher.group(3) : "");
    }

    /**
     * The real version: {@code current_version()}, else the one in {@code @@version_comment}.
     */
    static String version(Connection connection) throws SQLException {
        String version;
        try {
            version = queryString(connection, "SELECT current_version()");
        }
        catch (SQLException ex) {
            version = StarRocksDetection.versionComment(connection);
        }
        return versionOf(version);
    }

    /**
     * The user name of {@code USER()}, which StarRocks prints as {@code 'name'@'host'}.
     */
    static String userName(@Nullable String user) {
        if (user == null) {
            return null;
        }
        int at = user.lastIndexOf('@');
        String name = (at >= 0) ? user.substring(0, at) : user;
        if (name.length() >= 2 && name.startsWith("'") && name.endsWith("'")) {
            name = name.substring(1, name.length() - 1);
        }
        return name;
    }

    @Nullable
    static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            return resultSet.next() ? resultSet.getString(1) : null;
        }
    }

}
