package io.github.srboot.test.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays StarRocks' recorded {@code SHOW CREATE} pairs ({@code ../shared/corpus/show-create/}: the CREATE as a test
 * wrote it, then the text a real server printed) over JDBC against the embedded StarRocks, and reports how many it
 * serves and matches, with the reason for each pair it does not serve. Skips, saying so, when the corpus is absent.
 */
class ShowCreateCorpusReplayTests {

    /**
     * Pairs that match today; the test fails when fewer match (a pair the server stops serving), and whenever a
     * served pair prints differently from its recording.
     */
    private static final int MATCHED_AT_LEAST = 116;

    /** Served pairs known to print differently, with the reason; any other difference fails the test. */
    private static final Map<String, String> KNOWN_MISMATCHES = Map.of(
            "1010", "a RANGE partition expression prints analysed (CAST(substr(`bill`, 3, 11) AS BIGINT)) and follows "
                    + "a renamed column; the embedded server prints the expression as written",
            "1014", "the shared-data recording of 1010's statements: the same analysed partition expression",
            "1016", "base_compaction_forbidden_time_ranges SET to '' is no longer printed; the FE rule is not ported",
            "1024", "enable_load_profile SET back to false is no longer printed; the FE rule is not ported",
            "1047", "lake_compaction_max_parallel SET to 3 is no longer printed; the FE rule is not ported",
            "1048", "recorded with compression before bucket_size: this recording's properties are not sorted, unlike "
                    + "every other recording of the set",
            "1051", "primary_index_cache_expire_sec SET to 0 is no longer printed; the FE rule is not ported");

