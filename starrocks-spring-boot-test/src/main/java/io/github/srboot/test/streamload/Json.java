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
     * The stored text of a JSON value: strings unquoted, numbers and booleans as written, objects and arrays as JSON,
     * {@code null} for JSON null or a missing value.
     */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText();
        }
        return node.toString();
    }

}
