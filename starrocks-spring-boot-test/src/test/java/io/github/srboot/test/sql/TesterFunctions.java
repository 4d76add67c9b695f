package io.github.srboot.test.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL tester's {@code function:} steps that the sql corpus replay can run against the embedded StarRocks, as
 * {@code ../shared/corpus/sql/README.md} ("What they run") describes StarRocks' {@code test/lib/sr_sql_lib.py}: the
 * waits query {@code SHOW ALTER TABLE ...} and assert the job's final state; {@code assert_query_contains} /
 * {@code assert_query_error_contains} run a query and look for text in its rows or its error; compaction, global
 * dictionary and analyze waits have no catalogue meaning and do nothing. Any other function is not run.
 */
final class TesterFunctions {

    private static final Pattern CALL = Pattern.compile("^(?:[a-z_]+\\s*=\\s*)?function:\\s*([a-z_]+)\\((.*)\\)\\s*$",
            Pattern.DOTALL);

    private TesterFunctions() {
    }

    /**
     * Runs one {@code function: name(args)} step.
     * @return null when the function's own assertions hold, else what failed
     * @throws UnsupportedOperationException for a function the replay does not run
     */
    static String run(Statement statement, String step) throws SQLException {
        Matcher call = CALL.matcher(step);
        if (!call.matches()) {
            throw new UnsupportedOperationException(step);
        }
        List<String> arguments = arguments(call.group(2));
        return switch (call.group(1)) {
            // SHOW ALTER TABLE <type> ORDER BY JobId DESC LIMIT 1 until column <off> is final; no row asserts nothing
            case "wait_alter_table_finish" -> {
                String type = arguments.isEmpty() ? "COLUMN" : arguments.get(0);
                int column = (arguments.size() > 1) ? Integer.parseInt(arguments.get(1)) : 9;
                List<List<String>> rows = rows(statement, "SHOW ALTER TABLE " + type + " ORDER BY JobId DESC LIMIT 1");
                yield rows.isEmpty() ? null : expectState(rows.get(type.equalsIgnoreCase("ROLLUP") ? rows.size() - 1
                        : 0), column, "FINISHED");
            }
            // SHOW ALTER TABLE OPTIMIZE ORDER BY CreateTime DESC LIMIT 1, State in column 6
            case "wait_optimize_table_finish" -> {
                String expected = (arguments.size() > 1) ? arguments.get(1) : "FINISHED";
                List<List<String>> rows = rows(statement, "SHOW ALTER TABLE OPTIMIZE ORDER BY CreateTime DESC LIMIT 1");
                yield rows.isEmpty() ? "no OPTIMIZE job" : expectState(rows.get(0), 6, expected);
            }
            // SHOW ALTER TABLE ROLLUP, the last row's State (column 8)
            case "wait_table_rollup_finish" -> {
                List<List<String>> rows = rows(statement, "SHOW ALTER TABLE ROLLUP");
                yield rows.isEmpty() ? "no ROLLUP job" : expectState(rows.get(rows.size() - 1), 8, "FINISHED");
            }
            case "assert_query_contains" -> {
                String rows = String.valueOf(rows(statement, arguments.get(0)));
                yield arguments.subList(1, arguments.size()).stream().filter((text) -> !rows.contains(text))
                    .findFirst().map((text) -> "no [" + text + "] in " + rows).orElse(null);
            }
            case "assert_query_error_contains" -> {
                try {
                    rows(statement, arguments.get(0));
                    yield "no error";
                }
                catch (SQLException ex) {
                    String message = String.valueOf(ex.getMessage());
                    yield arguments.subList(1, arguments.size()).stream().filter((text) -> !message.contains(text))
                        .findFirst().map((text) -> "no [" + text + "] in the error " + message).orElse(null);
                }
            }
            case "manual_compact", "wait_global_dict_ready", "wait_analyze_finish" -> null;
            default -> throw new UnsupportedOperationException(step);
        };
    }

    private static String expectState(List<String> row, int column, String expected) {
        String state = row.get(column);
        return expected.equals(state) ? null : "State " + state + ", expected " + expected;
    }

    private static List<List<String>> rows(Statement statement, String query) throws SQLException {
        String sql = query.strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        List<List<String>> rows = new ArrayList<>();
        if (!statement.execute(sql)) {
            return rows;
        }
        try (ResultSet result = statement.getResultSet()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The Python call's arguments: quoted strings (either quote) and bare words, keyword names dropped. */
    private static List<String> arguments(String text) {
        List<String> arguments = new ArrayList<>();
        Matcher argument = Pattern.compile("\\s*(?:[a-z_]+\\s*=\\s*)?(\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'"
                + "|([^,\\s]+))\\s*(,|$)").matcher(text);
        int at = 0;
        while (at < text.length() && argument.find(at) && argument.start() == at) {
            String value = (argument.group(2) != null) ? argument.group(2)
                    : (argument.group(3) != null) ? argument.group(3) : argument.group(4);
            arguments.add(value.replace("\\\"", "\"").replace("\\'", "'"));
            at = argument.end();
            if (argument.group(5).isEmpty()) {
                break;
            }
        }
        if (at < text.strip().length() && !text.isBlank()) {
            throw new UnsupportedOperationException("arguments " + text);
        }
        return arguments;
    }

}
