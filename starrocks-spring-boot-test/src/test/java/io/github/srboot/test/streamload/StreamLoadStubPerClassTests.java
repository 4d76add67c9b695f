package io.github.srboot.test.streamload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StreamLoadStub} with one test instance per class, which JUnit creates before {@code beforeAll}.
 */
@StreamLoadStub(frontends = 2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamLoadStubPerClassTests {

    StreamLoadStubServer stub;

    @Test
    void injectsTheStubIntoAPerClassInstance(StreamLoadStubServer parameter) {
        assertThat(this.stub).isSameAs(parameter);
        assertThat(this.stub.isRunning()).isTrue();
        assertThat(this.stub.frontends()).hasSize(2);
    }

}
