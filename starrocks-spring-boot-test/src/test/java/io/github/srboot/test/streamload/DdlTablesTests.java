package io.github.srboot.test.streamload;

import java.io.IOException;
import java.util.Map;

import io.github.srboot.ddl.AggregationType;
import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.ColumnOption;
import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Stub tables declared from the starter's DDL model.
 */
class DdlTablesTests {

    @Test
    void modelTableBecomesAStubTableThatLoadsWithItsKeyModel() throws IOException {
        Table orders = Table.builder("orders")
            .column("id", DataType.BIGINT, ColumnOption.notNull())
            .column("status", DataType.varchar(10), ColumnOption.defaultValue("new"))
            .column("amount", DataType.decimal(10, 2))
            .primaryKey("id")
            .distributedByHash(4, "id")
            .build();
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().table(StubTable.from("shop", orders))
            .start()) {
            RawHttp.streamLoad(stub, "shop", "orders", Map.of("column_separator", ",", "columns", "id,amount"),
                    "1,9.5\n1,7\n");
            TableContents contents = stub.table("shop", "orders");
            assertThat(contents.rowCount()).isOne();
            assertThat(contents.row(1L)).hasValueSatisfying((row) -> assertThat(row)
                .containsEntry("status", "new")
                .containsEntry("amount", "7.00"));
        }
    }

    @Test
    void aggregateColumnsKeepTheirAggregation() {
        Table totals = Table.builder("totals")
            .column("k", DataType.varchar(5))
            .column(Column.of("n", DataType.BIGINT, ColumnOption.aggregate(AggregationType.SUM)))
            .aggregateKey("k")
            // StarRocks needs DISTRIBUTED BY for an AGGREGATE KEY table (../shared/corpus/sql/sqltests/CASE_133 step 5).
            .distributedByHash("k")
            .build();
        StubTable stub = StubTable.from("db", totals);
        assertThat(stub.keyModel()).isEqualTo(KeyModel.AGGREGATE);
        assertThat(stub.column("n")).hasValueSatisfying((column) -> assertThat(column.aggregate())
            .isEqualTo(AggregateType.SUM));
    }

    @Test
    void whatTheStubCannotEmulateIsRefusedNamingTheColumn() {
        Table generated = Table.builder("g")
            .column("a", DataType.INT)
            .column(Column.of("b", DataType.BIGINT, ColumnOption.generatedAs("a + 1")))
            .build();
        assertThatIllegalArgumentException().isThrownBy(() -> StubTable.from("db", generated))
            .withMessageContaining("column 'b' of table 'g'");
        Table bitmap = Table.builder("u")
            .column("k", DataType.INT)
            .column(Column.of("ids", DataType.BITMAP, ColumnOption.aggregate(AggregationType.BITMAP_UNION)))
            .aggregateKey("k")
            .distributedByHash("k")
            .build();
        assertThatIllegalArgumentException().isThrownBy(() -> StubTable.from("db", bitmap))
            .withMessageContaining("BITMAP");
    }

}
