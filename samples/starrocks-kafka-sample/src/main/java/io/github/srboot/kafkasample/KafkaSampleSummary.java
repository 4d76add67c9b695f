package io.github.srboot.kafkasample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.github.srboot.test.streamload.StreamLoadStubServer;

/**
 * What the example applied, read back from the embedded StarRocks and compared with the source's rows.
 *
 * @param text the summary as printed
 * @param mismatches the keys whose row in StarRocks differs from the source's (missing, extra, other values)
 * @param changesApplied the changes the listener applied ({@code starrocks.kafka.changes})
 */
record KafkaSampleSummary(String text, List<String> mismatches, long changesApplied) {

    /** Whether every table holds what the source holds. */
    boolean matches() {
        return this.mismatches.isEmpty();
    }

    static KafkaSampleSummary of(DebeziumFeed feed, StreamLoadStubServer starRocks, MeterRegistry meters) {
        List<String> mismatches = new ArrayList<>();
        StringBuilder tables = new StringBuilder();
        for (String table : KafkaSampleApplication.tables()) {
            Map<Long, String[]> source = feed.rows.getOrDefault(table, Map.of());
            Map<Long, Map<String, String>> live = new HashMap<>();
            int softDeleted = 0;
            for (Map<String, String> row : starRocks.table(KafkaSampleApplication.DATABASE, table).rows()) {
                long id = Long.parseLong(row.get("id"));
                if ("1".equals(row.get("_sr_is_deleted"))) {
                    softDeleted++;
                    if (source.containsKey(id)) {
                        mismatches.add(table + " " + id + ": soft-deleted, but the source holds it");
                    }
                    continue;
                }
                live.put(id, row);
            }
            source.forEach((id, values) -> {
                Map<String, String> row = live.get(id);
                if (row == null) {
                    mismatches.add(table + " " + id + ": missing");
                }
                else if (!values[0].equals(row.get("name")) || !values[1].equals(row.get("qty"))) {
                    mismatches.add(table + " " + id + ": " + row.get("name") + "/" + row.get("qty") + ", the source "
                            + "holds " + values[0] + "/" + values[1]);
                }
            });
            live.keySet().stream().filter((id) -> !source.containsKey(id))
                .forEach((id) -> mismatches.add(table + " " + id + ": in StarRocks, not in the source"));
            tables.append(String.format(Locale.ROOT, "  %-16s %d live rows%s, as the source holds them%s%n",
                    table + ":", live.size(), (softDeleted > 0) ? ", " + softDeleted + " soft-deleted" : "",
                    mismatches.isEmpty() ? "" : " (NOT: see the mismatches)"));
        }
        long applied = (long) meters.find("starrocks.kafka.changes").tag("outcome", "applied").counters().stream()
            .mapToDouble(Counter::count)
            .sum();
        long loads = (long) meters.find("starrocks.kafka.loads").counters().stream().mapToDouble(Counter::count).sum();
        String text = String.format(Locale.ROOT, "Summary (Kafka sample: an embedded Kafka broker and the embedded "
                + "StarRocks)%n  events sent:     %d change events (%d inserts, %d updates, %d deletes) and their "
                + "tombstones, %d records on %d topics%n  changes applied: %d, in %d loads%n%s  mismatches:      %d%s",
                feed.operations.values().stream().mapToInt(Integer::intValue).sum(), feed.operations.getOrDefault("c", 0),
                feed.operations.getOrDefault("u", 0), feed.operations.getOrDefault("d", 0), feed.records(),
                DebeziumFeed.TOPICS.size(), applied, loads, tables,
                mismatches.size(), mismatches.isEmpty() ? "" : " " + mismatches.subList(0, Math.min(5,
                        mismatches.size())));
        return new KafkaSampleSummary(text, List.copyOf(mismatches), applied);
    }

}
