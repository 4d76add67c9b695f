package io.github.srboot.ddl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.melin.superior.parser.starrocks.antlr4.StarRocksParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.junit.jupiter.api.Test;
import io.github.srboot.support.StarRocksGrammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile names, comments and values render to statements that the independent grammar parses as exactly one
 * statement with the intended structure, every hostile text coming back as the value it was.
 */
class DdlInjectionTest {

    @Test
    void hostileTableKeepsItsShape() {
        String sql = Ddl.render(HostileInput.table());
        StarRocksParser.CreateTableStatementContext create = StarRocksGrammar.parseSingle(sql).createTableStatement();

        assertThat(names(create.qualifiedName())).containsExactly(HostileInput.TABLE);
        assertThat(create.columnDesc()).hasSize(2);
        StarRocksParser.ColumnDescContext first = create.columnDesc(0);
        StarRocksParser.ColumnDescContext second = create.columnDesc(1);
        assertThat(name(first.identifier())).isEqualTo(HostileInput.COLUMN);
        assertThat(string(first.comment().string())).isEqualTo(HostileInput.COMMENT);
        assertThat(name(second.identifier())).isEqualTo(HostileInput.COLUMN_2);
        assertThat(string(second.defaultDesc().string())).isEqualTo(HostileInput.DEFAULT);
        assertThat(create.indexDesc()).hasSize(1);
        assertThat(name(create.indexDesc(0).indexName)).isEqualTo(HostileInput.INDEX);
        assertThat(string(create.indexDesc(0).comment().string())).isEqualTo(HostileInput.COMMENT);
        assertThat(string(create.comment().string())).isEqualTo(HostileInput.COMMENT);
        assertThat(create.partitionDesc().listPartitionDesc()).hasSize(1);
        StarRocksParser.SingleItemListPartitionDescContext partition = create.partitionDesc()
            .listPartitionDesc(0)
            .singleItemListPartitionDesc();
        assertThat(partition.stringList().string().stream().map(DdlInjectionTest::string))
            .containsExactly(HostileInput.LIST_VALUE, HostileInput.COMMENT);
        assertThat(properties(create.properties())).containsExactly(
                Map.entry(HostileInput.PROPERTY_KEY, HostileInput.PROPERTY_VALUE),
                Map.entry("replication_num", HostileInput.COMMENT));
    }

    @Test
    void hostileTextNeverAddsLines() {
        // CREATE line, 2 columns, 1 index, ")", key, comment, 3 partition lines, distribution, 4 property lines:
        // 15 lines, as for the same table with harmless text; the newlines inside the values stay escaped.
        assertThat(Ddl.render(HostileInput.table()).lines()).hasSize(15);
    }

    @Test
    void hostileTableRendersWithEveryQuoteEscaped() {
        assertThat(Ddl.render(HostileInput.table())).isEqualTo("""
                CREATE TABLE `orders``; DROP TABLE users; --` (
                  `we``ird"na'me` VARCHAR(20) NOT NULL COMMENT "it's \\"quoted\\" \\\\ back\\\\slash\\nnew line -- not a comment; DROP TABLE t; /* */ #\\ttab",
                  `x`` INT, ``y` INT DEFAULT "0\\"); DROP TABLE t; -- \\\\",
                  INDEX `idx``) USING BITMAP, INDEX ``i2` (`x`` INT, ``y`) USING BITMAP COMMENT "it's \\"quoted\\" \\\\ back\\\\slash\\nnew line -- not a comment; DROP TABLE t; /* */ #\\ttab"
                )
                DUPLICATE KEY(`we``ird"na'me`)
                COMMENT "it's \\"quoted\\" \\\\ back\\\\slash\\nnew line -- not a comment; DROP TABLE t; /* */ #\\ttab"
                PARTITION BY LIST(`we``ird"na'me`) (
                  PARTITION `p1` VALUES IN ("a\\"), PARTITION p2 VALUES IN (\\"b", "it's \\"quoted\\" \\\\ back\\\\slash\\nnew line -- not a comment; DROP TABLE t; /* */ #\\ttab")
                )
                DISTRIBUTED BY HASH(`we``ird"na'me`) BUCKETS 2
                PROPERTIES (
                "k\\"ey\\\\" = "v\\\\\\"); DROP TABLE t; --\\r\\n",
                "replication_num" = "it's \\"quoted\\" \\\\ back\\\\slash\\nnew line -- not a comment; DROP TABLE t; /* */ #\\ttab"
                )""");
    }

