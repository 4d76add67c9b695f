package io.github.srboot.test.sql;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.srboot.test.streamload.ClassScopedServerExtension;

/**
 * The JUnit 5 extension behind {@link EmbeddedStarRocks}: one server per annotated test class (shared with its
 * {@code @Nested} classes), injected into {@link EmbeddedStarRocksServer} fields and parameters.
 */
public final class EmbeddedStarRocksExtension
        extends ClassScopedServerExtension<EmbeddedStarRocksServer, EmbeddedStarRocks> {

    /** Running servers by test class, for the Spring hook that loads contexts outside JUnit's store. */
    private static final Map<Class<?>, EmbeddedStarRocksServer> RUNNING = new ConcurrentHashMap<>();

    public EmbeddedStarRocksExtension() {
        super(EmbeddedStarRocksServer.class, EmbeddedStarRocks.class, RUNNING);
    }

    /**
     * The server started for this test class (or an enclosing class), if one runs.
     */
    public static Optional<EmbeddedStarRocksServer> serverFor(Class<?> testClass) {
        return serverFor(RUNNING, testClass);
    }

    @Override
    protected EmbeddedStarRocksServer start(EmbeddedStarRocks settings) {
        EmbeddedStarRocksServer server = EmbeddedStarRocksServer.builder()
            .credentials(settings.username(), settings.password())
            .start();
        if (!settings.database().isEmpty()) {
            server.stub().createDatabase(settings.database());
        }
        return server;
    }

    @Override
    protected boolean resetAfterEach(EmbeddedStarRocks settings) {
        return settings.resetAfterEach();
    }

    @Override
    protected void reset(EmbeddedStarRocksServer server) {
        server.reset();
    }

}
