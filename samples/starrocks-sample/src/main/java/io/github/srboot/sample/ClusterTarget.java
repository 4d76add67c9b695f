package io.github.srboot.sample;

import java.util.ArrayList;
import java.util.List;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.StarRocksSchemaDiff;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A StarRocks cluster as the sample's target: the schema is reflected from the live database and compared with the
 * desired one, and the loaded rows are counted with SQL.
 */
final class ClusterTarget implements SampleTarget {

    private final JdbcTemplate jdbc;

    private final StarRocksSchemaDiff schemaDiff;

    ClusterTarget(JdbcTemplate jdbc, StarRocksSchemaDiff schemaDiff) {
        this.jdbc = jdbc;
        this.schemaDiff = schemaDiff;
    }

    @Override
    public List<String> checkSchema() {
        List<String> lines = new ArrayList<>();
        lines.add("Desired schema: " + SchemaText.names(this.schemaDiff.desired()));
        lines.add("Live schema of '" + this.schemaDiff.getDatabase() + "' (reflected): "
                + SchemaText.names(this.schemaDiff.actual()));
        MigrationPlan plan = this.schemaDiff.plan();
        lines.add("Schema diff, live against desired: "
                + (plan.isEmpty() ? "no changes, the database is as desired" : plan.toString()));
        return lines;
    }

    @Override
    public TableTotals totals() {
        String database = Ddl.quoteIdentifier(this.schemaDiff.getDatabase());
        // Names come from the printer's quoting; no value is spliced into these statements.
        long[] orders = this.jdbc.queryForObject("SELECT count(*), coalesce(sum(CASE WHEN is_deleted THEN 1 ELSE 0 END), "
                + "0), coalesce(sum(change_seq), 0) FROM " + database + "." + Ddl.quoteIdentifier("orders"),
                (row, number) -> new long[] { row.getLong(1), row.getLong(2), row.getLong(3) });
        Long dailySalesOrders = this.jdbc.queryForObject("SELECT coalesce(sum(order_count), 0) FROM " + database
                + "." + Ddl.quoteIdentifier("daily_sales"), Long.class);
        return new TableTotals(orders[0], orders[1], orders[2], (dailySalesOrders != null) ? dailySalesOrders : 0);
    }

}
