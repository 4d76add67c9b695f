package io.github.srboot.test.streamload;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Stubs with several FEs and BEs: a leader and followers, the operator's FE proxy, nodes going down and up.
 */
class StreamLoadStubClusterTests {

    private static StubTable table() {
        return StubTable.builder("db", "t").column("id", "INT").column("v", "STRING").primaryKey("id").build();
    }

    private static Map<String, String> auth() {
        return Map.of("Authorization", RawHttp.basic("root", ""));
    }

    @Test
    void aFollowerRedirectsGetLoadStateToTheLeader() throws IOException {
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().frontends(2).leaderFrontend(0).table(table())
            .start()) {
            RawHttp.streamLoad(stub, "db", "t", Map.of("label", "l1", "column_separator", ","), "1,a\n");
            StubEndpoint follower = stub.frontends().get(1);
            try (RawHttp fe = new RawHttp(follower.port())) {
                fe.sendHead("GET", "/api/db/get_load_state?label=l1", auth());
                RawHttp.Response response = fe.readResponse();
                // RestBaseAction.redirectToLeader: 307, same path and query, on the leader's HTTP port
                assertThat(response.status()).isEqualTo(307);
                assertThat(response.headers().get("location")).isEqualTo("http://127.0.0.1:"
                        + stub.frontends().get(0).port() + "/api/db/get_load_state?label=l1");
            }
            try (RawHttp leader = new RawHttp(stub.frontends().get(0).port())) {
                leader.sendHead("GET", "/api/db/get_load_state?label=l1", auth());
                JsonNode json = leader.readResponse().json();
                assertThat(json.get("state").asText()).isEqualTo("VISIBLE");
                assertThat(json.get("status").asText()).isEqualTo("OK");
            }
        }
    }

    @Test
    void aFollowerChecksThePasswordBeforeRedirecting() throws IOException {
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().frontends(2).leaderFrontend(0).table(table())
            .start()) {
            try (RawHttp fe = new RawHttp(stub.frontends().get(1).port())) {
                fe.sendHead("GET", "/api/db/get_load_state?label=l1",
                        Map.of("Authorization", RawHttp.basic("root", "wrong")));
                assertThat(fe.readResponse().status()).isEqualTo(401);
            }
        }
    }

    @Test
    void aFollowerRedirectsMergeCommitLoadsToTheLeaderAndOtherLoadsToABackend() throws IOException {
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().frontends(2).leaderFrontend(0).table(table())
            .start()) {
            Map<String, String> headers = new LinkedHashMap<>(auth());
            headers.put("Expect", "100-continue");
            headers.put("Content-Length", "4");
            headers.put("enable_merge_commit", "true");
            try (RawHttp fe = new RawHttp(stub.frontends().get(1).port())) {
                fe.sendHead("PUT", "/api/db/t/_stream_load", headers);
                URI location = URI.create(fe.readResponse().headers().get("location"));
                assertThat(location.getPort()).isEqualTo(stub.frontends().get(0).port());
            }
            headers.remove("enable_merge_commit");
            try (RawHttp fe = new RawHttp(stub.frontends().get(1).port())) {
                fe.sendHead("PUT", "/api/db/t/_stream_load", headers);
                URI location = URI.create(fe.readResponse().headers().get("location"));
                assertThat(location.getPort()).isEqualTo(stub.backends().get(0).port());
            }
        }
    }

    @Test
    void withoutALeaderEveryFrontendAnswersLoadState() throws IOException {
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().frontends(2).table(table()).start()) {
            try (RawHttp fe = new RawHttp(stub.frontends().get(1).port())) {
                fe.sendHead("GET", "/api/db/get_load_state?label=none", auth());
                assertThat(fe.readResponse().json().get("state").asText()).isEqualTo("UNKNOWN");
            }
        }
    }

    @Test
    void theLeaderMustBeOneOfTheFrontends() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> StreamLoadStubServer.builder().frontends(2).leaderFrontend(2).build());
    }

    @Test
    void theOperatorProxyFollowsTheRedirectAndDeliversTheClientsBody() throws IOException {
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().operatorProxy().table(table()).start()) {
            Map<String, String> headers = new LinkedHashMap<>(auth());
            headers.put("Expect", "100-continue");
            headers.put("Content-Length", "8");
            headers.put("label", "p1");
            headers.put("column_separator", ",");
            try (RawHttp proxy = new RawHttp(stub.proxy().port())) {
                proxy.sendHead("PUT", "/api/db/t/_stream_load", headers);
                // nginx reads the client body itself, so it answers the client's Expect
                assertThat(proxy.readResponse().status()).isEqualTo(100);
                proxy.sendBody("1,a\n2,b\n".getBytes(StandardCharsets.UTF_8));
                RawHttp.Response response = proxy.readResponse();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.json().get("Status").asText()).isEqualTo("Success");
                assertThat(response.json().get("NumberLoadedRows").asLong()).isEqualTo(2);
            }
            assertThat(stub.table("db", "t").rowCount()).isEqualTo(2);
            // proxy_pass_request_body off towards the FE: it sees the request, never the body
            assertThat(stub.frontend().loadRequests()).isEqualTo(1);
            assertThat(stub.frontend().bodyBytes()).isZero();
            assertThat(stub.backends().get(0).bodyBytes()).isEqualTo(8);
        }
    }

    @Test
    void throughTheProxyAClientThatSendsOnlyHeadersLoadsAnEmptyBody() throws IOException {
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().operatorProxy().table(table()).start()) {
            Map<String, String> headers = new LinkedHashMap<>(auth());
            headers.put("label", "p2");
            headers.put("column_separator", ",");
            try (RawHttp proxy = new RawHttp(stub.proxy().port())) {
                proxy.sendHead("PUT", "/api/db/t/_stream_load", headers);
                JsonNode json = proxy.readResponse().json();
                // the BE's own answer to an empty body: a successful load of nothing (http_action_cases HTTP02)
                assertThat(json.get("Status").asText()).isEqualTo("Success");
                assertThat(json.get("NumberTotalRows").asLong()).isZero();
                assertThat(json.get("LoadBytes").asLong()).isZero();
            }
            assertThat(stub.loadState("db", "p2")).isEqualTo(LoadState.VISIBLE);
            assertThat(stub.table("db", "t").rowCount()).isZero();
        }
    }

    @Test
    void theProxyPassesGetLoadStateAndFollowsAFollowersRedirect() throws IOException {
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().frontends(2).leaderFrontend(1)
            .operatorProxy().table(table()).start()) {
            try (RawHttp proxy = new RawHttp(stub.proxy().port())) {
                proxy.sendHead("GET", "/api/db/get_load_state?label=x", auth());
                RawHttp.Response response = proxy.readResponse();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.json().get("state").asText()).isEqualTo("UNKNOWN");
            }
            assertThat(stub.frontends().get(1).requests()).isEqualTo(1);
        }
    }

    @Test
    void aStubWithoutProxyHasNone() {
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().start()) {
            assertThatIllegalStateException().isThrownBy(stub::proxy);
        }
    }

    @Test
    void twoFrontendsAndTwoBackendsSurviveAFrontendGoingDownAndUp() throws IOException {
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().frontends(2).backends(2).table(table())
            .start()) {
            for (int i = 0; i < 4; i++) {
                assertThat(RawHttp.streamLoad(stub, "db", "t", Map.of("label", "a" + i, "column_separator", ","),
                        i + ",x\n").json().get("Status").asText()).isEqualTo("Success");
            }
            // the FEs redirect round robin over the running BEs
            assertThat(stub.backends()).allSatisfy((be) -> assertThat(be.loadRequests()).isEqualTo(2));
            StubEndpoint first = stub.frontends().get(0);
            int port = first.port();
            first.stop();
            assertThatExceptionOfType(ConnectException.class)
                .isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close());
            assertThat(loadThrough(stub, stub.frontends().get(1), "b1", "5,y\n")).isEqualTo("Success");
            first.start();
            assertThat(first.port()).isEqualTo(port);
            assertThat(loadThrough(stub, first, "b2", "6,z\n")).isEqualTo("Success");
            assertThat(stub.table("db", "t").rowCount()).isEqualTo(6);
        }
    }

    private static String loadThrough(StreamLoadStubServer stub, StubEndpoint frontend, String label, String row)
            throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(auth());
        headers.put("Expect", "100-continue");
        headers.put("Content-Length", String.valueOf(row.length()));
        headers.put("label", label);
        headers.put("column_separator", ",");
        URI location;
        try (RawHttp fe = new RawHttp(frontend.port())) {
            fe.sendHead("PUT", "/api/db/t/_stream_load", headers);
            location = URI.create(fe.readResponse().headers().get("location"));
        }
        try (RawHttp be = new RawHttp(location.getPort())) {
            be.sendHead("PUT", location.getRawPath(), headers);
            assertThat(be.readResponse().status()).isEqualTo(100);
            be.sendBody(row.getBytes(StandardCharsets.UTF_8));
            return be.readResponse().json().get("Status").asText();
        }
    }

}