    @Test
    void hostileViewKeepsItsShape() {
        StarRocksParser.CreateViewStatementContext create = StarRocksGrammar
            .parseSingle(Ddl.render(HostileInput.view()))
            .createViewStatement();

        assertThat(names(create.qualifiedName())).containsExactly(HostileInput.TABLE);
        assertThat(create.columnNameWithComment()).hasSize(2);
        assertThat(name(create.columnNameWithComment(0).columnName)).isEqualTo(HostileInput.COLUMN);
        assertThat(string(create.columnNameWithComment(0).comment().string())).isEqualTo(HostileInput.COMMENT);
        assertThat(name(create.columnNameWithComment(1).columnName)).isEqualTo(HostileInput.COLUMN_2);
        assertThat(string(create.comment().string())).isEqualTo(HostileInput.COMMENT);
        assertThat(text(create.queryStatement())).isEqualTo("SELECT 1 AS a, '--;' AS b");
    }

    @Test
    void hostileMaterializedViewKeepsItsShape() {
        StarRocksParser.CreateMaterializedViewStatementContext create = StarRocksGrammar
            .parseSingle(Ddl.render(HostileInput.materializedView()))
            .createMaterializedViewStatement();

        assertThat(names(create.qualifiedName())).containsExactly(HostileInput.TABLE);
        assertThat(create.columnNameWithComment()).hasSize(2);
        assertThat(name(create.columnNameWithComment(0).columnName)).isEqualTo(HostileInput.COLUMN);
        assertThat(string(create.comment().string())).isEqualTo(HostileInput.COMMENT);
        assertThat(text(create.queryStatement())).isEqualTo("SELECT 1 AS a, 2 AS b");
    }

    @Test
    void hostileAlterTableKeepsItsClauses() {
        StarRocksParser.AlterTableStatementContext alter = StarRocksGrammar
            .parseSingle(Ddl.render(HostileInput.alterTable()))
            .alterTableStatement();

        assertThat(names(alter.qualifiedName())).containsExactly(HostileInput.DATABASE, HostileInput.TABLE);
        assertThat(alter.alterClause()).hasSize(2);
        StarRocksParser.AddColumnClauseContext add = alter.alterClause(0).addColumnClause();
        assertThat(name(add.columnDesc().identifier())).isEqualTo(HostileInput.COLUMN_2);
        assertThat(string(add.columnDesc().comment().string())).isEqualTo(HostileInput.COMMENT);
        assertThat(name(add.identifier(0))).isEqualTo(HostileInput.COLUMN);
        assertThat(alter.alterClause(1).dropColumnClause()).isNotNull();
    }

    @Test
    void hostileDropNamesExactlyOneObject() {
        StarRocksParser.DropTableStatementContext drop = StarRocksGrammar
            .parseSingle(Ddl.render(new DropObject(ObjectKind.TABLE, ObjectName.of(HostileInput.DATABASE,
                    HostileInput.TABLE), true, false)))
            .dropTableStatement();
        assertThat(names(drop.qualifiedName())).containsExactly(HostileInput.DATABASE, HostileInput.TABLE);
    }

