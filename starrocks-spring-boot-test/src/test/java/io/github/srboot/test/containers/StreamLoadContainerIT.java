package io.github.srboot.test.containers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.JdbcTemplate;

import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.LoadStatus;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.test.support.StarRocksTestCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Stream Load end to end into a {@code @ServiceConnection} container: its BE announces an address only the container
 * can use, so every load below reaches it only through the rewrite its connection details carry. Rows are read back
 * with SQL.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = StreamLoadContainerIT.Application.class,
        properties = "spring.main.web-application-type=none")
class StreamLoadContainerIT {

    @ServiceConnection
    static StarRocksContainer starRocks = StarRocksTestCluster.container();

    @Autowired
    private StreamLoadTemplate streamLoad;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeAll
    static void createTables(@Autowired JdbcTemplate jdbc) {
        // Fixed statements, no user values: the tables this test loads into.
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS stream_load_text (id INT NOT NULL, text STRING NULL)
                PRIMARY KEY (id) DISTRIBUTED BY HASH (id) BUCKETS 1 PROPERTIES ("replication_num" = "1")""");
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS stream_load_products (id BIGINT NOT NULL, name VARCHAR(50) NULL, qty INT NULL)
                PRIMARY KEY (id) DISTRIBUTED BY HASH (id) BUCKETS 1 PROPERTIES ("replication_num" = "1")""");
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS stream_load_events (id BIGINT NOT NULL, payload STRING NULL)
                DUPLICATE KEY (id) DISTRIBUTED BY HASH (id) BUCKETS 1 PROPERTIES ("replication_num" = "1")""");
    }

    static List<String> hostileText() {
        return List.of("", "N", "tab\there", "line\nbreak", "crlf\r\nend", "quote\"inside", "'single'",
                "back\\slash", "\\\\N", "comma,separated", "unicode é 中文 😀", " padded ", "{\"json\":[1,2]}");
    }

    @Test
    void csvKeepsNullEmptyStringsAndHostileTextApart() {
        List<String> values = hostileText();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            rows.add(row(i, values.get(i)));
        }
        rows.add(row(values.size(), null));
        this.streamLoad.load("stream_load_text", Flux.fromIterable(rows), LoadOptions.csv()).block();
        List<Map<String, Object>> stored = this.jdbc.queryForList("SELECT id, text FROM stream_load_text ORDER BY id");
        assertThat(stored).hasSize(values.size() + 1);
        for (int i = 0; i < values.size(); i++) {
            assertThat(stored.get(i).get("text")).as("row %d", i).isEqualTo(values.get(i));
        }
        assertThat(stored.get(values.size()).get("text")).isNull();
    }

    @Test
    void csvRefusesTheTextBackslashNThatStarRocksWouldStoreAsNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.streamLoad
            .load("stream_load_text", Flux.just(row(1000, "\\N")), LoadOptions.csv())
            .block());
    }

    @Test
    void aJsonPartialUpdateChangesOnlyTheRowsKeys() {
        this.streamLoad.load("stream_load_products", Flux.just(Map.of("id", 1, "name", "one", "qty", 10),
                Map.of("id", 2, "name", "two", "qty", 20))).block();
        this.streamLoad.load("stream_load_products", Flux.just(Map.of("id", 1, "qty", 11)),
                LoadOptions.json().withPartialUpdate(true)).block();
        assertThat(this.jdbc.queryForList("SELECT id, name, qty FROM stream_load_products ORDER BY id"))
            .containsExactly(Map.of("id", 1L, "name", "one", "qty", 11), Map.of("id", 2L, "name", "two", "qty", 20));
    }

    @Test
    void aRetriedLoadOfSeveralMegabytesIsStoredOnce() {
        Flux<Map<String, Object>> rows = Flux.range(0, 60_000)
            .map((i) -> Map.of("id", i, "payload", "event " + i + " " + "x".repeat(80)));
        Mono<LoadResult> load = this.streamLoad.load("stream_load_events", rows);
        LoadResult first = load.block();
        // Subscribing again is what a caller does after losing the answer: same label, nothing loaded twice.
        LoadResult again = load.block();
        assertThat(first.status()).isEqualTo(LoadStatus.SUCCESS);
        assertThat(first.loadBytes()).isGreaterThan(5_000_000);
        assertThat(again.status()).isEqualTo(LoadStatus.ALREADY_LOADED);
        assertThat(again.label()).isEqualTo(first.label());
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM stream_load_events", Long.class)).isEqualTo(60_000);
    }

    private static Map<String, Object> row(int id, String text) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("text", text);
        return row;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

    }

}
