package io.github.srboot.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code --server} the sample stays up after its run and serves its start page and the actuator endpoints.
 */
class ServerModeTests {

    @Test
    void servesTheStartPageAndTheActuatorEndpoints() {
        String[] args = { StarRocksSampleApplication.SERVER_OPTION, "--server.port=0", "--sample.orders=100",
                "--sample.changes=10" };
        try (ConfigurableApplicationContext context = StarRocksSampleApplication.start(args, Map.of())) {
            assertThat(context.isActive()).isTrue();
            WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                .build();

            client.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class)
                .value((page) -> assertThat(page).contains("/actuator/health"));
            client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP");
            client.get().uri("/actuator/metrics/starrocks.stream-load.rows").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.measurements[0].value")
                .value((Double rows) -> assertThat(rows).isGreaterThanOrEqualTo(200.0));   // 100 orders, 100 sales rows
        }
    }

}
