package io.github.srboot.streamload;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.srboot.autoconfigure.StarRocksAutoConfiguration;
import io.github.srboot.autoconfigure.StarRocksConnectionDetails;
import io.github.srboot.autoconfigure.StreamLoadAutoConfiguration;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStubServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection details of their own (what a {@code @ServiceConnection} container supplies) carry the rewrite of the BE
 * address the FE redirects to, and the auto-configured template uses it.
 */
class StreamLoadConnectionDetailsTest {

    private static final StreamLoadStubServer stub = StreamLoadStubServer.builder()
        .table(StubTemplates.appendOnly("events"))
        .start();

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Test
    void theConnectionDetailsRewriteLeadsLoadsToTheReachableBackend() {
        // The FE redirects to an address where nothing listens, as a container's BE announces one only it can use.
        stub.faults().frontend(Fault.redirectToUnreachableBackend());
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StarRocksAutoConfiguration.class, StreamLoadAutoConfiguration.class))
            .withBean(StarRocksConnectionDetails.class, ContainerLikeDetails::new)
            .withPropertyValues("starrocks.stream-load.max-retries=0")
            .run((context) -> {
                LoadResult result = context.getBean(StreamLoadTemplate.class)
                    .load("events", Flux.just(Map.of("id", 1, "name", "x")))
                    .block();
                assertThat(result.backend().getPort()).isEqualTo(stub.backends().get(0).port());
            });
        assertThat(stub.table("shop", "events").rowCount()).isEqualTo(1);
    }

    /** Connection details as a container supplies them: no properties, the BE rewrite included. */
    static class ContainerLikeDetails implements StarRocksConnectionDetails {

        @Override
        public List<URI> getFrontends() {
            return stub.frontendUrls();
        }

        @Override
        public String getUsername() {
            return stub.username();
        }

        @Override
        public String getPassword() {
            return stub.password();
        }

        @Override
        public String getDatabase() {
            return "shop";
        }

        @Override
        public HostRewrite getRedirectHostRewrite() {
            return new HostRewrite("127.0.0.1", stub.backends().get(0).port());
        }

    }

}
