package io.github.srboot.streamload;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import io.github.srboot.test.streamload.StreamLoadStubServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merge commit through a follower FE: StarRocks' {@code LoadAction} redirects a merge commit load to the leader FE
 * before the leader picks a BE ({@code redirectToLeader} when {@code enable_merge_commit} is set). The follower here
 * is a minimal HTTP server that answers every request with that 307 to the stub's FE (the leader).
 */
class MergeCommitRedirectTest {

    private StreamLoadStubServer stub;

    private HttpServer follower;

    private final List<String> followerRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        this.stub = StreamLoadStubServer.builder().table(StubTemplates.appendOnly("events")).start();
        URI leader = this.stub.frontendUrls().get(0);
        this.follower = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.follower.createContext("/", (exchange) -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            this.followerRequests.add(exchange.getRequestMethod() + " expect="
                    + exchange.getRequestHeaders().getFirst("Expect") + " merge="
                    + exchange.getRequestHeaders().getFirst("enable_merge_commit") + " body=" + body.length);
            exchange.getResponseHeaders().set("Location", leader + exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        this.follower.start();
    }

    @AfterEach
    void stop() {
        this.follower.stop(0);
        this.stub.close();
    }

    @Test
    void theBodyFollowsTheLeaderRedirectToTheBackendOnly() {
        URI followerUrl = URI.create("http://127.0.0.1:" + this.follower.getAddress().getPort());
        try (StreamLoadTemplate template = StubTemplates.builder(this.stub)
            .frontends(List.of(followerUrl, this.stub.frontendUrls().get(0)))
            .build()) {
            LoadResult result = template.loadWithMergeCommit("events",
                    Flux.just(new StubTemplates.Item(1, "a"), new StubTemplates.Item(2, "b")), LoadOptions.json(),
                    new MergeCommit(Duration.ofMillis(200), 1, true)).block();

            assertThat(result.totalRows()).isEqualTo(2);
        }
        assertThat(this.followerRequests).containsExactly("PUT expect=100-continue merge=true body=0");
        assertThat(this.stub.frontends().get(0).bodyBytes()).isZero();
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(2);
    }

}
