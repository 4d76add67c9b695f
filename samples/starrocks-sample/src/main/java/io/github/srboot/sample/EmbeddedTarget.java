package io.github.srboot.sample;

import java.util.List;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStubServer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded StarRocks as the sample's target: its schema is checked as a cluster's is (Flyway migrated it at
 * start-up; reflected over SQL and compared with the desired schema), the first load's connection is reset on
 * purpose, and the loaded rows are read back over SQL.
 */
final class EmbeddedTarget implements SampleTarget {

    private final ClusterTarget schema;

    private final JdbcTemplate jdbc;

    private final StreamLoadStubServer streamLoad;

    private final String database;

    /**
     * @param schema checks the schema as against a cluster
     * @param jdbc the embedded StarRocks' DataSource
     * @param streamLoad the embedded StarRocks' Stream Load side, for its fault injection
     * @param database the database the tables are in
     */
    EmbeddedTarget(ClusterTarget schema, JdbcTemplate jdbc, StreamLoadStubServer streamLoad, String database) {
        this.schema = schema;
        this.jdbc = jdbc;
        this.streamLoad = streamLoad;
        this.database = database;
    }

    @Override
    public List<String> checkSchema() {
        return this.schema.checkSchema();
    }

    @Override
    public List<String> beforeBulkLoad() {
        this.streamLoad.faults().backend(Fault.resetAfterBody());
        return List.of("The embedded StarRocks will reset the connection of the first load after reading its body, "
                + "as a crashing BE would: the starter retries it with the same label, so nothing is loaded twice.");
    }

    /**
     * The totals, read back over SQL. The embedded StarRocks answers projections, WHERE and {@code COUNT(*)} but
     * no other aggregate (it refuses the cluster's {@code sum(CASE ...)} query), so the sums are taken here.
     */
    @Override
    public TableTotals totals() {
        // Names come from the printer's quoting; no value is spliced into these statements.
        String orders = Ddl.quoteIdentifier(this.database) + "." + Ddl.quoteIdentifier("orders");
        String dailySales = Ddl.quoteIdentifier(this.database) + "." + Ddl.quoteIdentifier("daily_sales");
        Long rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + orders, Long.class);
        Long deleted = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + orders + " WHERE is_deleted = true",
                Long.class);
        long changeSeqSum = this.jdbc.queryForList("SELECT change_seq FROM " + orders, Long.class).stream()
            .mapToLong(Long::longValue).sum();
        long dailySalesOrders = this.jdbc.queryForList("SELECT order_count FROM " + dailySales, Long.class).stream()
            .mapToLong(Long::longValue).sum();
        return new TableTotals((rows != null) ? rows : 0, (deleted != null) ? deleted : 0, changeSeqSum,
                dailySalesOrders);
    }

}
