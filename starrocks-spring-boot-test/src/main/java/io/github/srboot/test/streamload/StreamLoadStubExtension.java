package io.github.srboot.test.streamload;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JUnit 5 extension behind {@link StreamLoadStub}: one stub per annotated test class (shared with its
 * {@code @Nested} classes), injected into {@link StreamLoadStubServer} fields and parameters.
 */
public final class StreamLoadStubExtension extends ClassScopedServerExtension<StreamLoadStubServer, StreamLoadStub> {

    /** Running stubs by test class, for the Spring hook that loads contexts outside JUnit's store. */
    private static final Map<Class<?>, StreamLoadStubServer> RUNNING = new ConcurrentHashMap<>();

    public StreamLoadStubExtension() {
        super(StreamLoadStubServer.class, StreamLoadStub.class, RUNNING);
    }

    /**
     * The stub started for this test class (or an enclosing class), if one runs.
     */
    public static Optional<StreamLoadStubServer> serverFor(Class<?> testClass) {
        return serverFor(RUNNING, testClass);
    }

    @Override
    protected StreamLoadStubServer start(StreamLoadStub settings) {
        StreamLoadStubServer.Builder builder = StreamLoadStubServer.builder()
            .frontends(settings.frontends())
            .backends(settings.backends())
            .credentials(settings.username(), settings.password());
        if (settings.countingOnly()) {
            builder.countingOnly();
        }
        return builder.start();
    }

    @Override
    protected boolean resetAfterEach(StreamLoadStub settings) {
        return settings.resetAfterEach();
    }

    @Override
    protected void reset(StreamLoadStubServer server) {
        server.reset();
    }

}
