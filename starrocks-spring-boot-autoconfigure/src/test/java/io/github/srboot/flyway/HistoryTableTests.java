package io.github.srboot.flyway;

import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.KeysType;
import io.github.srboot.support.StarRocksGrammar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The schema history table: a PRIMARY KEY table with StarRocks types, rendered by the ddl printer and accepted by
 * the independent StarRocks grammar.
 */
class HistoryTableTests {

    @Test
    void isAPrimaryKeyTableHashedOnTheRankWithTheServersReplication() {
        String sql = Ddl.render(new CreateObject("shop", HistoryTable.definition("flyway_schema_history", null),
                false, false));

        assertThat(sql).isEqualTo("""
                CREATE TABLE `shop`.`flyway_schema_history` (
                  `installed_rank` INT NOT NULL,
                  `version` VARCHAR(50),
                  `description` VARCHAR(200) NOT NULL,
                  `type` VARCHAR(20) NOT NULL,
                  `script` VARCHAR(1000) NOT NULL,
                  `checksum` INT,
                  `installed_by` VARCHAR(100) NOT NULL,
                  `installed_on` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
                  `execution_time` INT NOT NULL,
                  `success` BOOLEAN NOT NULL
                )
                PRIMARY KEY(`installed_rank`)
                DISTRIBUTED BY HASH(`installed_rank`)""");
        assertThat(StarRocksGrammar.ruleOf(StarRocksGrammar.parseSingle(sql))).isEqualTo("createTableStatement");
    }

    @Test
    void carriesTheConfiguredReplicationNum() {
        var table = HistoryTable.definition("history `odd`", 1);
        String sql = Ddl.render(new CreateObject("shop", table, false, false));

        assertThat(table.keysType()).isEqualTo(KeysType.PRIMARY);
        assertThat(sql).startsWith("CREATE TABLE `shop`.`history ``odd```")
            .endsWith("PROPERTIES (\n\"replication_num\" = \"1\"\n)");
        assertThat(StarRocksGrammar.ruleOf(StarRocksGrammar.parseSingle(sql))).isEqualTo("createTableStatement");
    }

    @Test
    void refusesAReplicationNumBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> HistoryTable.definition("h", 0))
            .withMessageContaining("at least 1, got 0");
    }

}
