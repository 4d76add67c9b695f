package io.github.srboot.sample.docs;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.srboot.test.containers.StarRocksContainer;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@code compose.yaml}, which the README tells users to start, runs the StarRocks the project tests
 * against, publishes the ports the sample uses, and has a health check that waits for a live BE. (Starting it
 * needs Docker; this checks the file.)
 */
class ComposeFileTests {

    @Test
    void composeFileRunsTheTestedImageWithAHealthCheck() throws IOException {
        Map<String, Object> starRocks;
        try (Reader reader = Files.newBufferedReader(Path.of("compose.yaml"), StandardCharsets.UTF_8)) {
            Map<String, Map<String, Map<String, Object>>> compose = new Yaml().load(reader);
            starRocks = compose.get("services").get("starrocks");
        }
        assertThat(starRocks.get("image"))
            .isEqualTo(StarRocksContainer.IMAGE.getUnversionedPart() + ":" + StarRocksContainer.DEFAULT_TAG);
        assertThat((List<?>) starRocks.get("ports")).map(String::valueOf)
            .containsExactlyInAnyOrder("9030:9030", "8030:8030", "8040:8040");
        @SuppressWarnings("unchecked")
        Map<String, Object> healthCheck = (Map<String, Object>) starRocks.get("healthcheck");
        assertThat(String.valueOf(healthCheck.get("test"))).contains("online_backend_num").contains("SELECT 1");
    }

    @Test
    void readmeStartsTheSameImage() {
        assertThat(ReadmeFile.read())
            .contains("starrocks/allin1-ubuntu:" + StarRocksContainer.DEFAULT_TAG);
    }

}
