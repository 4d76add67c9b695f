package io.github.srboot.test.sql;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.srboot.test.support.SqlTesterResults;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays StarRocks' SQL-tester recordings of catalogue statements ({@code ../shared/corpus/sql/sqltests/}) over
 * JDBC against the embedded StarRocks, comparing each recorded result as the tester does (rows as an unordered
 * multiset of tab-joined lines unless ordered; an error by its message as a substring), and reports served and
 * matching cases with the reason for each case not served. Skips, saying so, when the corpus is absent.
 */
class SqlCorpusReplayTests {

    private static final String NOT_IMPLEMENTED = "The embedded StarRocks does not implement this statement";

    /** Cases whose every step is served and matches today; fewer fails the test. */
    private static final int MATCHING_AT_LEAST = 30;

    @Test
    void replaysTheRecordedCases() throws Exception {
        // ../shared/corpus beside the project (seen from the module or the project folder), or the folder named by
        // the system property srboot.corpus (a checkout elsewhere)
        String configured = System.getProperty("srboot.corpus");
        Path corpus = Stream.of((configured != null) ? Path.of(configured, "sql", "sqltests") : null,
                Path.of("..", "shared", "corpus", "sql", "sqltests"),
                Path.of("..", "..", "shared", "corpus", "sql", "sqltests"))
            .filter((path) -> path != null && Files.isDirectory(path)).findFirst().orElse(null);
        Assumptions.assumeTrue(corpus != null, "../shared/corpus/sql is absent: the replay needs StarRocks' "
                + "recordings next to the project");
        List<Path> cases;
        try (Stream<Path> listing = Files.list(corpus)) {
            cases = listing.filter(Files::isDirectory).sorted().toList();
        }
        Map<String, String> notServed = new TreeMap<>();
        Map<String, String> mismatching = new TreeMap<>();
        List<String> matching = new ArrayList<>();
        int stepsCompared = 0;
        int stepsMatching = 0;
        Map<String, String> tags = tags(corpus.resolveSibling("INDEX.tsv"));
        try (EmbeddedStarRocksServer server = EmbeddedStarRocksServer.builder().start();
                EmbeddedStarRocksServer sharedData = EmbeddedStarRocksServer.builder().runMode("shared_data")
                    .start()) {
            for (Path folder : cases) {
                String id = folder.getFileName().toString();
                // @cloud cases ran on a shared-data cluster only
                EmbeddedStarRocksServer target = tags.getOrDefault(id, "").contains("@cloud") ? sharedData : server;
                CaseOutcome outcome = replay(target, folder);
                stepsCompared += outcome.compared();
                stepsMatching += outcome.matched();
                if (outcome.notServed() != null) {
                    notServed.put(id, outcome.notServed());
                }
                else if (outcome.mismatch() != null) {
                    mismatching.put(id, outcome.mismatch());
                }
                else {
                    matching.add(id);
                }
                dropDatabases(target);
            }
        }
        StringBuilder report = new StringBuilder();
        report.append("sql corpus replay: ").append(cases.size()).append(" cases, ")
            .append(cases.size() - notServed.size()).append(" served, ").append(matching.size())
            .append(" matching; ").append(stepsMatching).append(" of ").append(stepsCompared)
            .append(" compared steps matching (steps before a case's first unserved statement)\n");
        mismatching.forEach((id, why) -> report.append("  mismatch ").append(id).append(": ").append(why)
            .append('\n'));
        notServed.forEach((id, why) -> report.append("  not served ").append(id).append(": ").append(why)
            .append('\n'));
        // the reasons cases are not served, by what stops them, most frequent first: what to implement next
        Map<String, Long> tally = new TreeMap<>();
        notServed.values().forEach((why) -> tally.merge(reasonKind(why), 1L, Long::sum));
        report.append("  not served, by reason:\n");
        tally.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .forEach((entry) -> report.append("    ").append(entry.getValue()).append(" x ").append(entry.getKey())
                .append('\n'));
        System.out.println(report);
        assertThat(matching.size()).as(report.toString()).isGreaterThanOrEqualTo(MATCHING_AT_LEAST);
    }

