package io.github.srboot.support;

import java.util.List;

import io.github.srboot.support.ScriptedJdbc.Failure;
import io.github.srboot.support.ScriptedJdbc.Rows;

/**
 * The read-only variables by which the starter tells StarRocks from MySQL, as each server answers them, installed
 * on a {@link ScriptedJdbc}. Every value names where it comes from.
 */
public final class ServerVariables {

    /**
     * {@code @@version_comment} of StarRocks 3.1 and later: {@code <version>-<commit>}, FE
     * {@code fe/fe-core/src/main/java/com/starrocks/qe/GlobalVariable.java}
     * ({@code versionComment = Version.STARROCKS_VERSION + "-" + Version.STARROCKS_COMMIT_HASH}).
     */
    public static final String VERSION_COMMENT = "3.5.5-e0b2fd4";

    /**
     * {@code @@version_comment} before 3.1, the same file's older
     * {@code versionComment = "StarRocks version " + Version.STARROCKS_VERSION}.
     */
    public static final String VERSION_COMMENT_BEFORE_3_1 = "StarRocks version 3.0.9";

    /**
     * {@code @@language}: {@code GlobalVariable.language}; recorded in
     * {@code ../shared/corpus/sql/sqltests/CASE_156} (Connector/J's connect query).
     */
    public static final String LANGUAGE = "/starrocks/share/english/";

    /** MySQL 8 community builds' {@code @@version_comment} (mysql-server's default COMPILATION_COMMENT). */
    public static final String MYSQL_VERSION_COMMENT = "MySQL Community Server - GPL";

    /**
     * MySQL 8 has no {@code language} variable since 5.5: {@code ER_UNKNOWN_SYSTEM_VARIABLE} (1193, HY000),
     * "Unknown system variable '%-.64s'".
     */
    public static final Failure MYSQL_NO_LANGUAGE = new Failure(1193, "HY000", "Unknown system variable 'language'");

    private ServerVariables() {
    }

    /** A StarRocks 3.1+ FE: {@code @@version_comment} {@value #VERSION_COMMENT}, {@code @@language}. */
    public static ScriptedJdbc starRocks(ScriptedJdbc server) {
        return answer(server, VERSION_COMMENT);
    }

    /** A StarRocks FE older than 3.1: {@code @@version_comment} {@value #VERSION_COMMENT_BEFORE_3_1}. */
    public static ScriptedJdbc starRocksBefore31(ScriptedJdbc server) {
        return answer(server, VERSION_COMMENT_BEFORE_3_1);
    }

    /** A MySQL 8 server: its comment, and no {@code @@language}. */
    public static ScriptedJdbc mysql8(ScriptedJdbc server) {
        return server.on("@@version_comment", versionComment(MYSQL_VERSION_COMMENT))
            .on("@@language", MYSQL_NO_LANGUAGE);
    }

    /** A one-cell answer to {@code SELECT @@version_comment}. */
    public static Rows versionComment(String comment) {
        return new Rows(List.of("@@version_comment"), List.of(List.of(comment)));
    }

    private static ScriptedJdbc answer(ScriptedJdbc server, String versionComment) {
        return server.on("@@version_comment", versionComment(versionComment))
            .on("@@language", new Rows(List.of("@@language"), List.of(List.of(LANGUAGE))));
    }

}