    @Test
    void replaysTheRecordedPairs() throws Exception {
        Path corpus = locate();
        Assumptions.assumeTrue(corpus != null, "../shared/corpus/show-create is absent: the replay needs StarRocks' "
                + "recordings next to the project");
        Map<String, String[]> sources = sources(corpus.resolve("SOURCES.tsv"));
        List<String> matched = new ArrayList<>();
        Map<String, String> mismatched = new TreeMap<>();
        Map<String, String> unserved = new TreeMap<>();
        // shared-data recordings (SOURCES.tsv run_mode cloud) replay against a server running shared-data
        try (EmbeddedStarRocksServer sharedNothing = EmbeddedStarRocksServer.builder().start();
                EmbeddedStarRocksServer sharedData = EmbeddedStarRocksServer.builder().runMode("shared_data")
                    .start()) {
            for (Map.Entry<String, String[]> entry : sources.entrySet()) {
                String id = entry.getKey();
                String[] row = entry.getValue();
                String set = row[4];
                if (set.equals("legacy")) {
                    continue;
                }
                Path folder = set.equals("main") ? corpus : corpus.resolve(set);
                // the HTTP SQL API (row[12] http_json) prints the same SHOW CREATE text as the MySQL protocol: replayed
                // over JDBC all the same
                EmbeddedStarRocksServer server = row[10].equals("cloud") ? sharedData : sharedNothing;
                String input = Files.readString(folder.resolve(id + ".input.sql"), StandardCharsets.UTF_8).strip();
                String expected = Files.readString(folder.resolve(id + ".output.sql"), StandardCharsets.UTF_8);
                // 0030 was recorded through the HTTP SQL API (a shell: curl line): its query is SHOW CREATE TABLE
                String show = row[6].startsWith("shell:") ? "show create table " + row[3] : row[6].strip();
                try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "root", "");
                        Statement statement = connection.createStatement()) {
                    // the SQL tester runs each case in a database of its own (sql/README: "How the tester runs")
                    statement.execute("DROP DATABASE IF EXISTS test_db");
                    statement.execute("CREATE DATABASE test_db");
                    statement.execute("USE test_db");
                    // the SET / ADMIN SET FRONTEND CONFIG statements the case ran before its CREATE (SOURCES.tsv
                    // context_statements); FE config items outlive a case, as on the tester's cluster, so each
                    // case starts from the default
                    resetFrontendConfig(statement);
                    String refusedContext = null;
                    for (String context : row[17].split(";")) {
                        if (context.isBlank()) {
                            continue;
                        }
                        try {
                            statement.execute(context.strip());
                        }
                        catch (SQLException ex) {
                            refusedContext = "context statement refused: " + ex.getMessage();
                            break;
                        }
                    }
                    if (refusedContext != null) {
                        unserved.put(id, refusedContext);
                        continue;
                    }
                    try {
                        statement.execute(input.endsWith(";") ? input.substring(0, input.length() - 1) : input);
                    }
                    catch (SQLException ex) {
                        unserved.put(id, "CREATE refused: " + ex.getMessage());
                        continue;
                    }
                    String refusedAlter = null;
                    if (set.equals("altered")) {
                        for (String alter : statements(Files.readString(folder.resolve(id + ".alter.sql"),
                                StandardCharsets.UTF_8))) {
                            try {
                                statement.execute(alter);
                            }
                            catch (SQLException ex) {
                                refusedAlter = "ALTER refused: " + ex.getMessage();
                                break;
                            }
                        }
                    }
                    if (refusedAlter != null) {
                        unserved.put(id, refusedAlter);
                        continue;
                    }
                    String printed;
                    try (ResultSet result = statement.executeQuery(show.endsWith(";")
                            ? show.substring(0, show.length() - 1) : show)) {
                        result.next();
                        printed = result.getString(2);
                    }
                    catch (SQLException ex) {
                        unserved.put(id, "SHOW CREATE refused: " + ex.getMessage());
                        continue;
                    }
                    if (printed.equals(expected)) {
                        matched.add(id);
                    }
                    else {
                        mismatched.put(id, firstDifference(expected, printed));
                    }
                }
            }
        }
        int served = matched.size() + mismatched.size();
        StringBuilder report = new StringBuilder();
        report.append("show-create replay: ").append(served).append(" served, ").append(matched.size())
            .append(" matching, ").append(unserved.size()).append(" not served\n");
        mismatched.forEach((id, difference) -> report.append("  mismatch ").append(id).append(": ")
            .append(difference).append(KNOWN_MISMATCHES.containsKey(id) ? " (known: " + KNOWN_MISMATCHES.get(id) + ")"
                    : "").append('\n'));
        unserved.forEach((id, reason) -> report.append("  not served ").append(id).append(": ").append(reason)
            .append('\n'));
        System.out.println(report);
        assertThat(mismatched.keySet()).as(report.toString()).isEqualTo(KNOWN_MISMATCHES.keySet());
        assertThat(matched.size()).as(report.toString()).isGreaterThanOrEqualTo(MATCHED_AT_LEAST);
    }

    /** Puts back the default of the FE config item a case changed (Config.java: true). */
    private static void resetFrontendConfig(Statement statement) throws SQLException {
        statement.execute("ADMIN SET FRONTEND CONFIG (\"enable_replicated_storage_as_default_engine\" = \"true\")");
    }

    /** The statements of an alter.sql file: each ends with {@code ;} at the end of a line. */
    private static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String text = current.toString().strip();
                statements.add(text.substring(0, text.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }

    private static String firstDifference(String expected, String actual) {
        String[] expectedLines = expected.split("\n", -1);
        String[] actualLines = actual.split("\n", -1);
        for (int i = 0; i < Math.max(expectedLines.length, actualLines.length); i++) {
            String want = (i < expectedLines.length) ? expectedLines[i] : "<none>";
            String got = (i < actualLines.length) ? actualLines[i] : "<none>";
            if (!want.equals(got)) {
                return "line " + (i + 1) + " recorded [" + want + "] printed [" + got + "]";
            }
        }
        return "differs";
    }

    private static Map<String, String[]> sources(Path file) throws IOException {
        Map<String, String[]> rows = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            rows.put(cells[0], cells);
        }
        return rows;
    }

    /**
     * {@code ../shared/corpus/show-create} beside the project (seen from the module or the project folder), or under
     * the folder named by the system property {@code srboot.corpus} (a checkout elsewhere).
     */
    private static Path locate() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("srboot.corpus");
        if (configured != null) {
            candidates.add(Path.of(configured, "show-create"));
        }
        candidates.add(Path.of("..", "shared", "corpus", "show-create"));
        candidates.add(Path.of("..", "..", "shared", "corpus", "show-create"));
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(null);
    }

}
