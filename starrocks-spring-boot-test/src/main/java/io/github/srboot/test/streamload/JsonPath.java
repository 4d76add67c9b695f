package io.github.srboot.test.streamload;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The subset of JSON path used by {@code jsonpaths} and {@code json_root}: {@code $}, {@code .name},
 * {@code ["name"]}, {@code [index]} and {@code .*} steps (hand-written: StarRocks' path rules, not JSONPath's).
 */
final class JsonPath {

    private final String text;

    private final List<Object> steps;

    private JsonPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** The {@code *} step: every member of an object. */
    private static final Object ANY_MEMBER = new Object();

    static JsonPath parse(String text) throws LoadFailedException {
        String path = text.trim();
        if (!path.startsWith("$")) {
            throw new LoadFailedException("parse error. Invalid json path: '" + text + "'");
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw new LoadFailedException("Invalid JSON path (empty name): '" + text + "'");
                }
                String name = path.substring(i + 1, end);
                steps.add(name.equals("*") ? ANY_MEMBER : name);
                i = end;
            }
            else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    throw new LoadFailedException("Invalid JSON path (unclosed '['): '" + text + "'");
                }
                String inside = path.substring(i + 1, end).trim();
                if (inside.length() >= 2 && (inside.startsWith("\"") && inside.endsWith("\"")
                        || inside.startsWith("'") && inside.endsWith("'"))) {
                    steps.add(inside.substring(1, inside.length() - 1));
                }
                else {
                    try {
                        steps.add(Integer.parseInt(inside));
                    }
                    catch (NumberFormatException ex) {
                        throw new LoadFailedException("Invalid JSON path (bad index '" + inside + "'): '" + text
                                + "'");
                    }
                }
                i = end + 1;
            }
            else {
                throw new LoadFailedException("Invalid JSON path at '" + path.substring(i) + "': '" + text + "'");
            }
        }
        return new JsonPath(text, List.copyOf(steps));
    }

    JsonNode select(JsonNode root) {
        JsonNode node = root;
        for (Object step : this.steps) {
            if (node == null || node.isMissingNode()) {
                return MissingNode.getInstance();
            }
            if (step == ANY_MEMBER) {
                // corpus JSON006-JSON009: $.keyname.* is the value of keyname's (single) member
                node = (node.isObject() && node.size() > 0) ? node.elements().next() : MissingNode.getInstance();
            }
            else {
                node = (step instanceof Integer index) ? node.path(index) : node.path((String) step);
            }
        }
        return (node != null) ? node : MissingNode.getInstance();
    }

    @Override
    public String toString() {
        return this.text;
    }

}
