package io.github.srboot.ddl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.srboot.support.SharedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Replays the DDL that StarRocks' SQL tester recorded ({@code ../shared/corpus/sql/sqltests/CASE_NNN/steps.tsv}, main
 * at 782d2184) through {@link Ddl#parseStatements} and the model's validation: every recorded refusal of a CREATE
 * statement is refused with the recorded words ({@link DdlValidationException#starRocksMessage()}), and every
 * recorded CREATE that StarRocks ran is accepted; each case that does neither is listed below with its reason, and a
 * listed case that starts to match fails the test, so the list stays true. ALTER refusals are counted and set aside:
 * {@code Ddl.parse} reads CREATE statements only. Skips, saying so, when {@code ../shared} is absent.
 */
class RecordedDdlReplayTest {

    /** Recorded refusals of CREATE statements the model does not refuse with the recorded words, and why. */
    private static final Map<String, String> UNMATCHED_REFUSALS = reasons(
            "CASE_074 step 4", "StarRocks' parser answers with the position of the unexpected DEFAULT; the model's "
                    + "parser refuses the same text as a DdlSyntaxException in its own words",
            "CASE_082 step 15", "needs catalogue state: the table already exists",
            "CASE_084 step 3", "the crontab's day-of-week field (0 in '* * * * 0'): the full crontab check of FE "
                    + "PropertyAnalyzer (Quartz format) is not ported, only its minute-field rule",
            "CASE_088 step 4", "refused, but StarRocks names a STRUCT type in its own form (struct<`c1` bigint(20), "
                    + "`c2` TIME>), which the model does not reproduce",
            "CASE_091 step 7", "refused, but StarRocks appends Gson's own parse error, which the model does not "
                    + "reproduce",
            "CASE_091 step 8", "refused, but StarRocks appends Gson's own parse error",
            "CASE_091 step 9", "refused, but StarRocks appends Gson's own parse error",
            "CASE_091 step 10", "refused, but StarRocks appends Gson's own parse error",
            "CASE_091 step 23", "refused, but StarRocks appends Gson's own parse error",
            "CASE_091 step 24", "refused, but StarRocks appends Gson's own parse error",
            "CASE_091 step 25", "refused, but StarRocks appends Gson's own parse error",
            "CASE_091 step 26", "refused, but StarRocks appends Gson's own parse error",
            "CASE_091 step 27", "refused, but StarRocks appends Gson's own parse error",
            "CASE_110 step 3", "semantic check outside DDL: typing the generation expression (array_avg gives "
                    + "DOUBLE, the column is INT) needs StarRocks' function signatures",
            "CASE_110 step 5", "StarRocks' parser answers with the position of the unexpected AS; the model's parser "
                    + "refuses the same text as a DdlSyntaxException in its own words",
            "CASE_110 step 6", "StarRocks' parser answers with the position of the unexpected AS; the model's parser "
                    + "refuses the same text as a DdlSyntaxException in its own words",
            "CASE_143 step 3", "needs catalogue state: the table already exists",
            "CASE_144 step 4", "CREATE TABLE .. LIKE is no statement of the model (and needs catalogue state: the "
                    + "table already exists)",
            "CASE_145 step 4", "CREATE TABLE .. AS SELECT is no statement of the model (and needs catalogue state)",
            "CASE_150 step 2", "needs catalogue state: the view's query reads a temporary table",
            "CASE_150 step 3", "needs catalogue state: the materialized view's query reads a temporary table",
            "CASE_150 step 4", "needs catalogue state: the materialized view's query reads a temporary table",
            "CASE_151 step 3", "needs server state: the FE config enable_experimental_temporary_table",
            "CASE_151 step 4", "CREATE TABLE .. LIKE is no statement of the model (and needs server state)",
            "CASE_151 step 5", "CREATE TABLE .. AS SELECT is no statement of the model (and needs server state)",
            "CASE_152 step 7", "needs catalogue state: the table already exists");

    /** Recorded CREATE statements StarRocks ran that the model does not accept, and why. */
    private static final Map<String, String> UNMATCHED_ACCEPTANCES = reasons(
            "CASE_053 step 3", "CREATE TABLE .. AS SELECT is no statement of the model",
            "CASE_053 step 7", "CREATE TABLE .. AS SELECT is no statement of the model",
            "CASE_061 step 2", "CREATE TABLE .. AS SELECT is no statement of the model",
            "CASE_061 step 4", "CREATE TABLE .. AS SELECT is no statement of the model",
            "CASE_061 step 6", "CREATE TABLE .. AS SELECT is no statement of the model");

    private static final Pattern WRAPPED = Pattern.compile(
            "Getting (analyzing|syntax) error(?: from line \\d+, column \\d+ to line \\d+, column \\d+| at line \\d+, "
                    + "column \\d+)?\\. Detail message: (.*)", Pattern.DOTALL);

    private static final Pattern ERROR = Pattern.compile("E: \\((\\d+), (.*)\\)", Pattern.DOTALL);

    private static List<Step> steps;

    @BeforeAll
    static void readCorpus() throws IOException {
        Path corpus = SharedCorpus.find("sql/sqltests");
        assumeTrue(corpus != null, "../shared/corpus/sql/sqltests is absent: the replay of StarRocks' recorded DDL "
                + "refusals is skipped");
        steps = new ArrayList<>();
        try (Stream<Path> cases = Files.list(corpus)) {
            for (Path testCase : cases.sorted().toList()) {
                List<String> lines = Files.readAllLines(testCase.resolve("steps.tsv"));
                for (int i = 0; i < lines.size(); i++) {
                    String[] fields = lines.get(i).split("\t", 3);
                    if (fields.length == 3 && fields[0].equals("sql")) {
                        steps.add(new Step(testCase.getFileName() + " step " + (i + 1), unescape(fields[1]),
                                unescape(fields[2])));
                    }
                }
            }
        }
    }

    @Test
    void recordedRefusalsOfCreateStatementsAreRefusedWithTheRecordedWords() {
        Map<String, String> unmatched = new TreeMap<>();
        int alters = 0;
        int creates = 0;
        int matched = 0;
        for (Step step : steps) {
            Matcher error = ERROR.matcher(step.expected());
            if (!error.matches()) {
                continue;
            }
            String kind = firstWords(step.statement());
            if (kind.startsWith("ALTER ")) {
                alters++;
                continue;
            }
            if (!kind.startsWith("CREATE ") || kind.startsWith("CREATE DICTIONARY")
                    || kind.startsWith("CREATE RESOURCE") || kind.startsWith("CREATE ANALYZE")) {
                continue;
            }
            creates++;
            String recorded = detailMessage(pythonString(error.group(2)));
            String outcome = outcome(step.statement());
            if (outcome.equals("refused: " + recorded)) {
                matched++;
            }
            else {
                unmatched.put(step.id(), "recorded " + error.group(1) + " " + recorded + "; model: " + outcome);
            }
        }
        System.out.printf("Recorded DDL refusals: %d CREATE (the model's reach), %d refused with the recorded words, "
                + "%d not (each listed with its reason); %d ALTER set aside (Ddl.parse reads CREATE statements "
                + "only)%n", creates, matched, unmatched.size(), alters);
        assertEveryMismatchIsExplained(creates, unmatched, UNMATCHED_REFUSALS);
    }

    @Test
    void recordedCreateStatementsStarRocksRanAreAccepted() {
        Map<String, String> refused = new TreeMap<>();
        int creates = 0;
        for (Step step : steps) {
            String kind = firstWords(step.statement());
            boolean modelled = kind.startsWith("CREATE TABLE") || kind.startsWith("CREATE VIEW")
                    || kind.startsWith("CREATE OR REPLACE") || kind.startsWith("CREATE MATERIALIZED VIEW");
            if (!step.expected().isEmpty() || !modelled || kind.matches("CREATE TABLE \\S+ LIKE .*")) {
                continue;
            }
            creates++;
            String outcome = outcome(step.statement());
            if (!outcome.equals("accepted")) {
                refused.put(step.id(), outcome);
            }
        }
        System.out.printf("Recorded CREATE statements StarRocks ran: %d, accepted by the model %d, not %d%n", creates,
                creates - refused.size(), refused.size());
        assertEveryMismatchIsExplained(creates, refused, UNMATCHED_ACCEPTANCES);
    }

    /**
     * Prints each case that does not match with its reason; fails for a case without one, and for a listed case that
     * matches now (so the list stays true).
     */
    private static void assertEveryMismatchIsExplained(int replayed, Map<String, String> mismatches,
            Map<String, String> reasons) {
        mismatches.forEach((id, why) -> System.out.println("  " + id + ": " + why + "\n      reason: "
                + reasons.getOrDefault(id, "NONE GIVEN")));
        assertThat(replayed).isGreaterThan(0);
        assertThat(mismatches.keySet()).as("cases that do not match, without a reason").isSubsetOf(reasons.keySet());
        assertThat(reasons.keySet()).as("cases listed as not matching that match now")
            .isSubsetOf(mismatches.keySet());
    }

    private static String outcome(String statement) {
        try {
            Ddl.parseStatements(statement);
            return "accepted";
        }
        catch (DdlValidationException ex) {
            return (ex.starRocksMessage() != null) ? "refused: " + ex.starRocksMessage()
                    : "refused in the model's words only: " + ex.getMessage();
        }
        catch (DdlSyntaxException ex) {
            return "syntax error: " + ex.getMessage();
        }
    }

    /**
     * The FE's own message inside the client's text: an analyzer error is wrapped as {@code Getting analyzing error
     * [from line a, column b to line c, column d]. Detail message: <message>.}, with a dot added; a parser error as
     * {@code Getting syntax error [at line a, column b]. Detail message: <message>}; other refusals are bare.
     */
    static String detailMessage(String recorded) {
        Matcher wrapped = WRAPPED.matcher(recorded);
        if (!wrapped.matches()) {
            return recorded;
        }
        String detail = wrapped.group(2);
        return (wrapped.group(1).equals("analyzing") && detail.endsWith(".")) ? detail.substring(0, detail.length() - 1)
                : detail;
    }

    /** A Python string literal as the tester recorded it: {@code 'it\'s'} or {@code "it's"}. */
    static String pythonString(String literal) {
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length() - 1) {
                i++;
                char escaped = literal.charAt(i);
                value.append((escaped == 'n') ? '\n' : (escaped == 't') ? '\t' : escaped);
            }
            else {
                value.append(c);
            }
        }
        return value.toString();
    }

    /** A steps.tsv field: newline, tab, carriage return and backslash are written {@code \n \t \r \\}. */
    static String unescape(String field) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                i++;
                char escaped = field.charAt(i);
                value.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> escaped;
                });
            }
            else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private static String firstWords(String statement) {
        return statement.strip().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
    }

    private static Map<String, String> reasons(String... idAndReason) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (int i = 0; i < idAndReason.length; i += 2) {
            reasons.put(idAndReason[i], idAndReason[i + 1]);
        }
        return reasons;
    }

    private record Step(String id, String statement, String expected) {
    }

}
