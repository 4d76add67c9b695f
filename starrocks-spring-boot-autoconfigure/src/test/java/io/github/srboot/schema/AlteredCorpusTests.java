package io.github.srboot.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.support.SharedCorpus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures the schema diff on StarRocks' own recordings of a CREATE, the ALTERs run on it and the {@code SHOW CREATE}
 * text printed afterwards ({@code ../shared/corpus/show-create/altered}, read in place, never copied): the diff between
 * the CREATE's model and the printed model should touch exactly what the ALTERs touched (columns, sort key,
 * distribution, partitions, properties, comment, indexes). Prints the figures and every pair that falls short;
 * asserts that every pair parses and that the diff invents nothing the ALTERs did not do (no phantom change).
 * Skips, saying so, where the corpus is absent.
 */
class AlteredCorpusTests {

    private static final Pattern PLAN_COLUMN = Pattern.compile(
            "^(?:add column|drop column|column) (\\S+?)(?::| |$)");

    private static final Pattern PLAN_PROPERTY = Pattern.compile("^property (\\S+?):");

    private static final Pattern PLAN_INDEX = Pattern.compile("^(?:add \\S+ index|replace index|drop index) (\\S+?)(?::| |$)");

    @Test
    void diffFromCreateToShownTouchesWhatTheAltersTouched() throws IOException {
        Path altered = corpus();
        assumeTrue(altered != null, "../shared/corpus/show-create/altered is absent: the altered-set measurement "
                + "did not run");
        List<Path> inputs;
        try (Stream<Path> files = Files.list(altered)) {
            inputs = files.filter((path) -> path.toString().endsWith(".input.sql")).sorted().toList();
        }
        int parsed = 0;
        int noPhantom = 0;
        int complete = 0;
        List<String> failures = new ArrayList<>();
        List<String> phantoms = new ArrayList<>();
        for (Path input : inputs) {
            String id = input.getFileName().toString().replace(".input.sql", "");
            String alters = Files.readString(altered.resolve(id + ".alter.sql"));
            List<SchemaObject> created;
            List<SchemaObject> shown;
            try {
                created = Ddl.parse(Files.readString(input));
                shown = Ddl.parse(Files.readString(altered.resolve(id + ".output.sql")));
            }
            catch (RuntimeException ex) {
                failures.add(id + " does not parse: " + ex.getMessage());
                continue;
            }
            parsed++;
            // The server's text is what exists and the CREATE is what a user declared: the diff is then the way back
            // from the altered table to the CREATE, which touches exactly what the ALTERs touched. (The other way
            // round would take the server's own defaults for declared values.)
            MigrationPlan plan = SchemaDiff.compare(shown, created, true);
            Set<String> touched = touched(plan);
            List<Set<String>> expected = expected(alters);
            Set<String> unexplained = new TreeSet<>(touched);
            expected.forEach(unexplained::removeAll);
            List<Set<String>> missing = expected.stream()
                .filter((aspects) -> aspects.stream().noneMatch(touched::contains))
                .toList();
            if (unexplained.isEmpty()) {
                noPhantom++;
            }
            else {
                phantoms.add(id + " phantom " + unexplained + "\n" + plan);
            }
            if (missing.isEmpty()) {
                complete++;
            }
            else {
                System.out.println(id + " not in the diff (undone by a later ALTER, not printed by SHOW CREATE, or "
                        + "missed): " + missing + "\n  alters: " + alters.strip().replace("\n", "\n          "));
            }
        }
        phantoms.forEach(System.out::println);
        failures.forEach(System.out::println);
        System.out.printf("altered: parsed %d/%d, no phantom change %d/%d, every ALTER seen %d/%d%n", parsed,
                inputs.size(), noPhantom, inputs.size(), complete, inputs.size());
        assertThat(failures).as("pairs that do not parse").isEmpty();
        assertThat(phantoms).as("pairs whose diff changes what no ALTER touched").isEmpty();
    }

