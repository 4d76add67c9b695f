package io.github.srboot.test.streamload;

import java.io.IOException;
import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a value the stub stored with the value a StarRocks test expects: numbers by value, JSON by structure,
 * anything else as text ({@code null} for NULL).
 */
final class StoredValues {

    private StoredValues() {
    }

    static void assertSameValue(String what, ValueType type, String actual, String expected) {
        if (expected == null || actual == null) {
            assertThat(actual).as(what).isEqualTo(expected);
        }
        else if (type.kind() == ValueType.Kind.JSON || (expected.startsWith("{") && actual.startsWith("{"))) {
            assertThat(json(what, actual)).as(what).isEqualTo(json(what, expected));
        }
        else if (type.isNumeric() && type.kind() != ValueType.Kind.BOOLEAN && isNumber(expected) && isNumber(actual)) {
            assertThat(new BigDecimal(actual)).as(what).isEqualByComparingTo(new BigDecimal(expected));
        }
        else {
            assertThat(actual).as(what).isEqualTo(expected);
        }
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        }
        catch (NumberFormatException ex) {
            return false;
        }
    }

    private static Object json(String what, String text) {
        try {
            return Json.MAPPER.readTree(text);
        }
        catch (IOException ex) {
            throw new AssertionError(what + ": not JSON: " + text, ex);
        }
    }

}
