package io.github.srboot.flyway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Says which Flyway a test run exercised (printed into the Surefire report), and that both Surefire executions run
 * a Flyway 11.
 */
class FlywayVersionTests {

    @Test
    void runsAgainstAFlyway11() throws IOException {
        String version;
        try (InputStream text = FlywayException.class.getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
            version = new String(text.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        System.out.println("Flyway under test: " + version);
        String expected = System.getProperty("flyway.expected.version");
        if (expected != null) {
            assertThat(version).isEqualTo(expected);
        }
        assertThat(version).startsWith("11.");
    }

}
