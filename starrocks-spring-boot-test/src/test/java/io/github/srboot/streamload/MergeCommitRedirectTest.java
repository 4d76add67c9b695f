package io.github.srboot.streamload;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import io.github.srboot.streamload.transaction.MergeCommit;
import io.github.srboot.test.streamload.LoadState;
import io.github.srboot.test.streamload.StreamLoadStubServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merge commit loads against the stub: StarRocks' {@code LoadAction} redirects a merge commit load to the leader FE
 * before the leader picks a BE ({@code redirectToLeader} when {@code enable_merge_commit} is set), and the BE
 * answers with the merged transaction's {@code merge_commit_<uuid>} label.
 */
class MergeCommitRedirectTest {

    private StreamLoadStubServer stub;

    @BeforeEach
    void start() {
        this.stub = StreamLoadStubServer.builder()
            .frontends(2)
            .leaderFrontend(1)
            .table(StubTemplates.appendOnly("events"))
            .start();
    }

    @AfterEach
    void stop() {
        this.stub.close();
    }

    @Test
    void theBodyFollowsTheLeaderRedirectToTheBackendOnly() {
        // the follower first: the client knows the leader is an FE (holds the body for it) because it is configured
        try (StreamLoadTemplate template = StubTemplates.builder(this.stub)
            .frontends(List.of(this.stub.frontendUrls().get(0), this.stub.frontendUrls().get(1)))
            .build()) {
            LoadResult result = template.loadWithMergeCommit("events",
                    Flux.just(new StubTemplates.Item(1, "a"), new StubTemplates.Item(2, "b")), LoadOptions.json(),
                    new MergeCommit(Duration.ofMillis(200), 1, true)).block();

            assertThat(result.status()).isEqualTo(LoadStatus.SUCCESS);
            assertThat(result.label()).startsWith("merge_commit_");
            assertThat(this.stub.loadState("shop", result.label())).isEqualTo(LoadState.VISIBLE);
        }
        // the follower redirected the headers to the leader, which redirected them to a BE: no FE read a body
        assertThat(this.stub.frontends().get(0).requests()).isEqualTo(1);
        assertThat(this.stub.frontends().get(1).requests()).isEqualTo(1);
        assertThat(this.stub.frontends()).allSatisfy((frontend) -> assertThat(frontend.bodyBytes()).isZero());
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(2);
    }

    @Test
    void mergeCommitLoadsOfSeveralCallsAllLandInTheTable() {
        try (StreamLoadTemplate template = StubTemplates.builder(this.stub).build()) {
            MergeCommit mergeCommit = new MergeCommit(Duration.ofMillis(200), 2, false);
            for (int call = 0; call < 3; call++) {
                template.loadWithMergeCommit("events",
                        Flux.just(new StubTemplates.Item(call * 2L, "a"), new StubTemplates.Item(call * 2L + 1, "b")),
                        LoadOptions.json(), mergeCommit).block();
            }
        }
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(6);
    }

}
