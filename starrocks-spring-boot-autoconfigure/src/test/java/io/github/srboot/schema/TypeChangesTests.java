package io.github.srboot.schema;

import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The column type changes StarRocks makes, refuses, or makes with a risk of losing values.
 */
class TypeChangesTests {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            INT             | INT(11)         | SAME
            STRING          | VARCHAR(65533)  | SAME
            DECIMAL64(10,2) | DECIMAL(10,2)   | SAME
            TINYINT         | SMALLINT        | ALLOWED
            SMALLINT        | BIGINT          | ALLOWED
            INT             | LARGEINT        | ALLOWED
            INT             | DOUBLE          | ALLOWED
            INT             | VARCHAR(20)     | ALLOWED
            BIGINT          | DOUBLE          | LOSSY
            BIGINT          | INT             | REFUSED
            INT             | FLOAT           | REFUSED
            FLOAT           | DOUBLE          | ALLOWED
            DOUBLE          | FLOAT           | REFUSED
            VARCHAR(10)     | VARCHAR(20)     | ALLOWED
            VARCHAR(20)     | VARCHAR(10)     | REFUSED
            VARCHAR(10)     | STRING          | ALLOWED
            CHAR(5)         | CHAR(10)        | ALLOWED
            CHAR(5)         | VARCHAR(10)     | ALLOWED
            CHAR(10)        | VARCHAR(5)      | REFUSED
            VARCHAR(10)     | CHAR(20)        | REFUSED
            VARCHAR(20)     | INT             | LOSSY
            VARCHAR(20)     | DATE            | LOSSY
            VARCHAR(20)     | JSON            | LOSSY
            JSON            | VARCHAR(100)    | ALLOWED
            DECIMAL(10,2)   | DECIMAL(12,2)   | ALLOWED
            DECIMAL(10,2)   | DECIMAL(12,4)   | ALLOWED
            DECIMAL(9,2)    | DECIMAL(20,2)   | ALLOWED
            DECIMAL(10,2)   | DECIMAL(10,4)   | REFUSED
            DECIMAL(10,4)   | DECIMAL(10,2)   | REFUSED
            DECIMAL(10,2)   | VARCHAR(12)     | ALLOWED
            DECIMAL(10,2)   | VARCHAR(5)      | REFUSED
            DECIMAL(10,2)   | DOUBLE          | REFUSED
            DATE            | DATETIME        | ALLOWED
            DATETIME        | DATE            | LOSSY
            INT             | DATE            | LOSSY
            BOOLEAN         | INT             | REFUSED
            BITMAP          | HLL             | REFUSED
            """)
    void decidesLikeStarRocks(String from, String to, TypeChanges.Outcome expected) {
        assertThat(TypeChanges.check(type(from), type(to)).outcome()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ARRAY  | INT
            INT    | ARRAY
            ARRAY  | ARRAY_BIGINT
            """)
    void nestedTypesNeverChange(String from, String to) {
        TypeChanges.Verdict verdict = TypeChanges.check(nested(from), nested(to));

        assertThat(verdict.outcome()).isEqualTo(TypeChanges.Outcome.REFUSED);
        assertThat(verdict.reason()).contains("ARRAY, MAP or STRUCT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            BIGINT      | INT         | StarRocks cannot convert BIGINT -> INT
            VARCHAR(20) | VARCHAR(10) | StarRocks cannot shorten a string column (VARCHAR(20) -> VARCHAR(10))
            """)
    void refusalsSayWhy(String from, String to, String reason) {
        assertThat(TypeChanges.check(type(from), type(to)).reason()).isEqualTo(reason);
    }

    private static DataType nested(String name) {
        return switch (name) {
            case "ARRAY" -> DataType.array(DataType.INT);
            case "ARRAY_BIGINT" -> DataType.array(DataType.BIGINT);
            default -> type(name);
        };
    }

    private static DataType type(String spelling) {
        String name = spelling.contains("(") ? spelling.substring(0, spelling.indexOf('(')) : spelling;
        if (!spelling.contains("(")) {
            return ScalarType.of(ScalarKind.valueOf(name));
        }
        String[] arguments = spelling.substring(spelling.indexOf('(') + 1, spelling.length() - 1).split(",");
        Integer[] values = new Integer[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            values[i] = Integer.valueOf(arguments[i].trim());
        }
        return ScalarType.of(ScalarKind.valueOf(name), values);
    }

}
