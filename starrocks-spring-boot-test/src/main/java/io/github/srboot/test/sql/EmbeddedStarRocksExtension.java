package io.github.srboot.test.sql;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link EmbeddedStarRocks}: one server per annotated test class (shared with its
 * {@code @Nested} classes), injected into {@link EmbeddedStarRocksServer} fields and parameters.
 */
public final class EmbeddedStarRocksExtension
        implements BeforeAllCallback, AfterEachCallback, TestInstancePostProcessor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedStarRocksExtension.class);

    private static final String KEY = "server";

    /** Running servers by test class, for the Spring hook that loads contexts outside JUnit's store. */
    private static final Map<Class<?>, EmbeddedStarRocksServer> RUNNING = new ConcurrentHashMap<>();

    /**
     * The server started for this test class (or an enclosing class), if one runs.
     */
    public static Optional<EmbeddedStarRocksServer> serverFor(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            EmbeddedStarRocksServer server = RUNNING.get(type);
            if (server != null) {
                return Optional.of(server);
            }
        }
        return Optional.empty();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        EmbeddedStarRocksServer server = ensureServer(context);
        if (!RUNNING.containsKey(testClass)) {
            RUNNING.put(testClass, server);
            context.getStore(NAMESPACE).put(KEY + ".registration", new Registration(testClass));
        }
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == EmbeddedStarRocksServer.class && Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(null, server);
                }
            }
        }
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
        EmbeddedStarRocksServer server = ensureServer(context);
        for (Class<?> type = testInstance.getClass(); type != null && type != Object.class;
                type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == EmbeddedStarRocksServer.class && !Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(testInstance, server);
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (settings(context).resetAfterEach()) {
            ensureServer(context).reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedStarRocksServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return ensureServer(extensionContext);
    }

    private static EmbeddedStarRocksServer ensureServer(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        ExtensionContext.Store store = classContext.getStore(NAMESPACE);
        Running running = store.get(KEY, Running.class);
        if (running == null) {
            EmbeddedStarRocks settings = settings(classContext);
            EmbeddedStarRocksServer server = EmbeddedStarRocksServer.builder()
                .credentials(settings.username(), settings.password())
                .start();
            if (!settings.database().isEmpty()) {
                server.stub().createDatabase(settings.database());
            }
            Class<?> testClass = classContext.getRequiredTestClass();
            running = new Running(server, testClass);
            store.put(KEY, running);
            RUNNING.put(testClass, server);
        }
        return running.server();
    }

    static EmbeddedStarRocks settings(ExtensionContext context) {
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<EmbeddedStarRocks> found = AnnotationSupport.findAnnotation(type, EmbeddedStarRocks.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ExtensionConfigurationException("@EmbeddedStarRocks not found on "
                + context.getRequiredTestClass().getName() + " or an enclosing class");
    }

    /** The server of one test class, closed when JUnit closes the class's store. */
    private record Running(EmbeddedStarRocksServer server, Class<?> testClass)
            implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            RUNNING.remove(this.testClass, this.server);
            this.server.close();
        }

    }

    /** A nested class's entry in the registry, removed with the nested class's store. */
    private record Registration(Class<?> testClass) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            RUNNING.remove(this.testClass);
        }

    }

}
