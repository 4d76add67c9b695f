package io.github.srboot.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ScriptedJdbc.Failure;
import io.github.srboot.support.ScriptedJdbc.Rows;
import io.github.srboot.support.ScriptedStarRocks;
import org.flywaydb.core.internal.database.DatabaseTypeRegister;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * StarRocks is told from MySQL by {@code @@version_comment} (which needs no privilege), before Flyway's MySQL type
 * can claim the connection; a MySQL server stays MySQL's.
 */
class StarRocksDetectionTests {

    private static final Failure ACCESS_DENIED = new Failure(1227, "42000",
            "Access denied; you need (at least one of) the SELECT privilege(s) for this operation");

    private static Connection connection(ScriptedJdbc server) throws SQLException {
        return server.dataSource().getConnection();
    }

    private static ScriptedJdbc answeringVersionComment(String comment) {
        return new ScriptedJdbc().on("@@version_comment", new Rows(List.of("@@version_comment"), List.of(List.of(comment))));
    }

    @Test
    void starRocksIsStarRocks() throws SQLException {
        ScriptedJdbc server = answeringVersionComment(ScriptedStarRocks.VERSION_COMMENT);

        assertThat(new StarRocksDatabaseType().handlesDatabaseProductNameAndVersion("MySQL", "8.0.33",
                connection(server))).isTrue();
        assertThat(DatabaseTypeRegister.getDatabaseTypeForConnection(connection(server), null))
            .isInstanceOf(StarRocksDatabaseType.class);
    }

    @Test
    void mySqlStaysMySql() throws SQLException {
        ScriptedJdbc server = answeringVersionComment("MySQL Community Server - GPL");

        assertThat(new StarRocksDatabaseType().handlesDatabaseProductNameAndVersion("MySQL", "8.0.36",
                connection(server))).isFalse();
        assertThat(DatabaseTypeRegister.getDatabaseTypeForConnection(connection(server), null).getName())
            .isEqualTo("MySQL");
    }

    @Test
    void aServerThatRefusesTheQueryIsNotClaimed() throws SQLException {
        ScriptedJdbc server = new ScriptedJdbc().on("@@version_comment", ACCESS_DENIED);

        assertThat(StarRocksServer.isStarRocks(connection(server))).isFalse();
    }

    @Test
    void otherProductsAreNeverAsked() throws SQLException {
        ScriptedJdbc server = answeringVersionComment(ScriptedStarRocks.VERSION_COMMENT);

        assertThat(new StarRocksDatabaseType().handlesDatabaseProductNameAndVersion("PostgreSQL", "16.2",
                connection(server))).isFalse();
        assertThat(server.executedSql()).isEmpty();
    }

    @Test
    void theRealVersionComesFromCurrentVersion() throws SQLException {
        ScriptedJdbc server = answeringVersionComment(ScriptedStarRocks.VERSION_COMMENT)
            .on("current_version", new Rows(List.of("current_version()"), List.of(List.of("3.3.2-857dd73"))));

        assertThat(StarRocksServer.version(connection(server))).isEqualTo("3.3.2");
    }

    @Test
    void withoutCurrentVersionTheVersionCommentTells() throws SQLException {
        ScriptedJdbc server = answeringVersionComment("StarRocks version 3.4.1-abc").on("current_version",
                ACCESS_DENIED);

        assertThat(StarRocksServer.version(connection(server))).isEqualTo("3.4.1");
    }

    @Test
    void readsVersionsAndUsers() {
        assertThat(StarRocksServer.versionOf("4.0.0-rc01")).isEqualTo("4.0.0");
        assertThat(StarRocksServer.versionOf("3.5")).isEqualTo("3.5");
        assertThatIllegalArgumentException().isThrownBy(() -> StarRocksServer.versionOf("unknown"))
            .withMessageContaining("'unknown'");
        assertThat(StarRocksServer.userName("'root'@'%'")).isEqualTo("root");
        assertThat(StarRocksServer.userName("etl@10.0.0.1")).isEqualTo("etl");
    }

}