    /**
     * What stops a case, without its details: the tester function's name, or the first words of the statement the
     * embedded server does not implement.
     */
    private static String reasonKind(String reason) {
        Matcher function = Pattern.compile("^tester function (?:function: )?([A-Za-z_]+)").matcher(reason);
        if (function.find()) {
            return "tester function " + function.group(1);
        }
        if (reason.startsWith(NOT_IMPLEMENTED)) {
            String statement = reason.substring(NOT_IMPLEMENTED.length()).replaceFirst("^: ", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[`(].*", " ").strip();
            String[] words = statement.split("\\s+");
            if (words.length > 3 && words[0].equals("alter")) {
                // ALTER TABLE|VIEW|MATERIALIZED VIEW <name> <clause>: the name left out
                int clause = words[1].equals("materialized") ? 4 : 3;
                return "not implemented: alter " + words[1] + " ... " + ((clause < words.length) ? words[clause] : "");
            }
            return "not implemented: " + String.join(" ", List.of(words).subList(0, Math.min(words.length, 2)));
        }
        return reason.replaceAll("\\s+\\S*$", "");
    }

    private static void dropDatabases(EmbeddedStarRocksServer server) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "root", "");
                Statement statement = connection.createStatement()) {
            for (String database : server.stub().databases()) {
                statement.execute("DROP DATABASE `" + database.replace("`", "``") + "`");
            }
        }
    }

    private static Map<String, String> tags(Path index) throws java.io.IOException {
        Map<String, String> tags = new TreeMap<>();
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t", -1);
            if (cells.length > 5) {
                tags.put(cells[0], cells[5]);
            }
        }
        return tags;
    }

    private static CaseOutcome replay(EmbeddedStarRocksServer server, Path folder) throws Exception {
        int compared = 0;
        int matched = 0;
        String mismatch = null;
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "root", "");
                Statement statement = connection.createStatement()) {
            Path ddl = folder.resolve("ddl.sql");
            if (Files.exists(ddl)) {
                // the tester's implicit database (sql/README: "How the tester runs")
                statement.execute("CREATE DATABASE test_db");
                statement.execute("USE test_db");
            }
            for (String line : Files.readAllLines(folder.resolve("steps.tsv"), StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                String kind = fields[0];
                if (kind.startsWith("loop") || kind.equals("check")) {
                    return new CaseOutcome("a LOOP block of tester checks", compared, matched, mismatch);
                }
                String sql = SqlTesterResults.decode(fields[1]);
                String expected = (fields.length > 2) ? SqlTesterResults.decode(String.join("\t",
                        List.of(fields).subList(2, fields.length))) : "";
                boolean unchecked = kind.startsWith("uc:");
                String bare = kind.replace("uc:", "").replace("ord:", "");
                if (bare.equals("func")) {
                    String failure;
                    try {
                        failure = TesterFunctions.run(statement, sql.strip());
                    }
                    catch (UnsupportedOperationException ex) {
                        return new CaseOutcome("tester function " + abbreviate(sql), compared, matched, mismatch);
                    }
                    compared++;
                    if (failure == null) {
                        matched++;
                    }
                    else if (mismatch == null) {
                        mismatch = abbreviate(sql) + ": " + failure;
                    }
                    continue;
                }
                if (bare.equals("shell")) {
                    return new CaseOutcome("tester function " + abbreviate(sql), compared, matched, mismatch);
                }
                if (sql.contains("${")) {
                    return new CaseOutcome("tester variable in " + abbreviate(sql), compared, matched, mismatch);
                }
                String sent = sql.strip();
                if (sent.endsWith(";")) {
                    sent = sent.substring(0, sent.length() - 1);
                }
                String actual;
                try {
                    if (statement.execute(sent)) {
                        actual = SqlTesterResults.rows(statement.getResultSet());
                    }
                    else {
                        actual = "";
                    }
                }
                catch (SQLException ex) {
                    if (ex.getMessage() != null && ex.getMessage().startsWith(NOT_IMPLEMENTED)) {
                        return new CaseOutcome(abbreviate(ex.getMessage()), compared, matched, mismatch);
                    }
                    actual = "E: (" + ex.getErrorCode() + ", " + ex.getMessage() + ")";
                }
                if (unchecked || expected.startsWith("[REGEX]")) {
                    continue;
                }
                compared++;
                if (SqlTesterResults.same(expected, actual, bare.startsWith("ord:"))) {
                    matched++;
                }
                else if (mismatch == null) {
                    mismatch = abbreviate(sql) + " recorded [" + abbreviate(expected) + "] got [" + abbreviate(actual)
                            + "]";
                }
            }
        }
        return new CaseOutcome(null, compared, matched, mismatch);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return (flat.length() > 160) ? flat.substring(0, 160) + "..." : flat;
    }

    private record CaseOutcome(String notServed, int compared, int matched, String mismatch) {
    }

}
