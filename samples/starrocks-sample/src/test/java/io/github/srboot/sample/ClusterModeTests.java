package io.github.srboot.sample;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * With {@code STARROCKS_HOST} set the sample never falls back to the stub: it says which StarRocks it uses, and
 * without a reachable one it fails at start-up (StarRocks itself is not available to this build).
 */
@ExtendWith(OutputCaptureExtension.class)
class ClusterModeTests {

    @Test
    void anUnreachableClusterFailsTheStartInsteadOfUsingTheStub(CapturedOutput output) throws IOException {
        int closedPort = closedPort();
        String[] args = { "--spring.datasource.url=jdbc:mysql://127.0.0.1:" + closedPort + "/",
                "--spring.datasource.hikari.connection-timeout=1000",
                "--starrocks.http.frontends=http://127.0.0.1:" + closedPort };

        assertThatException()
            .isThrownBy(() -> StarRocksSampleApplication.start(args, Map.of("STARROCKS_HOST", "127.0.0.1")))
            .satisfies((ex) -> assertThat(ex).hasRootCauseInstanceOf(ConnectException.class));
        assertThat(output).contains("StarRocks sample: running against StarRocks at 127.0.0.1 (STARROCKS_HOST)")
            .doesNotContain("STUB MODE");
    }

    /** A loopback port nothing listens on: bound once by the OS, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
