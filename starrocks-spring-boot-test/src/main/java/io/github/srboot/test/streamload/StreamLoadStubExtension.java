package io.github.srboot.test.streamload;

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
 * The JUnit 5 extension behind {@link StreamLoadStub}: one stub per annotated test class (shared with its
 * {@code @Nested} classes), injected into {@link StreamLoadStubServer} fields and parameters.
 */
public final class StreamLoadStubExtension
        implements BeforeAllCallback, AfterEachCallback, TestInstancePostProcessor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(StreamLoadStubExtension.class);

    private static final String KEY = "server";

    /** Running stubs by test class, for the Spring hook that loads contexts outside JUnit's store. */
    private static final Map<Class<?>, StreamLoadStubServer> RUNNING = new ConcurrentHashMap<>();

    /**
     * The stub started for this test class (or an enclosing class), if one runs.
     */
    public static Optional<StreamLoadStubServer> serverFor(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            StreamLoadStubServer server = RUNNING.get(type);
            if (server != null) {
                return Optional.of(server);
            }
        }
        return Optional.empty();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        StreamLoadStubServer server = ensureServer(context);
        if (!RUNNING.containsKey(testClass)) {
            // a @Nested class: shares its outer class's stub and leaves the registry with its own store
            RUNNING.put(testClass, server);
            context.getStore(NAMESPACE).put(KEY + ".registration", new Registration(testClass));
        }
        injectStaticFields(testClass, server);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
        // with @TestInstance(PER_CLASS) the instance exists before beforeAll runs
        StreamLoadStubServer server = ensureServer(context);
        for (Class<?> type = testInstance.getClass(); type != null && type != Object.class;
                type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == StreamLoadStubServer.class && !Modifier.isStatic(field.getModifiers())) {
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
        return parameterContext.getParameter().getType() == StreamLoadStubServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return ensureServer(extensionContext);
    }

    /**
     * The stub of the test class (or of an enclosing class), started on first use and stored in the class-level
     * store, which closes it after the class.
     */
    private static StreamLoadStubServer ensureServer(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        ExtensionContext.Store store = classContext.getStore(NAMESPACE);
        // store lookups reach the enclosing class's store: a @Nested class finds its outer class's stub
        RunningStub running = store.get(KEY, RunningStub.class);
        if (running == null) {
            StreamLoadStub settings = settings(classContext);
            StreamLoadStubServer.Builder builder = StreamLoadStubServer.builder()
                .frontends(settings.frontends())
                .backends(settings.backends())
                .credentials(settings.username(), settings.password());
            if (settings.countingOnly()) {
                builder.countingOnly();
            }
            Class<?> testClass = classContext.getRequiredTestClass();
            running = new RunningStub(builder.start(), testClass);
            store.put(KEY, running);
            RUNNING.put(testClass, running.server());
        }
        return running.server();
    }

    private static StreamLoadStub settings(ExtensionContext context) {
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<StreamLoadStub> found = AnnotationSupport.findAnnotation(type, StreamLoadStub.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ExtensionConfigurationException("@StreamLoadStub not found on "
                + context.getRequiredTestClass().getName() + " or an enclosing class");
    }

    private static void injectStaticFields(Class<?> testClass, StreamLoadStubServer server)
            throws IllegalAccessException {
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == StreamLoadStubServer.class && Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(null, server);
                }
            }
        }
    }

    /**
     * The stub of one test class, closed when JUnit closes the class's store.
     */
    private record RunningStub(StreamLoadStubServer server, Class<?> testClass)
            implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            RUNNING.remove(this.testClass, this.server);
            this.server.close();
        }

    }

    /**
     * A nested class's entry in the registry, removed with the nested class's store.
     */
    private record Registration(Class<?> testClass) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            RUNNING.remove(this.testClass);
        }

    }

}
