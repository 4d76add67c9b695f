package io.github.srboot.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.srboot.ddl.ColumnOption.comment;
import static io.github.srboot.ddl.ColumnOption.notNull;
import static io.github.srboot.ddl.DataType.INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Value semantics of the model: immutability, property order versus map equality, defaults for absent parts.
 */
class ModelTest {

    @Test
    void anEmptyCommentIsNoComment() {
        // SHOW CREATE prints COMMENT "" for every column without a comment; StarRocks keeps no empty comment apart.
        assertThat(Column.of("c", DataType.INT, ColumnOption.comment("")).comment()).isNull();
        assertThat(Table.builder("t").column("c", DataType.INT).comment("").build().comment()).isNull();
        assertThat(new IndexDef("i", List.of("c"), IndexType.BITMAP, Map.of(), "").comment()).isNull();
        assertThat(new ViewColumn("c", "").comment()).isNull();
        assertThat(new View("v", List.of(), "", null, "SELECT 1").comment()).isNull();
        assertThat(Ddl.parse("CREATE TABLE t (c INT COMMENT \"\") COMMENT ''")).containsExactly(
                Table.builder("t").column("c", DataType.INT).build());
        assertThat(Column.of("c", DataType.INT, ColumnOption.comment(" ")).comment()).isEqualTo(" ");
    }

    @Test
    void propertiesKeepTheirOrderButCompareAsAMap() {
        Table ab = Table.builder("t").column("a", INT).property("a", "1").property("b", "2").build();
        Table ba = Table.builder("t").column("a", INT).property("b", "2").property("a", "1").build();
        assertThat(ab).isEqualTo(ba).hasSameHashCodeAs(ba);
        assertThat(ab.properties().keySet()).containsExactly("a", "b");
        assertThat(Ddl.render(ab)).endsWith("\"a\" = \"1\",\n\"b\" = \"2\"\n)");
        assertThat(Ddl.render(ba)).endsWith("\"b\" = \"2\",\n\"a\" = \"1\"\n)");
    }

    @Test
    void collectionsAreCopiedAndImmutable() {
        List<Column> columns = new ArrayList<>(List.of(Column.of("a", INT)));
        Table table = new Table("t", columns, null, null, null, null, null, null, null, null);
        columns.add(Column.of("b", INT));
        assertThat(table.columns()).hasSize(1);
        assertThat(table.indexes()).isEmpty();
        assertThat(table.orderBy()).isEmpty();
        assertThat(table.properties()).isEmpty();
        assertThatThrownBy(() -> table.columns().add(Column.of("c", INT)))
            .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> table.properties().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullElementsAreRefused() {
        List<Column> columns = new ArrayList<>();
        columns.add(null);
        assertThatThrownBy(() -> new Table("t", columns, null, null, null, null, null, null, null, null))
            .isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("a list element is null");
    }

    @Test
    void absentKeyClauseMeansDuplicateKey() {
        assertThat(Table.builder("t").column("a", INT).build().keysType()).isEqualTo(KeysType.DUPLICATE);
        assertThat(Table.builder("t").column("a", INT, notNull()).primaryKey("a").build().keysType())
            .isEqualTo(KeysType.PRIMARY);
    }

    @Test
    void columnsAreFoundCaseInsensitively() {
        Table table = Table.builder("t").column("Amount", INT).build();
        assertThat(table.column("amount")).isEqualTo(Column.of("Amount", INT));
        assertThat(table.column("other")).isNull();
    }

    @Test
    void toBuilderCopiesEverything() {
        Table table = DdlExamples.all()
            .stream()
            .map(DdlExamples.Example::statement)
            .filter(CreateObject.class::isInstance)
            .map((statement) -> ((CreateObject) statement).object())
            .filter(Table.class::isInstance)
            .map(Table.class::cast)
            .filter((t) -> t.name().equals("events"))
            .findFirst()
            .orElseThrow();
        assertThat(table.toBuilder().build()).isEqualTo(table);
        assertThat(table.toBuilder().comment("changed").build().comment()).isEqualTo("changed");
    }

    @Test
    void columnOptionsCompose() {
        Column column = Column.of("a", INT, notNull(), comment("x"));
        assertThat(column).isEqualTo(new Column("a", INT, false, null, false, null, false, null, "x"));
        assertThat(column.withName("b").name()).isEqualTo("b");
        assertThat(column.isGenerated()).isFalse();
    }

    @Test
    void expressionWhitespaceIsNormalisedOutsideQuotesOnly() {
        assertThat(new ExpressionPartitionDesc(List.of("  date_trunc( 'day',\n\t`dt` ) ")).expressions())
            .containsExactly("date_trunc( 'day', `dt` )");
        assertThat(DefaultValue.expression(" concat('a  b',   \"c\") ")).isEqualTo(new DefaultValue.Expression(
                "concat('a  b', \"c\")"));
    }

    @Test
    void expressionPartitionColumnNamesAreReadFromBareIdentifiers() {
        assertThat(new ExpressionPartitionDesc(List.of("`a``b`", "c", "date_trunc('day', d)")).columnNames())
            .containsExactly("a`b", "c");
    }

    @Test
    void viewQueriesAreKeptVerbatimApartFromOuterWhitespace() {
        assertThat(View.of("v", "\n  SELECT a,\n    b  FROM t\n").query()).isEqualTo("SELECT a,\n    b  FROM t");
    }

    @Test
    void engineIsWrittenAsGivenAndQuotedWhenNotAPlainWord() {
        assertThat(Ddl.render(Table.builder("t").column("a", INT).engine("olap").build())).contains(") ENGINE=olap");
        assertThat(Ddl.render(Table.builder("t").column("a", INT).engine("x y").build())).contains(") ENGINE=`x y`");
    }

}
