package io.github.srboot.test.support;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How StarRocks' SQL tester ({@code test/lib/sr_sql_lib.py}) writes and compares results, for the replays of its
 * recordings: the text of a {@code steps.tsv} field, rows as the tester prints them, and its comparison.
 */
public final class SqlTesterResults {

    /** A recorded error: {@code E: (code, 'message')}. */
    private static final Pattern ERROR = Pattern.compile("^E: \\((\\d+), (['\"])(.*)\\2\\)$", Pattern.DOTALL);

    private SqlTesterResults() {
    }

    /**
     * A {@code steps.tsv} field as text: {@code \n}, {@code \t}, {@code \r} and {@code \\} escaped (the corpus
     * READMEs, "Layout and formats").
     */
    public static String decode(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Rows as the tester prints them (Python): cells tab-separated, rows one a line, NULL as {@code None},
     * floating point numbers as Python's {@code repr}.
     */
    public static String rows(ResultSet result) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        List<String> lines = new ArrayList<>();
        while (result.next()) {
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String value = result.getString(i);
                int type = meta.getColumnType(i);
                boolean floating = type == Types.DOUBLE || type == Types.FLOAT || type == Types.REAL;
                cells.add((value == null) ? "None" : floating ? pythonRepr(Double.parseDouble(value)) : value);
            }
            lines.add(String.join("\t", cells));
        }
        return String.join("\n", lines);
    }

    /**
     * The tester's comparison of a recorded result with the one got ({@code E: (code, message)} for an error): an
     * error by its message as a substring; rows as a multiset of lines, or in order.
     */
    public static boolean same(String expected, String actual, boolean ordered) {
        Matcher error = ERROR.matcher(expected);
        if (error.matches()) {
            return actual.startsWith("E: ") && actual.contains(error.group(3).replace("\\'", "'"));
        }
        if (actual.startsWith("E: ")) {
            return false;
        }
        if (ordered || expected.isEmpty() || actual.isEmpty()) {
            return expected.equals(actual);
        }
        List<String> want = new ArrayList<>(List.of(expected.split("\n", -1)));
        List<String> got = new ArrayList<>(List.of(actual.split("\n", -1)));
        want.sort(null);
        got.sort(null);
        return want.equals(got);
    }

    /** Python's {@code repr} of a float: the shortest decimal that reads back as the same double. */
    static String pythonRepr(double number) {
        BigDecimal shortest = BigDecimal.ZERO;
        for (int precision = 1; precision <= 17 && number != 0; precision++) {
            shortest = new BigDecimal(number).round(new MathContext(precision));
            if (shortest.doubleValue() == number) {
                break;
            }
        }
        String digits = shortest.unscaledValue().abs().toString().replaceAll("0+$", "");
        if (digits.isEmpty()) {
            return "0.0";
        }
        int exponent = shortest.precision() - shortest.scale() - 1;
        String sign = (shortest.signum() < 0) ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.substring(0, 1) + ((digits.length() > 1) ? "." + digits.substring(1) : "");
            return sign + mantissa + "e" + ((exponent < 0) ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String text = shortest.abs().stripTrailingZeros().toPlainString();
        return sign + (text.contains(".") ? text : text + ".0");
    }

}
