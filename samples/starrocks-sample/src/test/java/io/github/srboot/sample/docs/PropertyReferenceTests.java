package io.github.srboot.sample.docs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.BeanUtils;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's property reference is generated from the configuration metadata of the build (every
 * {@code spring-configuration-metadata.json} on the classpath, so properties added by any module count): name,
 * default and meaning of every {@code starrocks.*} property, and of the {@code management.*} properties of the
 * StarRocks endpoints and health indicators. This test fails when the README differs;
 * {@code -Ddocs.update=true} rewrites the block.
 */
class PropertyReferenceTests {

    private static final String BLOCK = "starrocks-properties";

    @Test
    void readmeListsEveryPropertyWithItsDefaultAndMeaning() throws Exception {
        String expected = "\n" + table(properties()) + "\n";
        String readme = ReadmeFile.read();
        if (Boolean.getBoolean(ReadmeFile.UPDATE_PROPERTY)) {
            ReadmeFile.write(ReadmeFile.replaceBlock(readme, BLOCK, expected));
            readme = ReadmeFile.read();
        }
        assertThat(ReadmeFile.block(readme, BLOCK))
            .as("the property table in README.md; regenerate it with ./mvnw -B -q -pl samples/starrocks-sample -am "
                    + "test -Dtest=PropertyReferenceTests -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true")
            .isEqualTo(expected);
    }

    @Test
    void theCoreStarRocksPropertiesAreListed() throws Exception {
        assertThat(properties()).containsKeys("starrocks.database", "starrocks.username", "starrocks.password",
                "starrocks.http.frontends", "starrocks.stream-load.batch.max-rows", "starrocks.schema.locations");
    }

    @Test
    void defaultsTheProcessorCannotSeeAreTakenFromThePropertiesObject() throws Exception {
        // The configuration processor lists no default for a list initialised with List.of(..).
        assertThat(properties().get("starrocks.schema.locations").defaultValue()).isEqualTo("classpath:db/schema");
    }

    /** The documented properties by name. */
    private static Map<String, Property> properties() throws IOException {
        Map<String, Property> properties = new TreeMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (URL url : Collections.list(PropertyReferenceTests.class.getClassLoader()
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
            Class<?> type = ClassUtils.forName(sourceType, PropertyReferenceTests.class.getClassLoader());
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
            return (value != null) ? value.toString() : "";
        }
        catch (ClassNotFoundException ex) {
            throw new IllegalStateException("The metadata names a source type that is not on the classpath: "
                    + sourceType, ex);
        }
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

    private static String table(Map<String, Property> properties) {
        StringBuilder table = new StringBuilder("| property | default | meaning |\n|---|---|---|\n");
        for (Property property : properties.values()) {
            table.append("| `").append(property.name()).append("` | ")
                .append(property.defaultValue().isEmpty() ? "" : "`" + property.defaultValue() + "`")
                .append(" | ")
                .append(markdown(property.description()))
                .append(" |\n");
        }
        return table.toString().stripTrailing();
    }

    /** Description text safe in a Markdown table cell. */
    private static String markdown(String text) {
        return text.replaceAll("\\s+", " ")
            .replace("|", "\\|")
            .replace("*", "\\*")
            .replace("__", "\\_\\_")
            .replace("<", "&lt;")
            .replace(">", "&gt;");
    }

    private record Property(String name, String defaultValue, String description) {
    }

}
