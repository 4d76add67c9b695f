package io.github.srboot.sample.docs;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code starrocks.*} key written in the README's YAML examples and in the sample's {@code application*.yml}
 * exists in the configuration metadata: Spring Boot ignores unknown keys, so a misspelt or removed property would
 * otherwise go unnoticed.
 */
class DocumentedConfigurationTests {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void readmeYamlUsesOnlyExistingProperties() throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        Matcher block = YAML_BLOCK.matcher(ReadmeFile.read());
        while (block.find()) {
            keys.addAll(starRocksKeys(new Yaml().load(block.group(1))));
        }
        assertThat(keys).as("starrocks.* keys in README.md").isNotEmpty();
        assertThat(unknown(keys)).as("README keys missing from the configuration metadata").isEmpty();
    }

    @Test
    void sampleConfigurationUsesOnlyExistingProperties() throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        for (String file : List.of("application.yml", "application-stub.yml")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                keys.addAll(starRocksKeys(new Yaml().load(in)));
            }
        }
        assertThat(keys).as("starrocks.* keys of the sample").contains("starrocks.database");
        assertThat(unknown(keys)).as("sample keys missing from the configuration metadata").isEmpty();
    }

    private static List<String> unknown(Set<String> keys) throws IOException {
        Set<String> known = ConfigurationMetadata.documented().keySet();
        return keys.stream().filter((key) -> !known.contains(key)).toList();
    }

    /** The dotted keys under {@code starrocks} of a YAML document, down to scalar or list values. */
    private static List<String> starRocksKeys(Object document) {
        List<String> keys = new ArrayList<>();
        if (document instanceof Map<?, ?> root && root.get("starrocks") instanceof Map<?, ?> starRocks) {
            flatten("starrocks", starRocks, keys);
        }
        return keys;
    }

    private static void flatten(String prefix, Map<?, ?> map, List<String> keys) {
        map.forEach((key, value) -> {
            String name = prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, nested, keys);
            }
            else {
                keys.add(name);
            }
        });
    }

}
