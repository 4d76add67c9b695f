package io.github.srboot.sample.docs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.util.ClassUtils;

/**
 * The configuration metadata of the build: every {@code META-INF/spring-configuration-metadata.json} on the test
 * classpath, so properties added by any module count.
 */
final class ConfigurationMetadata {

    private ConfigurationMetadata() {
    }

    /**
     * The documented properties by name: every {@code starrocks.*} property and the {@code management.*}
     * properties of StarRocks endpoints and health indicators, without deprecated ones.
     */
    static Map<String, Property> documented() throws IOException {
        Map<String, Property> properties = new TreeMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (URL url : Collections.list(ConfigurationMetadata.class.getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json"))) {
            JsonNode metadata;
            try (InputStream in = url.openStream()) {
                metadata = mapper.readTree(in);
            }
            for (JsonNode node : metadata.path("properties")) {
                String name = node.get("name").asText();
                if (documented(name) && !node.has("deprecation")) {
                    properties.put(name, new Property(name, defaultValue(node), node.path("description").asText("")));
                }
            }
        }
        return properties;
    }

    private static boolean documented(String name) {
        return name.startsWith("starrocks.") || (name.startsWith("management.") && name.contains("starrocks"));
    }

    /** The metadata's default, or the value a fresh properties object holds when the processor could not see it. */
    private static String defaultValue(JsonNode property) {
        JsonNode listed = property.get("defaultValue");
        if (listed != null) {
            if (listed.isArray()) {
                List<String> values = new ArrayList<>();
                listed.forEach((value) -> values.add(value.asText()));
                return String.join(", ", values);
            }
            // An empty string default (a password) is shown as "", unlike a property without default.
            return listed.asText().isEmpty() ? "\"\"" : listed.asText();
        }
        String sourceType = property.path("sourceType").asText(null);
        if (sourceType == null) {
            return "";
        }
        try {
            Class<?> type = ClassUtils.forName(sourceType, ConfigurationMetadata.class.getClassLoader());
            if (type.isInterface() || type.isRecord()) {
                return "";
            }
            Object fresh = BeanUtils.instantiateClass(type);
            String name = property.get("name").asText();
            String propertyName = kebabToCamel(name.substring(name.lastIndexOf('.') + 1));
            BeanWrapperImpl wrapper = new BeanWrapperImpl(fresh);
            if (!wrapper.isReadableProperty(propertyName)) {
                return "";
            }
            Object value = wrapper.getPropertyValue(propertyName);
            if (value instanceof Collection<?> collection) {
                return collection.stream().map(String::valueOf).collect(Collectors.joining(", "));
            }
            if (value instanceof Duration duration) {
                return durationText(duration);
            }
            return (value != null) ? value.toString() : "";
        }
        catch (ClassNotFoundException ex) {
            throw new IllegalStateException("The metadata names a source type that is not on the classpath: "
                    + sourceType, ex);
        }
    }

    /** A duration as the configuration processor writes defaults: {@code 30m}, {@code 5s}, {@code 500ms}. */
    static String durationText(Duration duration) {
        if (duration.toMillis() % 60_000 == 0 && !duration.isZero()) {
            return (duration.toMillis() % 3_600_000 == 0) ? duration.toHours() + "h" : duration.toMinutes() + "m";
        }
        return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private static String kebabToCamel(String name) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                upper = true;
            }
            else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    /**
     * One documented property.
     *
     * @param name the property name
     * @param defaultValue its default as text, empty when it has none
     * @param description what it means
     */
    record Property(String name, String defaultValue, String description) {
    }

}
