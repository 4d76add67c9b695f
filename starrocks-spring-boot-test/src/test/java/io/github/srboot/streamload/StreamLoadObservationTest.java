package io.github.srboot.streamload;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import io.github.srboot.actuate.StreamLoadObservations;
import io.github.srboot.streamload.StubTemplates.Item;
import io.github.srboot.test.streamload.StreamLoadStubServer;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code starrocks.stream-load} observation around real loads into the stub, through the template's
 * {@link StreamLoadObserver} hooks.
 */
class StreamLoadObservationTest {

    private final TestObservationRegistry registry = TestObservationRegistry.create();

    private final StreamLoadStubServer stub = StreamLoadStubServer.builder().table(StubTemplates.keyed("orders")).start();

    private final StreamLoadTemplate template = StubTemplates.builder(this.stub)
        .observer(new StreamLoadObservations(this.registry, null))
        .build();

    @AfterEach
    void close() {
        this.template.close();
        this.stub.close();
    }

    @Test
    void aSuccessfulLoadIsObservedWithItsTableFormatOutcomeAndLabel() {
        LoadResult result = this.template.load("orders", Flux.just(new Item(1, "a"), new Item(2, "b"))).block();

        TestObservationRegistryAssert.assertThat(this.registry)
            .hasNumberOfObservationsWithNameEqualTo("starrocks.stream-load", 1)
            .hasObservationWithNameEqualTo("starrocks.stream-load")
            .that()
            .hasContextualNameEqualTo("stream load orders")
            .hasLowCardinalityKeyValue("table", "orders")
            .hasLowCardinalityKeyValue("format", "json")
            .hasLowCardinalityKeyValue("outcome", "success")
            .hasHighCardinalityKeyValue("label", result.label())
            .hasHighCardinalityKeyValue("database", StubTemplates.DATABASE)
            .hasBeenStarted()
            .hasBeenStopped();
    }

    @Test
    void aFailedLoadIsObservedWithItsError() {
        assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.load("missing", Flux.just(new Item(1, "a"))).block());

        TestObservationRegistryAssert.assertThat(this.registry)
            .hasObservationWithNameEqualTo("starrocks.stream-load")
            .that()
            .hasLowCardinalityKeyValue("table", "missing")
            .hasLowCardinalityKeyValue("outcome", "failed")
            .hasBeenStopped()
            .assertThatError()
            .isInstanceOf(StreamLoadException.class);
    }

    @Test
    void everyLoadEndsItsObservation() {
        this.template.load("orders", Flux.just(new Item(1, "a"))).block();
        this.template.load("orders", Flux.just(new Item(2, "b"))).block();

        TestObservationRegistryAssert.assertThat(this.registry)
            .hasNumberOfObservationsWithNameEqualTo("starrocks.stream-load", 2)
            .forAllObservationsWithNameEqualTo("starrocks.stream-load", (observation) -> observation.hasLowCardinalityKeyValue("outcome", "success"))
            .doesNotHaveAnyRemainingCurrentObservation();
    }

}
