package io.github.srboot.flyway;

import java.sql.Connection;
import java.sql.SQLException;

import io.github.srboot.jdbc.StarRocksDetection;

import org.springframework.lang.Nullable;

/**
 * What the Flyway type needs to know about the server: whether it is StarRocks and its version, both from
 * {@link StarRocksDetection} (answered by the FE alone: {@code version()} reports a fake MySQL version, and
 * {@code current_version()} needs a live backend), and the user name.
 */
final class StarRocksServer {

    private StarRocksServer() {
    }

    /**
     * Whether the server behind a connection is StarRocks ({@link StarRocksDetection}); false when it cannot tell
     * (not a server Flyway should treat as StarRocks).
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
     * The {@code major.minor[.patch]} of the server's release, from {@code @@version_comment}.
     * @throws IllegalArgumentException when the comment carries no version
     */
    static String version(Connection connection) throws SQLException {
        StarRocksDetection.Server server = StarRocksDetection.detect(connection);
        return StarRocksDetection.versionNumberOf(StarRocksDetection.releaseOf(server.versionComment()));
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

}
