package io.github.srboot.streamload;

import java.time.Duration;

import io.github.srboot.streamload.cdc.AuditColumns;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubTable;

/**
 * Test support: stub tables and templates pointed at a stub, with short backoffs so that retry tests stay fast.
 */
public final class StubTemplates {

    public static final String DATABASE = "shop";

    private StubTemplates() {
    }

    /** A PRIMARY KEY table {@code shop.<name>(id BIGINT, name VARCHAR(500))}. */
    static StubTable keyed(String name) {
        return StubTable.builder(DATABASE, name).column("id", "BIGINT").column("name", "VARCHAR(500)")
            .primaryKey("id").build();
    }

    /** A DUPLICATE KEY table {@code shop.<name>(id BIGINT, name VARCHAR(500))}: every loaded row is kept. */
    static StubTable appendOnly(String name) {
        return StubTable.builder(DATABASE, name).column("id", "BIGINT").column("name", "VARCHAR(500)")
            .duplicateKey("id").build();
    }

    /** Appends the four CDC audit columns ({@link AuditColumns#DEFAULT}) with the types a created table gives them. */
    public static StubTable.Builder withAuditColumns(StubTable.Builder table) {
        return table.column("_sr_op_type", "TINYINT")
            .column("_sr_is_deleted", "BOOLEAN")
            .column("_sr_synced_at", "DATETIME")
            .column("_sr_version", "BIGINT");
    }

    /**
     * A PRIMARY KEY table {@code shop.customers(id, name, qty)} with the CDC audit columns under their default
     * names.
     */
    static StubTable customers() {
        return withAuditColumns(StubTable.builder(DATABASE, "customers")
            .column("id", "BIGINT")
            .column("name", "VARCHAR(50)")
            .column("qty", "INT"))
            .primaryKey("id")
            .build();
    }

    public static StreamLoadTemplate.Builder builder(StreamLoadStubServer stub) {
        return StreamLoadTemplate.builder()
            .frontends(stub.frontendUrls())
            .credentials(stub.username(), stub.password())
            .database(DATABASE)
            .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(20)))
            .frontendProbeInterval(Duration.ofMillis(50))
            .labelPollInterval(Duration.ofMillis(20))
            .responseTimeoutMargin(Duration.ofMillis(500))
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(5))
            .shutdownTimeout(Duration.ofSeconds(10));
    }

    /** A row of the test tables. */
    record Item(long id, String name) {
    }

}
