package io.github.srboot.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders changes as text for people: the plan's {@code toString()}, the Flyway script comments and the actuator
 * endpoint share these lines so that they always say the same.
 */
final class PlanText {

    private PlanText() {
    }

    /**
     * The first line of a change: kind, object and flags, e.g. {@code COLUMNS table events [async, destructive]}.
     * @param change the change
     * @return the line
     */
    static String headline(SchemaChange change) {
        String flags = String.join(", ", flags(change));
        return change.kind() + " " + change.object() + (flags.isEmpty() ? "" : " [" + flags + "]");
    }

    /**
     * The flags of a change in a fixed order.
     * @param change the change
     * @return any of "async", "destructive", "refused", "not applied"
     */
    static List<String> flags(SchemaChange change) {
        List<String> flags = new ArrayList<>();
        if (change.asynchronous()) {
            flags.add("async");
        }
        if (change.destructive()) {
            flags.add("destructive");
        }
        if (change.refused()) {
            flags.add("refused");
        }
        if (change instanceof SchemaChange.Reported) {
            flags.add("not applied");
        }
        return flags;
    }

    /**
     * The lines under the headline: details, then SQL or reason and manual path.
     * @param change the change
     * @return the lines
     */
    static List<String> body(SchemaChange change) {
        List<String> lines = new ArrayList<>();
        for (String detail : change.details()) {
            lines.add("- " + detail);
        }
        if (change instanceof SchemaChange.Refused refused) {
            lines.add("reason: " + refused.reason());
            lines.add("manual path: " + refused.manualPath());
        }
        else if (change instanceof SchemaChange.Reported reported) {
            lines.add("reason: " + reported.reason());
        }
        else {
            for (String sql : change.sql()) {
                lines.add(sql + ";");
            }
        }
        return lines;
    }

}
