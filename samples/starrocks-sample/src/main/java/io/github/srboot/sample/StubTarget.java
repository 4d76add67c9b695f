package io.github.srboot.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.SchemaDiff;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStubServer;

/**
 * The embedded Stream Load stub as the sample's target. The stub speaks only the HTTP load protocol: there is no
 * SQL, so the schema is compared with what the migrations would build (their DDL parsed, not executed), and the
 * loaded rows are read from the stub's in-memory tables.
 */
final class StubTarget implements SampleTarget {

    private final StreamLoadStubServer stub;

    private final String database;

    private final List<SchemaObject> desired;

    private final List<SchemaObject> migrated;

    /**
     * @param stub the running stub
     * @param database the database the tables are in
     * @param desired the desired schema
     * @param migrated the objects the migrations create, parsed from their DDL
     */
    StubTarget(StreamLoadStubServer stub, String database, List<SchemaObject> desired, List<SchemaObject> migrated) {
        this.stub = stub;
        this.database = database;
        this.desired = desired;
        this.migrated = migrated;
    }

    @Override
    public List<String> checkSchema() {
        List<String> lines = new ArrayList<>();
        lines.add("Desired schema: " + SchemaText.names(this.desired));
        lines.add("Skipped: Flyway migrate, reflection of the live schema and the drift check need SQL, which the "
                + "stub does not serve.");
        MigrationPlan fresh = SchemaDiff.compare(List.of(), this.desired);
        lines.add("Schema diff against an empty database: " + fresh.changes().size() + " changes, "
                + fresh.statements().size() + " statements (what a first migration would hold):");
        fresh.changes().forEach((change) -> lines.add("  " + SchemaText.headline(change)));
        MigrationPlan drift = SchemaDiff.compare(this.migrated, this.desired);
        lines.add("Schema diff against what db/migration builds (parsed, not executed): "
                + (drift.isEmpty() ? "no changes, the migrations and the desired schema agree" : drift.toString()));
        return lines;
    }

    @Override
    public List<String> beforeBulkLoad() {
        this.stub.faults().backend(Fault.resetAfterBody());
        return List.of("The stub will reset the connection of the first load after reading its body, as a crashing "
                + "BE would: the starter retries it with the same label, so nothing is loaded twice.");
    }

    @Override
    public TableTotals totals() {
        long changeSeqSum = 0;
        long deleted = 0;
        List<Map<String, String>> orders = this.stub.table(this.database, "orders").rows();
        for (Map<String, String> row : orders) {
            changeSeqSum += Long.parseLong(row.get("change_seq"));
            // The stub stores BOOLEAN as StarRocks shows it: 1 or 0.
            deleted += "1".equals(row.get("is_deleted")) ? 1 : 0;
        }
        long dailySalesOrders = 0;
        for (Map<String, String> row : this.stub.table(this.database, "daily_sales").rows()) {
            dailySalesOrders += Long.parseLong(row.get("order_count"));
        }
        return new TableTotals(orders.size(), deleted, changeSeqSum, dailySalesOrders);
    }

}
