package io.github.srboot.jdbc;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogRowsTests {

    @Test
    void rowsOfOtherSchemasMatchedByAPatternAreLeftOut() {
        // information_schema may read TABLE_SCHEMA = 'shop_1' as a LIKE pattern, which also matches 'shopx1'.
        List<Map<String, Object>> tables = List.of(
                Map.of("TABLE_SCHEMA", "shop_1", "TABLE_NAME", "t", "TABLE_TYPE", "BASE TABLE"),
                Map.of("TABLE_SCHEMA", "shopx1", "TABLE_NAME", "t", "TABLE_TYPE", "VIEW"));
        List<Map<String, Object>> columns = List.of(
                Map.of("table_schema", "shop_1", "table_name", "t", "column_name", "a", "ordinal_position", 1L),
                Map.of("table_schema", "shopx1", "table_name", "t", "column_name", "b", "ordinal_position", 1L));

        CatalogRows rows = CatalogRows.forDatabase("shop_1", tables, columns, null, null);

        assertThat(rows.tables()).singleElement().satisfies((row) -> assertThat(row).containsEntry("TABLE_TYPE",
                "BASE TABLE"));
        assertThat(rows.columnsOf("t")).extracting((row) -> row.get("COLUMN_NAME")).containsExactly("a");
    }

    @Test
    void columnsAreOrderedByOrdinalPositionWhateverTheRowOrder() {
        List<Map<String, Object>> columns = List.of(
                Map.of("TABLE_SCHEMA", "db", "TABLE_NAME", "t", "COLUMN_NAME", "c", "ORDINAL_POSITION", "3"),
                Map.of("TABLE_SCHEMA", "db", "TABLE_NAME", "t", "COLUMN_NAME", "a", "ORDINAL_POSITION", 1),
                Map.of("TABLE_SCHEMA", "db", "TABLE_NAME", "t", "COLUMN_NAME", "b", "ORDINAL_POSITION", 2L));

        CatalogRows rows = CatalogRows.forDatabase("db", List.of(), columns, null, null);

        assertThat(rows.columnsOf("t")).extracting((row) -> row.get("column_name")).containsExactly("a", "b", "c");
        assertThat(rows.columnsOf("other")).isEmpty();
    }

}
