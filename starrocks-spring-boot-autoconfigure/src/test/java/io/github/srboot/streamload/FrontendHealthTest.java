package io.github.srboot.streamload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes an ejected FE healthy again: its {@code /api/health} answer, including its online backends.
 */
class FrontendHealthTest {

    @Test
    void anFeWithOnlineBackendsIsHealthy() {
        assertThat(Frontends.healthy(200, "{\"status\":\"OK\",\"total_backend_num\":3,\"online_backend_num\":2}"))
            .isTrue();
    }

    @Test
    void anFeWithoutOnlineBackendsIsNot() {
        assertThat(Frontends.healthy(200, "{\"status\":\"OK\",\"total_backend_num\":3,\"online_backend_num\":0}"))
            .isFalse();
    }

    @Test
    void anErrorStatusIsNotHealthy() {
        assertThat(Frontends.healthy(503, "{\"status\":\"OK\",\"online_backend_num\":1}")).isFalse();
    }

    @Test
    void anAnswerWithoutBackendCountsCountsAsItsStatus() {
        assertThat(Frontends.healthy(200, "{\"status\":\"OK\"}")).isTrue();
        assertThat(Frontends.healthy(200, "OK")).isTrue();
    }

}
