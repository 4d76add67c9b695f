package io.github.srboot.test.sql;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.github.srboot.test.streamload.StreamLoadStubProperties;

/**
 * The properties that point an application at an embedded StarRocks: {@code spring.datasource.*} at the query port
 * and {@code starrocks.*} at the FE HTTP listeners.
 *
 * <p>With {@link EmbeddedStarRocks} on a Spring test class they are applied automatically; otherwise register them
 * from a {@code @DynamicPropertySource} method with {@link #register}.
 */
public final class EmbeddedStarRocksProperties {

    private EmbeddedStarRocksProperties() {
    }

    /**
     * {@code spring.datasource.url} (with the database when not empty), {@code spring.datasource.username|password},
     * and the {@code starrocks.*} properties of {@link StreamLoadStubProperties#of}.
     */
    public static Map<String, Object> of(EmbeddedStarRocksServer server, String database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", (database != null && !database.isEmpty())
                ? server.jdbcUrl(database) : server.jdbcUrl());
        properties.put("spring.datasource.username", server.username());
        properties.put("spring.datasource.password", server.password());
        properties.putAll(StreamLoadStubProperties.of(server.stub(), database));
        return properties;
    }

    /**
     * Registers {@link #of the properties} with a {@code @DynamicPropertySource} registry.
     */
    public static void register(DynamicPropertyRegistry registry, EmbeddedStarRocksServer server, String database) {
        of(server, database).forEach((name, value) -> registry.add(name, () -> value));
    }

}
