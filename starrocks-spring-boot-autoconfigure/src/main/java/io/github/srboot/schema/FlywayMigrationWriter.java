package io.github.srboot.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.srboot.ddl.AlterTable;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DdlStatement;

/**
 * Writes a {@link MigrationPlan} as the next Flyway versioned migration, {@code V<next>__<description>.sql}: every
 * statement is preceded by comments carrying its kind and flags (async, destructive), and refused or reported
 * changes appear only as comments that explain the reason and the manual path.
 */
public final class FlywayMigrationWriter {

    /** Flyway's default versioned-migration name: {@code V}, dot- or underscore-separated numbers, {@code __}. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");

    private static final Pattern DESCRIPTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private FlywayMigrationWriter() {
    }

    /**
     * Writes the plan as the next migration in a directory, which is created when missing.
     * @param plan the plan
     * @param directory the Flyway migration directory, e.g. {@code src/main/resources/db/migration}
     * @param description the description part of the file name, letters, digits, {@code _} and {@code -}; spaces
     * are turned into {@code _}
     * @return the file written, or empty when the plan has no statement to run (a file of comments only would be
     * recorded as applied by Flyway and hide what is still pending)
     * @throws IllegalArgumentException when the description is not usable in a file name
     * @throws UncheckedIOException when the directory cannot be read or the file cannot be written
     */
    public static Optional<Path> write(MigrationPlan plan, Path directory, String description) {
        String fileDescription = fileDescription(description);
        if (plan.statements().isEmpty()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(directory);
            String version = nextVersion(directory);
            Path file = directory.resolve("V" + version + "__" + fileDescription + ".sql");
            Files.writeString(file, render(plan), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return Optional.of(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write the next Flyway migration into " + directory, ex);
        }
    }

    /**
     * The version after the highest versioned migration found in a directory and its subdirectories: the last
     * number of the highest version plus one ({@code V7} -> {@code 8}, {@code V1.9} -> {@code 1.10},
     * {@code V2_3} -> {@code 2_4}); {@code 1} when there is none.
     * @param directory the directory
     * @return the next version as written in a file name
     * @throws IOException when the directory cannot be read
     */
    public static String nextVersion(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return "1";
        }
        String highest = null;
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Matcher matcher = VERSIONED.matcher(file.getFileName().toString());
                if (matcher.matches() && (highest == null || compareVersions(matcher.group(1), highest) > 0)) {
                    highest = matcher.group(1);
                }
            }
        }
        if (highest == null) {
            return "1";
        }
        int lastSeparator = Math.max(highest.lastIndexOf('.'), highest.lastIndexOf('_'));
        String last = highest.substring(lastSeparator + 1);
        return highest.substring(0, lastSeparator + 1) + new BigInteger(last).add(BigInteger.ONE);
    }

    /**
     * The script text of a plan: a header, then per change its comment block and statements.
     * @param plan the plan
     * @return the script
     */
    public static String render(MigrationPlan plan) {
        StringBuilder script = new StringBuilder();
        script.append("-- Written by the StarRocks schema diff: ").append(plan.changes().size())
                .append(plan.changes().size() == 1 ? " change" : " changes");
        long refused = plan.refused().size();
        if (refused > 0) {
            script.append(", ").append(refused).append(" refused (see the comments below)");
        }
        script.append(".\n");
        script.append("-- Statements marked \"waits\" start an asynchronous StarRocks job that must finish before the "
                + "next schema change on the same table:\n");
        script.append("-- the starter's Flyway callback waits for it after the statement (starrocks.flyway.wait-for-alter-jobs"
                + "); another runner must wait itself.\n");
        int number = 1;
        for (SchemaChange change : plan.changes()) {
            script.append('\n');
            comment(script, number++ + ". " + PlanText.headline(change));
            for (String detail : change.details()) {
                comment(script, "   - " + detail);
            }
            if (change instanceof SchemaChange.Refused refusedChange) {
                comment(script, "   REFUSED: " + refusedChange.reason());
                comment(script, "   Manual path: " + refusedChange.manualPath());
            }
            else if (change instanceof SchemaChange.Reported reported) {
                comment(script, "   NOT APPLIED: " + reported.reason());
            }
            else {
                for (DdlStatement statement : change.statements()) {
                    if (waits(change, statement)) {
                        comment(script, "   waits: asynchronous job on " + ((AlterTable) statement).table().name());
                    }
                    script.append(Ddl.render(statement)).append(";\n");
                }
            }
        }
        return script.toString();
    }

    /**
     * Whether a statement starts an asynchronous job to wait for: the {@code ALTER TABLE}s of an asynchronous
     * change (one statement per job: the diff groups all column changes of a table into one {@code ALTER}).
     * @param change the change
     * @param statement one of its statements
     * @return true when the statement is followed by a wait
     */
    public static boolean waits(SchemaChange change, DdlStatement statement) {
        return change.asynchronous() && statement instanceof AlterTable;
    }

    private static void comment(StringBuilder script, String text) {
        for (String line : text.split("\\R", -1)) {
            script.append("-- ").append(line).append('\n');
        }
    }

    private static String fileDescription(String description) {
        String cleaned = (description != null) ? description.trim().replaceAll("\\s+", "_") : "";
        if (!DESCRIPTION.matcher(cleaned).matches() || cleaned.contains("__")) {
            throw new IllegalArgumentException("Migration description '" + description
                    + "' cannot be used in a Flyway file name: use letters, digits, single '_' and '-'");
        }
        return cleaned;
    }

    private static int compareVersions(String first, String second) {
        List<BigInteger> left = parts(first);
        List<BigInteger> right = parts(second);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            BigInteger a = (i < left.size()) ? left.get(i) : BigInteger.ZERO;
            BigInteger b = (i < right.size()) ? right.get(i) : BigInteger.ZERO;
            int comparison = a.compareTo(b);
            if (comparison != 0) {
                return comparison;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static List<BigInteger> parts(String version) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : version.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        return parts;
    }

}