    @Test
    void namesWithControlCharactersAreRefused() {
        assertThatThrownBy(() -> Table.builder("t\nDROP TABLE x").column("a", DataType.INT).build())
            .isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("control character U+000A");
        assertThatThrownBy(() -> Column.of("a\u0000", DataType.INT)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("U+0000");
        assertThatThrownBy(() -> Ddl.quoteIdentifier("a\rb")).isInstanceOf(DdlValidationException.class);
    }

    @Test
    void expressionsCannotEndTheStatementOrCommentOutTheRest() {
        assertThatThrownBy(() -> Column.of("g", DataType.INT, ColumnOption.generatedAs("1; DROP TABLE t")))
            .isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("';' is not allowed");
        assertThatThrownBy(() -> Column.of("g", DataType.INT, ColumnOption.generatedAs("a -- , `b` INT")))
            .isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("comments are not allowed");
        assertThatThrownBy(() -> Column.of("g", DataType.INT, ColumnOption.generatedAs("a /* x */")))
            .isInstanceOf(DdlValidationException.class);
        assertThatThrownBy(() -> Column.of("g", DataType.INT, ColumnOption.generatedAs("a # x")))
            .isInstanceOf(DdlValidationException.class);
        assertThatThrownBy(() -> Column.of("g", DataType.INT, ColumnOption.generatedAs("concat('a, b)")))
            .isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> Column.of("g", DataType.INT, ColumnOption.generatedAs("a) COMMENT 'x' (")))
            .isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> new ExpressionPartitionDesc(List.of("dt)), (x")))
            .isInstanceOf(DdlValidationException.class);
        assertThatThrownBy(() -> DefaultValue.expression("uuid()); DROP TABLE t; --"))
            .isInstanceOf(DdlValidationException.class);
    }

    @Test
    void expressionsCannotAddAColumnOrAClause() {
        assertThatThrownBy(() -> Column.of("g", DataType.INT, ColumnOption.generatedAs("1, `evil` INT COMMENT 'x'")))
            .isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("','");
        assertThatThrownBy(() -> Column.of("g", DataType.INT, ColumnOption.generatedAs("a + 1 comment 'not yours'")))
            .isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("COMMENT");
        assertThatThrownBy(() -> new ExpressionPartitionDesc(List.of("dt, evil")))
            .isInstanceOf(DdlValidationException.class);
        Column fine = Column.of("g", DataType.STRING, ColumnOption.generatedAs("concat(a, ',', comment_text, 'COMMENT')"));
        assertThat(fine.generatedAs()).isEqualTo("concat(a, ',', comment_text, 'COMMENT')");
        String rendered = Ddl.render(Table.builder("t").column("a", DataType.STRING)
            .column("comment_text", DataType.STRING).column(fine).build());
        assertThat(StarRocksGrammar.parseSingle(rendered)).isNotNull();
    }

    @Test
    void quotedSemicolonsAndCommentMarkersInsideExpressionsAreKept() {
        Column column = Column.of("g", DataType.STRING, ColumnOption.generatedAs("concat(`a;b`,  ';--#/*',\n\"x\")"));
        assertThat(column.generatedAs()).isEqualTo("concat(`a;b`, ';--#/*', \"x\")");
    }

    @Test
    void queriesCannotCarryASecondStatement() {
        assertThatThrownBy(() -> View.of("v", "SELECT 1; DROP TABLE t")).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("one statement only");
        assertThatThrownBy(() -> View.of("v", "SELECT 'unterminated")).isInstanceOf(DdlValidationException.class);
        assertThatThrownBy(() -> View.of("v", "SELECT 1 /* open")).isInstanceOf(DdlValidationException.class);
        assertThat(View.of("v", "SELECT ';' AS s /* ; */ -- ;\nFROM t").query())
            .isEqualTo("SELECT ';' AS s /* ; */ -- ;\nFROM t");
    }

    @Test
    void aQueryEndingInALineCommentEndsItsLineSoAScriptSemicolonSurvives() {
        String sql = Ddl.render(View.of("v", "SELECT 1 AS a -- note")) + ";";
        assertThat(sql).endsWith("-- note\n;");
        assertThat(StarRocksGrammar.parse(sql).singleStatement()).hasSize(1);
    }

    @Test
    void quoteHelpersEscapeEverythingThatCouldEndTheQuote() {
        assertThat(Ddl.quoteIdentifier("a`b")).isEqualTo("`a``b`");
        assertThat(Ddl.quoteString("a\"b\\c\nd\re\tf\u0000g\u001Ah'i")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\0g\\Zh'i\"");
        assertThatThrownBy(() -> Ddl.quoteString(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ddl.quoteIdentifier(" ")).isInstanceOf(DdlValidationException.class);
    }

    @Test
    void quotedStringsRoundTripThroughTheGrammar() {
        String value = "\\\"'`;--#/*\n\r\t\u0000\u001A\b é 中文";
        String sql = "ALTER TABLE `t` COMMENT = " + Ddl.quoteString(value);
        StarRocksParser.AlterTableStatementContext alter = StarRocksGrammar.parseSingle(sql).alterTableStatement();
        assertThat(string(alter.alterClause(0).modifyCommentClause().string())).isEqualTo(value);
    }

    private static String name(StarRocksParser.IdentifierContext identifier) {
        return StarRocksGrammar.identifier(identifier.getText());
    }

    private static List<String> names(StarRocksParser.QualifiedNameContext name) {
        return name.identifier().stream().map(DdlInjectionTest::name).toList();
    }

    private static String string(StarRocksParser.StringContext string) {
        return StarRocksGrammar.string(string.getText());
    }

    private static Map<String, String> properties(StarRocksParser.PropertiesContext properties) {
        Map<String, String> map = new LinkedHashMap<>();
        properties.property().forEach((property) -> map.put(string(property.key), string(property.value)));
        return map;
    }

    private static String text(ParserRuleContext context) {
        return context.start.getInputStream()
            .getText(org.antlr.v4.runtime.misc.Interval.of(context.start.getStartIndex(), context.stop.getStopIndex()));
    }

}
