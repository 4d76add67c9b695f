package io.github.srboot.ddl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable copies for the model's collections: null collections are read as empty, and null elements are refused.
 */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(String what, List<T> list) {
        if (list == null) {
            return List.of();
        }
        for (T element : list) {
            if (element == null) {
                throw new DdlValidationException(what, "a list element is null");
            }
        }
        return List.copyOf(list);
    }

    static List<String> names(String what, List<String> names) {
        List<String> copy = copy(what, names);
        for (String name : copy) {
            Names.require(what, name);
        }
        return copy;
    }

    /**
     * An unmodifiable copy that keeps the insertion order; equality stays map equality.
     */
    static Map<String, String> properties(String what, Map<String, String> properties) {
        if (properties == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (key == null || key.isEmpty() || value == null) {
                throw new DdlValidationException(what, "property " + key + " needs a non-empty key and a non-null value");
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Like {@link #properties(String, Map)}, and refuses an empty or missing map: a SET clause needs a property.
     */
    static Map<String, String> nonEmptyProperties(String what, Map<String, String> properties) {
        Map<String, String> copy = properties(what, properties);
        if (copy.isEmpty()) {
            throw new DdlValidationException(what, "needs at least one property");
        }
        return copy;
    }

}
