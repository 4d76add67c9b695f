package io.github.srboot.test.sql;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

import io.github.srboot.autoconfigure.StarRocksAutoConfiguration;
import io.github.srboot.autoconfigure.StarRocksJdbcAutoConfiguration;
import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.KeysDesc;
import io.github.srboot.ddl.KeysType;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import io.github.srboot.jdbc.StarRocksTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EmbeddedStarRocks} on a {@code @SpringBootTest}: the DataSource and {@code starrocks.*} point at the embedded
 * server, and the project's {@link StarRocksTemplate} creates and reflects tables over the wire.
 */
// no starrocks.jdbc.enabled: a plain MySQL-protocol URL, and the starter recognises StarRocks from what the FE answers
@SpringBootTest(classes = EmbeddedStarRocksSpringTests.Config.class)
@EmbeddedStarRocks(database = "shop")
class EmbeddedStarRocksSpringTests {

    @Autowired
    StarRocksTemplate starRocks;

    @Test
    void theTemplateCreatesAndReflectsATable(EmbeddedStarRocksServer server) {
        Table orders = Table.builder("orders")
            .column(Column.builder("id", ScalarType.of(ScalarKind.BIGINT)).nullable(false).build())
            .column(Column.builder("status", ScalarType.of(ScalarKind.VARCHAR, 20)).comment("order state").build())
            .keys(KeysDesc.of(KeysType.PRIMARY, "id"))
            .build();
        this.starRocks.create(orders);

        assertThat(this.starRocks.databaseExists("shop")).isTrue();
        assertThat(this.starRocks.listTables("shop")).containsExactly("orders");
        Optional<SchemaObject> described = this.starRocks.describe("shop", "orders");
        assertThat(described).containsInstanceOf(Table.class);
        Table reflected = (Table) described.get();
        assertThat(reflected.columns()).extracting(Column::name).containsExactly("id", "status");
        assertThat(reflected.keys()).isEqualTo(KeysDesc.of(KeysType.PRIMARY, "id"));
        assertThat(reflected.columns().get(1).comment()).isEqualTo("order state");
        // the table is the stub's: loadable over Stream Load
        assertThat(server.stub().table("shop", "orders").table().keyColumns()).isEqualTo(List.of("id"));
    }

    @Test
    void propertiesPointAtTheServer(EmbeddedStarRocksServer server) {
        assertThat(EmbeddedStarRocksProperties.of(server, "shop"))
            .containsEntry("spring.datasource.url", "jdbc:mysql://127.0.0.1:" + server.queryPort() + "/shop")
            .containsEntry("starrocks.database", "shop")
            .containsEntry("starrocks.http.frontends[0]", server.stub().frontendUrls().get(0).toString());
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            StarRocksAutoConfiguration.class, StarRocksJdbcAutoConfiguration.class })
    static class Config {

    }

}
