package io.github.srboot.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which StarRocks the sample talks to, chosen from the command line and the environment before Spring starts: the
 * StarRocks of the sample's {@code compose.yaml} with {@code --compose}, a cluster when {@code STARROCKS_HOST} is
 * set, otherwise the embedded StarRocks.
 */
enum SampleMode {

    /**
     * No StarRocks configured: the embedded StarRocks (SQL front end, FE and BE HTTP endpoints) stands in for a
     * cluster.
     */
    STUB,

    /** A StarRocks cluster at {@code STARROCKS_HOST}. */
    CLUSTER,

    /**
     * The StarRocks of the sample's {@code compose.yaml}, started by Spring Boot's Docker Compose support, which
     * supplies its addresses through the starter's StarRocks connection details.
     */
    COMPOSE;

    /** The profile that selects the embedded StarRocks. */
    static final String STUB_PROFILE = "stub";

    /** The environment variable naming the StarRocks FE host. */
    static final String HOST_VARIABLE = "STARROCKS_HOST";

    /** The argument that selects the compose mode. */
    static final String COMPOSE_OPTION = "--compose";

    /**
     * Where the sample's compose file is, relative to the repository root (as the README's {@code java -jar} runs)
     * and to the sample's directory (as {@code spring-boot:run} runs).
     */
    static final List<Path> COMPOSE_FILES = List.of(Path.of("samples", "starrocks-sample", "compose.yaml"),
            Path.of("compose.yaml"));

    /**
     * The mode for this command line and environment.
     */
    static SampleMode of(String[] args, Map<String, String> environment) {
        if (Arrays.asList(args).contains(COMPOSE_OPTION)) {
            return COMPOSE;
        }
        String host = environment.get(HOST_VARIABLE);
        return (host == null || host.isBlank()) ? STUB : CLUSTER;
    }

    /**
     * The profiles this mode adds.
     */
    String[] profiles() {
        return (this == STUB) ? new String[] { STUB_PROFILE } : new String[0];
    }

    /**
     * The properties this mode sets, as command-line arguments: in compose mode, Spring Boot's Docker Compose
     * support (off in {@code application.yml}) is switched on with the sample's compose file.
     * @param workingDirectory where the sample's compose file is looked for
     * @throws IllegalStateException in compose mode, when the compose file is in neither place
     */
    List<String> arguments(Path workingDirectory) {
        if (this != COMPOSE) {
            return List.of();
        }
        return List.of("--spring.docker.compose.enabled=true",
                "--spring.docker.compose.file=" + composeFile(workingDirectory));
    }

    /**
     * The sample's compose file, seen from the working directory.
     */
    static Path composeFile(Path workingDirectory) {
        return COMPOSE_FILES.stream()
            .map((file) -> workingDirectory.resolve(file).toAbsolutePath().normalize())
            .filter(Files::isRegularFile)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(COMPOSE_OPTION + " needs the sample's compose.yaml, found "
                    + "neither " + COMPOSE_FILES.get(0) + " nor " + COMPOSE_FILES.get(1) + " under "
                    + workingDirectory.toAbsolutePath().normalize()
                    + ": run from the repository root or from samples/starrocks-sample."));
    }

    /**
     * What a person must know first about this run, one line each.
     */
    List<String> announcement(Map<String, String> environment) {
        if (this == STUB) {
            return List.of(
                    "StarRocks sample, EMBEDDED MODE: " + HOST_VARIABLE + " is not set, so this run talks to the "
                            + "embedded StarRocks (an in-process FE SQL front end, FE and BE from "
                            + "starrocks-spring-boot-test), not to a StarRocks cluster.",
                    "Every step runs against it, nothing is skipped: Flyway migrate, reflection, the drift check, "
                            + "Stream Load (bulk load with a retry), the CDC change feed, SQL read-back, health and "
                            + "metrics.",
                    "Set " + HOST_VARIABLE + " (and STARROCKS_USER, STARROCKS_PASSWORD) to run the same steps "
                            + "against StarRocks, or add " + COMPOSE_OPTION + " to start one with Docker Compose.");
        }
        if (this == COMPOSE) {
            return List.of("StarRocks sample: running against the StarRocks of the sample's compose.yaml ("
                    + COMPOSE_OPTION + "): Spring Boot's Docker Compose support starts it, waits for its health "
                    + "check and supplies its SQL and Stream Load addresses.");
        }
        return List.of("StarRocks sample: running against StarRocks at " + environment.get(HOST_VARIABLE) + " ("
                + HOST_VARIABLE + "): SQL on port 9030, Stream Load through the FE on port 8030.");
    }

}
