package io.github.srboot.streamload;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofMillis(500));

    @Test
    void backoffDoublesUpToTheCapWithJitterOfAtMostHalf() {
        assertThat(this.policy.delay(1, false, 1.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(this.policy.delay(1, false, 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(this.policy.delay(3, false, 1.0)).isEqualTo(Duration.ofMillis(400));
        assertThat(this.policy.delay(30, false, 1.0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aBusyServerGetsALongerBackoff() {
        assertThat(this.policy.delay(1, true, 1.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(this.policy.delay(2, true, 1.0)).isGreaterThan(this.policy.delay(2, false, 1.0));
        assertThat(this.policy.delay(30, true, 1.0)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RetryPolicy(-1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(1)));
    }

}