    /** What the plan changes, as aspects: column:x, property:k, index:i, sortkey, distribution, partition, comment. */
    static Set<String> touched(MigrationPlan plan) {
        Set<String> aspects = new LinkedHashSet<>();
        for (SchemaChange change : plan.changes()) {
            switch (change.kind()) {
                case SORT_KEY -> aspects.add("sortkey");
                case DISTRIBUTION -> aspects.add("distribution");
                case ADD_PARTITION, DROP_PARTITION, PARTITION -> aspects.add("partition");
                case TABLE_COMMENT -> aspects.add("comment");
                case KEYS -> aspects.add("keys");
                case PARTITION_SCHEME -> aspects.add("partitioning");
                default -> {
                    for (String detail : change.details()) {
                        aspects.add(aspect(detail, change.kind()));
                    }
                }
            }
        }
        return aspects;
    }

    private static String aspect(String detail, ChangeKind kind) {
        Matcher column = PLAN_COLUMN.matcher(detail);
        if (column.find()) {
            return "column:" + Normal.fold(column.group(1));
        }
        Matcher property = PLAN_PROPERTY.matcher(detail);
        if (property.find()) {
            return "property:" + property.group(1).toLowerCase(Locale.ROOT);
        }
        Matcher index = PLAN_INDEX.matcher(detail);
        if (index.find()) {
            return "index:" + Normal.fold(index.group(1));
        }
        return kind + ": " + detail;
    }

    /**
     * What each ALTER statement touches, in the same aspects: a statement is seen in the diff when the diff touches
     * one of its aspects. Renaming a column is seen as the column's change, or as the key, distribution, partition
     * or sort key change it makes when the column is used there (the diff does not recognise renames).
     */
    static List<Set<String>> expected(String alters) {
        List<Set<String>> statements = new ArrayList<>();
        String text = alters.replace("`", "").toLowerCase(Locale.ROOT);
        for (String statement : text.split(";")) {
            String sql = statement.strip().replaceAll("\\s+", " ");
            if (sql.isEmpty() || sql.contains(" add rollup")) {
                continue; // a rollup is not part of SHOW CREATE TABLE
            }
            Set<String> aspects = new LinkedHashSet<>();
            statements.add(aspects);
            if (sql.contains(" rename column ")) {
                aspects.addAll(List.of("keys", "distribution", "partitioning", "sortkey"));
            }
            find(sql, "rename column (\\w+) to (\\w+)", aspects, "column:", 1, 2);
            find(sql, "(?:add|drop|modify) column (\\w+)", aspects, "column:", 1);
            Matcher several = Pattern.compile("add columns? \\((.*)\\)").matcher(sql);
            if (several.find()) {
                for (String item : several.group(1).split(",")) {
                    String name = item.strip().split(" ")[0];
                    if (name.matches("\\w+")) {
                        aspects.add("column:" + name);
                    }
                }
            }
            if (sql.contains(" order by")) {
                // A sort key that reorders key columns reorders them in the table too (corpus altered 1061).
                aspects.addAll(List.of("sortkey", "keys"));
            }
            if (sql.matches(".*(add|create) index .* using gin.*")) {
                // StarRocks turns replicated_storage off for a GIN index (corpus altered 1022).
                aspects.add("property:replicated_storage");
            }
            if (sql.contains(" distributed by")) {
                aspects.add("distribution");
            }
            if (sql.matches(".*\\b(add|drop) (temporary )?partitions?\\b.*")) {
                aspects.add("partition");
            }
            if (sql.matches(".*\\bset ?\\(.*")) {
                find(sql, "[\"']([\\w.]+)[\"'] ?=", aspects, "property:", 1);
            }
            if (sql.matches(".*\\bcomment ?=.*")) {
                aspects.add("comment");
            }
            find(sql, "(?:add|create|drop) index (\\w+)", aspects, "index:", 1);
        }
        return statements;
    }

    private static void find(String sql, String regex, Set<String> aspects, String prefix, int... groups) {
        Matcher matcher = Pattern.compile(regex).matcher(sql);
        while (matcher.find()) {
            for (int group : groups) {
                aspects.add(prefix + matcher.group(group));
            }
        }
    }

    private static Path corpus() {
        return SharedCorpus.find("show-create/altered");
    }

}
