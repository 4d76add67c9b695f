package io.github.srboot.streamload;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.srboot.autoconfigure.StarRocksAutoConfiguration;
import io.github.srboot.autoconfigure.StreamLoadAutoConfiguration;
import io.github.srboot.streamload.StubTemplates.Item;
import io.github.srboot.test.streamload.StreamLoadStubServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured template flushes buffered rows when the application context closes.
 */
class StreamLoadShutdownTest {

    private final StreamLoadStubServer stub = StreamLoadStubServer.builder()
        .table(StubTemplates.appendOnly("events"))
        .start();

    @AfterEach
    void stop() {
        this.stub.close();
    }

    @Test
    void closingTheContextLoadsWhatWritersBuffered() {
        new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(StarRocksAutoConfiguration.class, StreamLoadAutoConfiguration.class))
            .withPropertyValues("starrocks.http.frontends=" + this.stub.frontendUrls().get(0),
                    "starrocks.database=shop", "starrocks.stream-load.batch.max-interval=1h")
            .run((context) -> {
                StreamLoadWriter<Item> writer = context.getBean(StreamLoadTemplate.class).writer("events");
                for (int i = 0; i < 25; i++) {
                    writer.write(new Item(i, "pending"));
                }
                assertThat(this.stub.loadsCommitted()).isZero();
            });
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(25);
    }

}
