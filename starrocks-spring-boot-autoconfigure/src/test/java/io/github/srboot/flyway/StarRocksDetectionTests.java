package io.github.srboot.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.github.srboot.jdbc.StarRocksDetection;
import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ScriptedJdbc.Failure;
import io.github.srboot.support.ScriptedJdbc.Rows;
import io.github.srboot.support.ServerVariables;
import org.flywaydb.core.internal.database.DatabaseTypeRegister;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * StarRocks is told from MySQL by what its FE answers alone ({@link StarRocksDetection}: {@code @@version_comment},
 * confirmed by {@code @@language}), before Flyway's MySQL type can claim the connection; a MySQL server stays
 * MySQL's. The answers are those of {@link ServerVariables}, which names the FE source of each.
 *
 * <p>Scripted, not over the wire: the cases need answers the embedded StarRocks (a 3.5 FE) never gives — MySQL's,
 * Doris' and a pre-3.1 StarRocks' {@code @@version_comment}, a refused query, a connection failing while asked.
 */
class StarRocksDetectionTests {

    private static final Failure ACCESS_DENIED = new Failure(1227, "42000",
            "Access denied; you need (at least one of) the SELECT privilege(s) for this operation");

    private static Connection connection(ScriptedJdbc server) throws SQLException {
        return server.dataSource().getConnection();
    }

    @Test
    void starRocksSinceThreeOneIsStarRocks() throws SQLException {
        ScriptedJdbc server = ServerVariables.starRocks(new ScriptedJdbc());

        assertThat(new StarRocksDatabaseType().handlesDatabaseProductNameAndVersion("MySQL", "8.0.33",
                connection(server))).isTrue();
        assertThat(DatabaseTypeRegister.getDatabaseTypeForConnection(connection(server), null))
            .isInstanceOf(StarRocksDatabaseType.class);
        assertThat(server.executedSql()).contains(StarRocksDetection.VERSION_COMMENT_QUERY,
                StarRocksDetection.LANGUAGE_QUERY);
    }

    @Test
    void starRocksBeforeThreeOneIsRecognisedByItsComment() throws SQLException {
        ScriptedJdbc server = ServerVariables.starRocksBefore31(new ScriptedJdbc());

        StarRocksDetection.Server detected = StarRocksDetection.detect(connection(server));

        assertThat(detected.starRocks()).isTrue();
        assertThat(detected.version()).isEqualTo("3.0.9");
        assertThat(server.executedSql()).containsExactly(StarRocksDetection.VERSION_COMMENT_QUERY);
    }

    @Test
    void mySqlStaysMySqlAfterOneQuery() throws SQLException {
        ScriptedJdbc server = ServerVariables.mysql8(new ScriptedJdbc());

        assertThat(new StarRocksDatabaseType().handlesDatabaseProductNameAndVersion("MySQL", "8.0.36",
                connection(server))).isFalse();
        assertThat(DatabaseTypeRegister.getDatabaseTypeForConnection(connection(server), null).getName())
            .isEqualTo("MySQL");
        assertThat(server.executedSql()).doesNotContain(StarRocksDetection.LANGUAGE_QUERY);
    }

    /** Apache Doris, StarRocks' ancestor: FE {@code qe/GlobalVariable.java} of Doris prints "Doris version x-hash". */
    @Test
    void dorisIsNotStarRocks() throws SQLException {
        ScriptedJdbc server = new ScriptedJdbc().on("@@version_comment",
                ServerVariables.versionComment("Doris version doris-2.1.7-rc03-443e87e203"));

        assertThat(StarRocksDetection.isStarRocks(connection(server))).isFalse();
    }

    /** A comment of the version-commit shape alone is not enough: {@code @@language} must be StarRocks'. */
    @Test
    void aVersionShapedCommentNeedsStarRocksLanguage() throws SQLException {
        ScriptedJdbc refusing = new ScriptedJdbc()
            .on("@@version_comment", ServerVariables.versionComment("8.0.36-abc1234"))
            .on("@@language", ServerVariables.MYSQL_NO_LANGUAGE);
        ScriptedJdbc otherLanguage = new ScriptedJdbc()
            .on("@@version_comment", ServerVariables.versionComment("8.0.36-abc1234"))
            .on("@@language", new Rows(List.of("@@language"), List.of(List.of("/usr/share/english/"))));

        assertThat(StarRocksDetection.isStarRocks(connection(refusing))).isFalse();
        assertThat(StarRocksDetection.isStarRocks(connection(otherLanguage))).isFalse();
    }

    @Test
    void aServerThatRefusesTheQueryIsNotClaimed() throws SQLException {
        ScriptedJdbc server = new ScriptedJdbc().on("@@version_comment", ACCESS_DENIED);

        assertThat(StarRocksServer.isStarRocks(connection(server))).isFalse();
    }

    @Test
    void aConnectionThatFailsWhileAskingIsReportedNotAnswered() throws SQLException {
        ScriptedJdbc server = new ScriptedJdbc()
            .on("@@version_comment", ServerVariables.versionComment(ServerVariables.VERSION_COMMENT))
            .on("@@language", new Failure(0, "08S01", "Communications link failure"));

        assertThatExceptionOfType(SQLException.class)
            .isThrownBy(() -> StarRocksDetection.detect(connection(server)));
    }

    @Test
    void otherProductsAreNeverAsked() throws SQLException {
        ScriptedJdbc server = ServerVariables.starRocks(new ScriptedJdbc());

        assertThat(new StarRocksDatabaseType().handlesDatabaseProductNameAndVersion("PostgreSQL", "16.2",
                connection(server))).isFalse();
        assertThat(server.executedSql()).isEmpty();
    }

    /**
     * The version comes from {@code @@version_comment}, which the FE answers alone; {@code current_version()} runs
     * on a backend and fails when none is alive, so it is never asked.
     */
    @Test
    void theVersionComesFromTheFrontendAlone() throws SQLException {
        ScriptedJdbc server = ServerVariables.starRocks(new ScriptedJdbc()).on("current_version", ACCESS_DENIED);

        assertThat(StarRocksServer.version(connection(server))).isEqualTo("3.5.5");
        assertThat(server.executedSql()).noneMatch((sql) -> sql.contains("current_version"));
    }

    @Test
    void readsVersionsAndUsers() {
        assertThat(StarRocksDetection.versionNumberOf("4.0.0-rc01")).isEqualTo("4.0.0");
        assertThat(StarRocksDetection.versionNumberOf("3.5")).isEqualTo("3.5");
        assertThat(StarRocksDetection.releaseOf(ServerVariables.VERSION_COMMENT_BEFORE_3_1)).isEqualTo("3.0.9");
        assertThat(StarRocksDetection.releaseOf(ServerVariables.VERSION_COMMENT)).isEqualTo("3.5.5-e0b2fd4");
        assertThatIllegalArgumentException().isThrownBy(() -> StarRocksDetection.versionNumberOf("unknown"))
            .withMessageContaining("'unknown'");
        assertThat(StarRocksServer.userName("'root'@'%'")).isEqualTo("root");
        assertThat(StarRocksServer.userName("etl@10.0.0.1")).isEqualTo("etl");
    }

}
