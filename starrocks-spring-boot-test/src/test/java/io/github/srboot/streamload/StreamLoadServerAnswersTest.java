package io.github.srboot.streamload;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import io.github.srboot.streamload.StreamLoadObserver.RetryReason;
import io.github.srboot.streamload.StubTemplates.Item;
import io.github.srboot.streamload.transaction.StreamLoadTransaction;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client against the answers a real cluster gives (as the stub reproduces them from StarRocks' source): addresses
 * that run loads themselves, refusals from the BE's header handler before any body is read, temporary refusals, and
 * a follower FE redirecting {@code get_load_state}.
 */
class StreamLoadServerAnswersTest {

    /** Rows of about 5 MB in JSON, so that an early answer comes while the body is still being sent. */
    private static final int LARGE = 60_000;

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    private final List<String> retries = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (this.template != null) {
            this.template.close();
        }
        if (this.stub != null) {
            this.stub.close();
        }
    }

    private StreamLoadTemplate.Builder builder(List<java.net.URI> frontends) {
        return StubTemplates.builder(this.stub).frontends(frontends).observer(new StreamLoadObserver() {
            @Override
            public void retrying(String table, String label, RetryReason reason, int nextAttempt) {
                StreamLoadServerAnswersTest.this.retries.add(reason.name());
            }
        });
    }

    private static Flux<Item> items(int count) {
        return Flux.range(0, count).map((i) -> new Item(i, "row " + i + " padded to make the body larger: "
                + "x".repeat(40)));
    }

    private long rows() {
        return this.stub.table("shop", "events").rowCount();
    }

    @Test
    void throughTheOperatorProxyTheBodyArrivesAndIsLoaded() {
        this.stub = StreamLoadStubServer.builder().operatorProxy().table(StubTemplates.appendOnly("events")).start();
        this.template = builder(List.of(this.stub.proxy().url())).build();
        LoadResult first = this.template.load("events", items(3)).block();
        LoadResult second = this.template.load("events", items(2)).block();
        assertThat(first.status()).isEqualTo(LoadStatus.SUCCESS);
        assertThat(first.loadedRows()).isEqualTo(3);
        assertThat(second.loadedRows()).isEqualTo(2);
        assertThat(rows()).isEqualTo(5);
        // The first load learnt that the proxy runs loads itself; the second went to it with its body at once.
        assertThat(this.stub.proxy().loadRequests()).isEqualTo(3);
    }

    @Test
    void aBackendGivenAsFrontendLoadsTheRows() {
        this.stub = StreamLoadStubServer.builder().table(StubTemplates.appendOnly("events")).start();
        this.template = builder(this.stub.backendUrls()).build();
        LoadResult result = this.template.load("events", items(3)).block();
        assertThat(result.loadedRows()).isEqualTo(3);
        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void temporaryRefusalsAreRetriedWithTheSameLabel() {
        this.stub = StreamLoadStubServer.builder().table(StubTemplates.appendOnly("events")).start();
        this.template = builder(this.stub.frontendUrls()).build();
        this.stub.faults().frontend(Fault.noBackendAlive());
        this.stub.faults().backend(Fault.httpConcurrencyLimit(), Fault.shuttingDown());
        LoadResult result = this.template.load("events", items(3)).block();
        assertThat(result.attempts()).isEqualTo(4);
        assertThat(this.retries).containsExactly("SERVER_UNAVAILABLE", "SERVER_UNAVAILABLE", "SERVER_UNAVAILABLE");
        assertThat(rows()).isEqualTo(3);
        assertThat(this.stub.faults().injected()).allSatisfy((fault) -> assertThat(fault.label())
            .isEqualTo(result.label()));
    }

    @Test
    void anEarlyRefusalOfALargeBodyIsActedOnAndTheBatchLoadedOnce() {
        this.stub = StreamLoadStubServer.builder().table(StubTemplates.appendOnly("events")).start();
        this.template = builder(this.stub.frontendUrls()).build();
        this.stub.faults().backend(Fault.httpConcurrencyLimit());
        LoadResult result = this.template.load("events", items(LARGE)).block();
        assertThat(result.status()).isEqualTo(LoadStatus.SUCCESS);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(rows()).isEqualTo(LARGE);
    }

    @Test
    void anEarlyLabelAlreadyExistsForALargeBodyIsTheEarlierLoadsSuccess() {
        this.stub = StreamLoadStubServer.builder().table(StubTemplates.appendOnly("events")).start();
        this.template = builder(this.stub.frontendUrls()).build();
        LoadOptions labelled = LoadOptions.json().withLabel("orders_2024_05_06_part_1");
        this.template.load("events", items(LARGE), labelled).block();
        LoadResult again = this.template.load("events", items(LARGE), labelled).block();
        assertThat(again.status()).isEqualTo(LoadStatus.ALREADY_LOADED);
        assertThat(again.label()).isEqualTo("orders_2024_05_06_part_1");
        assertThat(rows()).isEqualTo(LARGE);
    }

    @Test
    void getLoadStateFollowsAFollowersRedirectToTheLeader() {
        this.stub = StreamLoadStubServer.builder().frontends(2).leaderFrontend(0)
            .table(StubTemplates.appendOnly("events")).start();
        StubEndpoint follower = this.stub.frontends().get(1);
        this.template = builder(List.of(follower.url())).build();
        this.stub.faults().backend(Fault.responseLostAfterCommit());
        LoadResult result = this.template.load("events", items(3),
                LoadOptions.json().withTimeout(Duration.ofSeconds(1))).block();
        assertThat(result.status()).isEqualTo(LoadStatus.ALREADY_LOADED);
        assertThat(result.message()).contains("VISIBLE");
        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void getLoadStateReachesTheLeaderThroughTheConfiguredFrontendsWhenItsRedirectAddressIsUnusable() {
        // Followers name the leader at an address nothing listens on (a container's or NAT's inside address).
        this.stub = StreamLoadStubServer.builder().frontends(3).leaderFrontend(2).leaderUnreachable()
            .table(StubTemplates.appendOnly("events")).start();
        StubEndpoint follower0 = this.stub.frontends().get(0);
        StubEndpoint follower1 = this.stub.frontends().get(1);
        StubEndpoint leader = this.stub.frontends().get(2);
        // No retry: without reaching the leader the lost answer could only end as OUTCOME_UNKNOWN.
        this.template = builder(List.of(follower0.url(), follower1.url(), leader.url()))
            .retryPolicy(new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1),
                    Duration.ofMillis(1)))
            .build();
        this.stub.faults().backend(Fault.responseLostAfterCommit());
        LoadResult result = this.template.load("events", items(3),
                LoadOptions.json().withTimeout(Duration.ofSeconds(1))).block();
        assertThat(result.status()).isEqualTo(LoadStatus.ALREADY_LOADED);
        assertThat(result.message()).contains("VISIBLE");
        // The label was asked of a follower (which redirected) and answered by the leader.
        assertThat(follower0.loadStateRequests() + follower1.loadStateRequests()).isPositive();
        assertThat(leader.loadStateRequests()).isPositive();
        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void aTransactionsStateReachesTheLeaderTheSameWay() {
        // Transactions, recovery and StreamLoadTemplate.loadState ask get_load_state through the loads' lookup, so
        // an unusable leader address in a follower's redirect does not hide the label's state from them either.
        this.stub = StreamLoadStubServer.builder().frontends(3).leaderFrontend(2).leaderUnreachable()
            .table(StubTemplates.appendOnly("events")).start();
        StubEndpoint leader = this.stub.frontends().get(2);
        this.template = builder(List.of(this.stub.frontends().get(0).url(), this.stub.frontends().get(1).url(),
                leader.url())).build();
        StreamLoadTransaction transaction = this.template.transaction("events", "txn_behind_nat");
        transaction.begin().then(transaction.load(items(1))).then(transaction.prepare()).block();

        assertThat(transaction.state().block()).isEqualTo("PREPARED");
        assertThat(this.template.loadState("events", "txn_behind_nat").block()).isEqualTo("PREPARED");
        assertThat(leader.loadStateRequests()).isEqualTo(2);
    }

}
