package io.github.srboot.streamload;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;

import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Primary Key table options against the stub: {@code __op} mapping, partial update and merge condition.
 */
class StreamLoadPrimaryKeyTest {

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    record Product(long id, String name, int qty, int version) {
    }

    record Stock(long id, int qty) {
    }

    @BeforeEach
    void start() {
        this.stub = StreamLoadStubServer.builder()
            .table(StubTable.builder("shop", "products").column("id", "BIGINT").column("name", "VARCHAR(50)")
                .column("qty", "INT").column("version", "INT").primaryKey("id").build())
            .start();
        this.template = StubTemplates.builder(this.stub).build();
        this.template.load("products", Flux.just(new Product(1, "one", 10, 5), new Product(2, "two", 20, 5),
                new Product(3, "three", 30, 5))).block();
    }

    @AfterEach
    void stop() {
        this.template.close();
        this.stub.close();
    }

    @ParameterizedTest
    @EnumSource(LoadFormat.class)
    void operationMappingDeletesAndUpserts(LoadFormat format) {
        LoadOptions options = LoadOptions.json().withFormat(format)
            .withOperation((Product product) -> product.qty() == 0 ? RowOperation.DELETE : RowOperation.UPSERT);
        this.template.load("products", Flux.just(new Product(2, "two", 0, 6), new Product(4, "four", 40, 6)), options)
            .block();
        var products = this.stub.table("shop", "products");
        assertThat(products.row(2)).isEmpty();
        assertThat(products.row(4)).contains(Map.of("id", "4", "name", "four", "qty", "40", "version", "6"));
        assertThat(products.rowCount()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(LoadFormat.class)
    void partialUpdateChangesOnlyTheGivenColumns(LoadFormat format) {
        LoadOptions options = LoadOptions.json().withFormat(format).withPartialUpdate(true).withColumns("id", "qty");
        this.template.load("products", Flux.just(new Stock(1, 11)), options).block();
        assertThat(this.stub.table("shop", "products").row(1))
            .contains(Map.of("id", "1", "name", "one", "qty", "11", "version", "5"));
    }

    @ParameterizedTest
    @EnumSource(LoadFormat.class)
    void mergeConditionKeepsNewerVersions(LoadFormat format) {
        LoadOptions options = LoadOptions.json().withFormat(format).withMergeCondition("version");
        this.template.load("products", Flux.just(new Product(1, "older", 1, 4), new Product(3, "newer", 3, 7)),
                options).block();
        var products = this.stub.table("shop", "products");
        assertThat(products.row(1).orElseThrow()).containsEntry("name", "one");
        assertThat(products.row(3).orElseThrow()).containsEntry("name", "newer");
    }

    @Test
    void aJsonPartialUpdateWithoutColumnsSendsTheRowsKeysAsColumns() {
        // The FE refuses a partial update without a columns header ("key column id not in partial update columns").
        this.template.load("products", Flux.just(new Stock(1, 11), new Stock(2, 22)),
                LoadOptions.json().withPartialUpdate(true)).block();
        var products = this.stub.table("shop", "products");
        assertThat(products.row(1)).contains(Map.of("id", "1", "name", "one", "qty", "11", "version", "5"));
        assertThat(products.row(2)).contains(Map.of("id", "2", "name", "two", "qty", "22", "version", "5"));
    }

    @Test
    void aJsonPartialUpdateRowWithAKeyTheFirstRowLackedIsRefusedNotDropped() {
        Map<String, Object> first = new LinkedHashMap<>(Map.of("id", 1, "qty", 11));
        Map<String, Object> later = new LinkedHashMap<>(Map.of("id", 2, "qty", 22));
        later.put("name", "renamed");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.template.load("products", Flux.just(first, later),
                    LoadOptions.json().withPartialUpdate(true)).block())
            .withMessageContaining("[name]");
        assertThat(this.stub.table("shop", "products").row(2).orElseThrow()).containsEntry("name", "two");
    }

    @Test
    void aJsonPartialUpdateRowLackingAColumnOfTheOthersIsRefusedNotLoadedAsNull() {
        // StarRocks' JSON reader writes NULL for a column of the header that a JSON object lacks (CSV rows were
        // already refused by RowFields for a missing field).
        Map<String, Object> both = new java.util.LinkedHashMap<>();
        both.put("id", 1L);
        both.put("qty", 11);
        Map<String, Object> keyOnly = Map.of("id", 2L);
        com.fasterxml.jackson.databind.node.ObjectNode keyOnlyNode = new com.fasterxml.jackson.databind.ObjectMapper()
            .createObjectNode()
            .put("id", 3L);
        LoadOptions options = LoadOptions.json().withPartialUpdate(true);

        assertThatThrownBy(() -> this.template.load("products", Flux.just(both, keyOnly), options).block())
            .hasMessageContaining("lacks [qty]");
        assertThatThrownBy(() -> this.template.load("products", Flux.just(both, keyOnlyNode), options).block())
            .hasMessageContaining("lacks [qty]");
        assertThatThrownBy(() -> this.template.load("products", Flux.just(keyOnly),
                options.withColumns("id", "qty")).block())
            .hasMessageContaining("lacks [qty]");
        var products = this.stub.table("shop", "products");
        assertThat(products.row(2).orElseThrow()).containsEntry("qty", "20");
        assertThat(products.row(3).orElseThrow()).containsEntry("qty", "30");
    }

}
