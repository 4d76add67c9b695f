package io.github.srboot.test.streamload;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The {@code starrocks.*} properties that point an application at a stub: FE URLs and credentials.
 *
 * <p>With {@link StreamLoadStub} on a Spring test class they are applied automatically; otherwise register them
 * from a {@code @DynamicPropertySource} method:
 * <pre>{@code
 * @DynamicPropertySource
 * static void starrocks(DynamicPropertyRegistry registry) {
 *     StreamLoadStubProperties.register(registry, stub);
 * }
 * }</pre>
 */
public final class StreamLoadStubProperties {

    private StreamLoadStubProperties() {
    }

    /**
     * {@code starrocks.http.frontends[i]}, {@code starrocks.username}, {@code starrocks.password} and, when not
     * {@code null}, {@code starrocks.database}.
     */
    public static Map<String, Object> of(StreamLoadStubServer server, String database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<URI> urls = server.frontendUrls();
        for (int i = 0; i < urls.size(); i++) {
            properties.put("starrocks.http.frontends[" + i + "]", urls.get(i).toString());
        }
        properties.put("starrocks.username", server.username());
        properties.put("starrocks.password", server.password());
        if (database != null && !database.isEmpty()) {
            properties.put("starrocks.database", database);
        }
        return properties;
    }

    /**
     * Registers {@link #of(StreamLoadStubServer, String) the properties} (without a database) with a
     * {@code @DynamicPropertySource} registry.
     */
    public static void register(DynamicPropertyRegistry registry, StreamLoadStubServer server) {
        of(server, null).forEach((name, value) -> registry.add(name, () -> value));
    }

}
