package io.github.srboot.streamload;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import io.github.srboot.streamload.transaction.MergeCommit;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStubServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A merge commit load whose answer is lost after its body left: merge commit has no label to look up, so the load
 * is neither resent nor guessed at; it fails as an unknown outcome.
 */
class MergeCommitOutcomeTest {

    private StreamLoadStubServer stub;

    @BeforeEach
    void start() {
        this.stub = StreamLoadStubServer.builder().table(StubTemplates.appendOnly("events")).start();
    }

    @AfterEach
    void stop() {
        this.stub.close();
    }

    @Test
    void aConnectionResetAfterTheBodyIsAnUnknownOutcomeAndIsNotResent() {
        this.stub.faults().backend(Fault.resetAfterBody());
        try (StreamLoadTemplate template = StubTemplates.builder(this.stub).build()) {
            StreamLoadException failure = catchThrowableOfType(StreamLoadException.class,
                    () -> template.loadWithMergeCommit("events",
                            Flux.just(new StubTemplates.Item(1, "a"), new StubTemplates.Item(2, "b")),
                            LoadOptions.json(), new MergeCommit(Duration.ofMillis(200), 1, true)).block());

            assertThat(failure.reason()).isEqualTo(StreamLoadException.Reason.OUTCOME_UNKNOWN);
            assertThat(failure.getMessage()).contains("merge commit has no label to look up");
        }
        // the one body the backend read was the only one sent: nothing was resent
        assertThat(this.stub.faults().pending()).isZero();
        assertThat(this.stub.backends().stream().mapToLong((backend) -> backend.loadRequests()).sum()).isOne();
        assertThat(this.stub.loadsCommitted()).isZero();
        assertThat(this.stub.table("shop", "events").rowCount()).isZero();
    }

}
