package io.github.srboot.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executable jar the build makes ({@code -standalone.jar}) runs on its own: {@code --help} answers, and a stub
 * started from a DDL file serves its FE and its console page, which proves the jar holds what the launcher needs.
 * Runs after {@code package} (Failsafe), with no Docker and no StarRocks.
 */
class StandaloneJarIT {

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter((file) -> file.getFileName().toString().endsWith("-standalone.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No *-standalone.jar in target: run after package"));
        }
    }

    private static ProcessBuilder java(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    @Test
    void helpListsTheOptions() throws Exception {
        Process process = java("--help").start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        assertThat(output).startsWith("Usage: java -jar starrocks-spring-boot-test-<version>-standalone.jar")
            .contains("--ddl <file>");
    }

    @Test
    void checksMigrationsAgainstADesiredSchema() throws Exception {
        // the jar holds Flyway, Connector/J and the schema diff: the check runs, and fails with the plan on drift
        Process matching = java("check-migrations", "--migrations", "src/test/resources/migration-check/migration",
                "--schema", "src/test/resources/migration-check/schema").start();
        String matchingOutput = new String(matching.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(matching.waitFor()).as(matchingOutput).isZero();
        assertThat(matchingOutput).contains("produce the desired schema");

        Process drifted = java("check-migrations", "--migrations", "src/test/resources/migration-check/migration",
                "--schema", "src/test/resources/migration-check/drifted-schema").start();
        String driftedOutput = new String(drifted.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(drifted.waitFor()).as(driftedOutput).isEqualTo(1);
        assertThat(driftedOutput).contains("ALTER TABLE `customers` ADD COLUMN `email` VARCHAR(80);");
    }

    @Test
    void servesTheTablesOfItsDdlFile(@TempDir Path directory) throws Exception {
        Path ddl = directory.resolve("schema.sql");
        Files.writeString(ddl, "CREATE DATABASE shop;\nUSE shop;\nCREATE TABLE orders (id BIGINT NOT NULL, "
                + "status VARCHAR(16)) PRIMARY KEY (id) DISTRIBUTED BY HASH(id) BUCKETS 1;\n");
        Process process = java("--ddl", ddl.toString(), "--quiet").start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String frontend = lines.readLine();
            String backend = lines.readLine();
            String console = lines.readLine();
            assertThat(frontend).matches("FE http://127\\.0\\.0\\.1:\\d+");
            assertThat(backend).matches("BE http://127\\.0\\.0\\.1:\\d+");
            assertThat(console).matches("CONSOLE http://127\\.0\\.0\\.1:\\d+/");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(frontend.substring(3)
                + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            String page = http.send(HttpRequest.newBuilder(URI.create(console.substring(8))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("shop.orders").contains("PRIMARY");
        }
        finally {
            process.destroy();
            process.waitFor();
        }
    }

}
