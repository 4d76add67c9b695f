package io.github.srboot.sample;

import java.util.List;
import java.util.Map;

/**
 * Which StarRocks the sample talks to, chosen from the environment before Spring starts: a cluster when
 * {@code STARROCKS_HOST} is set, otherwise the embedded Stream Load stub.
 */
enum SampleMode {

    /** No StarRocks configured: the embedded Stream Load stub stands in for the FE and BE HTTP endpoints. */
    STUB,

    /** A StarRocks cluster at {@code STARROCKS_HOST}. */
    CLUSTER;

    /** The profile that selects the stub. */
    static final String STUB_PROFILE = "stub";

    /** The environment variable naming the StarRocks FE host. */
    static final String HOST_VARIABLE = "STARROCKS_HOST";

    /**
     * The mode for this environment.
     */
    static SampleMode of(Map<String, String> environment) {
        String host = environment.get(HOST_VARIABLE);
        return (host == null || host.isBlank()) ? STUB : CLUSTER;
    }

    /**
     * What a person must know first about this run, one line each.
     */
    List<String> announcement(Map<String, String> environment) {
        if (this == STUB) {
            return List.of(
                    "StarRocks sample, STUB MODE: " + HOST_VARIABLE + " is not set, so this run talks to the embedded "
                            + "Stream Load stub server (an in-process FE and BE from starrocks-spring-boot-test), "
                            + "not to a StarRocks database.",
                    "Runs for real: Stream Load (bulk load with a retry), the CDC change feed, the schema diff of "
                            + "the DDL files, health and metrics. Skipped, because the stub serves no SQL: Flyway, "
                            + "reflection, the drift check and SQL queries.",
                    "Set " + HOST_VARIABLE + " (and STARROCKS_USER, STARROCKS_PASSWORD) to run the same steps "
                            + "against StarRocks.");
        }
        return List.of("StarRocks sample: running against StarRocks at " + environment.get(HOST_VARIABLE) + " ("
                + HOST_VARIABLE + "): SQL on port 9030, Stream Load through the FE on port 8030.");
    }

}
