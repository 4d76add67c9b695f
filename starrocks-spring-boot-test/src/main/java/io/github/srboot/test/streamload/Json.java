package io.github.srboot.test.streamload;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stub's one Jackson mapper (decimals kept exact) and its JSON helpers.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The text a JSON value loads as: strings unquoted, numbers as written, booleans as {@code 1}/{@code 0} (the
     * JSON scanner's cast, corpus JSON024), objects and arrays as compact JSON (JSON017), {@code null} for JSON null
     * or a missing value.
     */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "1" : "0";
        }
        if (node.isValueNode()) {
            return node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText();
        }
        return node.toString();
    }

}
