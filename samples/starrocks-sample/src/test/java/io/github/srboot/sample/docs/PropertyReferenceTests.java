package io.github.srboot.sample.docs;

import java.util.Map;

import org.junit.jupiter.api.Test;

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
        String expected = "\n" + table(ConfigurationMetadata.documented()) + "\n";
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
        assertThat(ConfigurationMetadata.documented()).containsKeys("starrocks.database", "starrocks.username", "starrocks.password",
                "starrocks.http.frontends", "starrocks.stream-load.batch.max-rows", "starrocks.schema.locations");
    }

    @Test
    void durationDefaultsAreWrittenAsTheProcessorWritesThem() {
        assertThat(ConfigurationMetadata.durationText(java.time.Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(ConfigurationMetadata.durationText(java.time.Duration.ofHours(2))).isEqualTo("2h");
        assertThat(ConfigurationMetadata.durationText(java.time.Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(ConfigurationMetadata.durationText(java.time.Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(ConfigurationMetadata.durationText(java.time.Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void defaultsTheProcessorCannotSeeAreTakenFromThePropertiesObject() throws Exception {
        // The configuration processor lists no default for a list initialised with List.of(..).
        assertThat(ConfigurationMetadata.documented().get("starrocks.schema.locations").defaultValue()).isEqualTo("classpath:db/schema");
    }

    private static String table(Map<String, ConfigurationMetadata.Property> properties) {
        StringBuilder table = new StringBuilder("| property | default | meaning |\n|---|---|---|\n");
        for (ConfigurationMetadata.Property property : properties.values()) {
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

}
