package io.github.srboot.streamload.internal.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes an ejected FE healthy again: its {@code /api/health} answer, including its online backends. The answers
 * are shaped as StarRocks' {@code HealthAction} writes them ({@code fe/fe-core/src/main/java/com/starrocks/http/rest/
 * HealthAction.java}: a {@code RestResult} with {@code status}, {@code msg}, {@code total_backend_num},
 * {@code online_backend_num}; HTTP 500 while the FE exits gracefully).
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
    }

    @Test
    void anUnreadableAnswerOrAnotherStatusIsNotHealthyForLoadsNorForTheActuator() {
        // the same rule for both: a proxy's page or an FE that is not OK never counts as a healthy FE
        assertThat(Frontends.healthy(200, "OK")).isFalse();
        assertThat(Frontends.healthy(200, "<html>502 Bad Gateway</html>")).isFalse();
        assertThat(FrontendHealth.of(200, "OK").healthy()).isFalse();
        assertThat(FrontendHealth.of(200, "{\"status\":\"FAILED\",\"msg\":\"x\"}").healthy()).isFalse();
        assertThat(FrontendHealth.of(200, "{\"status\":\"OK\",\"online_backend_num\":0}"))
            .satisfies((health) -> {
                assertThat(health.healthy()).isTrue();
                assertThat(health.takesLoads()).isFalse();
            });
    }

}
