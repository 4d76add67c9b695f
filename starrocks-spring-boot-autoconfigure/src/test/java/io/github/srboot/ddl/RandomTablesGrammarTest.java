package io.github.srboot.ddl;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.melin.superior.parser.starrocks.antlr4.StarRocksParser;
import org.junit.jupiter.api.Test;
import io.github.srboot.support.StarRocksGrammar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style: random valid tables (see {@link RandomTables}) render to exactly one {@code CREATE TABLE} that the
 * independent grammar parses with the intended columns, comments and properties.
 */
class RandomTablesGrammarTest {

    private static final int TABLES = 200;

    @Test
    void randomTablesRenderToTheIntendedStatement() {
        RandomTables tables = new RandomTables(20261121L, true);
        for (int i = 0; i < TABLES; i++) {
            Table table = tables.next();
            String sql = Ddl.render(table);
            StarRocksParser.CreateTableStatementContext create;
            try {
                create = StarRocksGrammar.parseSingle(sql).createTableStatement();
            }
            catch (StarRocksGrammar.GrammarException ex) {
                throw new AssertionError("table #" + i + " rejected: " + ex.getMessage() + "\n" + sql, ex);
            }
            assertThat(create).as(sql).isNotNull();
            assertThat(create.columnDesc()).as(sql).hasSize(table.columns().size());
            for (int c = 0; c < table.columns().size(); c++) {
                Column column = table.columns().get(c);
                StarRocksParser.ColumnDescContext parsed = create.columnDesc(c);
                assertThat(StarRocksGrammar.identifier(parsed.identifier().getText())).isEqualTo(column.name());
                assertThat((parsed.comment() != null) ? StarRocksGrammar.string(parsed.comment().string().getText())
                        : null).isEqualTo(column.comment());
            }
            assertThat(create.indexDesc()).hasSize(table.indexes().size());
            assertThat((create.comment() != null) ? StarRocksGrammar.string(create.comment().string().getText()) : null)
                .isEqualTo(table.comment());
            Map<String, String> properties = new LinkedHashMap<>();
            if (create.properties() != null) {
                create.properties().property().forEach((property) -> properties.put(
                        StarRocksGrammar.string(property.key.getText()), StarRocksGrammar.string(property.value.getText())));
            }
            assertThat(properties).containsExactlyEntriesOf(table.properties());
            assertThat(create.partitionDesc() != null).isEqualTo(table.partition() != null);
            assertThat(create.distributionDesc() != null).isEqualTo(table.distribution() != null);
            assertThat(create.orderByDesc() != null).isEqualTo(!table.orderBy().isEmpty());
        }
    }

    @Test
    void generatorIsDeterministicAndCoversEveryModel() {
        RandomTables first = new RandomTables(7L, false);
        RandomTables second = new RandomTables(7L, false);
        java.util.Set<KeysType> models = java.util.EnumSet.noneOf(KeysType.class);
        for (int i = 0; i < 100; i++) {
            Table table = first.next();
            assertThat(second.next()).isEqualTo(table);
            models.add(table.keysType());
        }
        assertThat(models).containsExactlyInAnyOrder(KeysType.values());
    }

}
