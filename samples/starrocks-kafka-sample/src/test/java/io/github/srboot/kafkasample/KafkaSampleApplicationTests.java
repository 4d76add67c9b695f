package io.github.srboot.kafkasample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka example end to end, as {@code java -jar starrocks-kafka-sample.jar} runs it: every table ends as the
 * source left it, and the summary says what was applied.
 */
class KafkaSampleApplicationTests {

    @Test
    void theEventsEndInStarRocksAsTheSourceLeftThem() {
        KafkaSampleSummary summary = KafkaSampleApplication.run();

        assertThat(summary.mismatches()).isEmpty();
        // Every change reaches a load, none is counted as replayed in a run without crashes.
        assertThat(summary.changesApplied()).isEqualTo(3_000);
        assertThat(summary.text()).contains("mismatches:      0").contains("customers:").contains("soft-deleted");
    }

}
