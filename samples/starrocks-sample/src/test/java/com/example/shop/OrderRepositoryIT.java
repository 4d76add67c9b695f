package com.example.shop;

// tag::testing-container[]
import java.util.Map;

import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.Table;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.test.containers.StarRocksContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.srboot.ddl.ColumnOption.notNull;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@Testcontainers(disabledWithoutDocker = true)           // skipped, and reported so, where Docker is absent
class OrderRepositoryIT {

    @Container
    @ServiceConnection                                  // DataSource, FE HTTP URL and credentials from the container
    static StarRocksContainer starRocks = new StarRocksContainer().withDatabaseName("shop");

    @Autowired
    StarRocksTemplate template;

    @Autowired
    StreamLoadTemplate streamLoad;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void loadsAndQueries() {
        template.createIfNotExists("shop", Table.builder("orders")
            .column("id", DataType.BIGINT, notNull()).column("status", DataType.varchar(16))
            .primaryKey("id").property("replication_num", "1").build());

        streamLoad.load("orders", Flux.just(Map.of("id", 1, "status", "new"))).block();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM shop.orders", Long.class)).isEqualTo(1);
    }

}
// end::testing-container[]
