package io.github.srboot.flyway;

import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.support.StarRocksGrammar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration lock's statements and StarRocks' answer to a used label, without a server. Several migrators at once
 * and an expired claim taken over run over the wire against the embedded StarRocks in the test-support module
 * ({@code ConcurrentMigratorsOverTheWireTests}, {@code ExpiredLockOverTheWireTests}).
 */
class ConcurrentMigratorsTests {

    /** The statements the lock sends are StarRocks' grammar (the labelled INSERT with literal values). */
    @Test
    void theLockStatementsParse() {
        assertThat(StarRocksGrammar.parseSingle(Ddl.render(new CreateObject("shop",
                MigrationLock.definition("flyway_schema_history_lock", 1), true, false)))).isNotNull();
        assertThat(StarRocksGrammar.parseSingle("INSERT INTO `shop`.`flyway_schema_history_lock` WITH LABEL "
                + "`flyway_flyway_schema_history_lock_10001_1` (`generation`, `owner`, `state`, `expires_at`) "
                + "VALUES (1, 'me', 'HELD', 1767225600000)")).isNotNull();
        assertThat(StarRocksGrammar.parseSingle("SELECT `generation`, `owner`, `state`, `expires_at` FROM "
                + "`shop`.`flyway_schema_history_lock` ORDER BY `generation` DESC LIMIT 1")).isNotNull();
    }

    @Test
    void aUsedLabelIsRecognisedByStarRocksMessage() {
        // fe/fe-core/src/main/java/com/starrocks/common/LabelAlreadyUsedException.java
        assertThat(MigrationLock.isLabelUsed(new java.sql.SQLException(
                "Label [flyway_flyway_schema_history_lock_10001_3] has already been used.", "HY000", 1064))).isTrue();
        assertThat(MigrationLock.isLabelUsed(new java.sql.SQLException("Unknown table 'x'", "42S02", 1051)))
            .isFalse();
    }

}
