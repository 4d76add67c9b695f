package io.github.srboot.test.streamload;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The base of the test-support extensions: one server per annotated JUnit 5 test class (shared with its {@code @Nested} classes), for the test-support
 * extensions ({@link StreamLoadStubExtension}, the embedded StarRocks' extension): started on first use, kept in the
 * class-level store (which closes it after the class), registered by test class for the Spring hooks, which load
 * contexts outside JUnit's store, and injected into fields of its type.
 *
 * @param <S> the server type
 * @param <A> the annotation that configures it
 */
public abstract class ClassScopedServerExtension<S extends AutoCloseable, A extends java.lang.annotation.Annotation>
        implements org.junit.jupiter.api.extension.BeforeAllCallback,
        org.junit.jupiter.api.extension.AfterEachCallback,
        org.junit.jupiter.api.extension.TestInstancePostProcessor,
        org.junit.jupiter.api.extension.ParameterResolver {

    private final ExtensionContext.Namespace namespace;

    private final Class<S> type;

    private final Class<A> annotation;

    private final Map<Class<?>, S> running;

    /**
     * @param type the server type, injected into fields and parameters of exactly this type
     * @param annotation the annotation that configures it, looked up on the test class and its enclosing classes
     * @param running the subclass's static registry of running servers (read by its Spring hook)
     */
    protected ClassScopedServerExtension(Class<S> type, Class<A> annotation, Map<Class<?>, S> running) {
        this.namespace = ExtensionContext.Namespace.create(getClass());
        this.type = type;
        this.annotation = annotation;
        this.running = running;
    }

    /** Starts the server the annotation describes. */
    protected abstract S start(A settings);

    /** Whether the annotation asks for a reset after each test. */
    protected abstract boolean resetAfterEach(A settings);

    /** Resets a server between tests. */
    protected abstract void reset(S server);

    /**
     * The server registered for this test class (or an enclosing class) in a registry, if one runs.
     */
    protected static <T> Optional<T> serverFor(Map<Class<?>, T> running, Class<?> testClass) {
        for (Class<?> candidate = testClass; candidate != null; candidate = candidate.getEnclosingClass()) {
            T server = running.get(candidate);
            if (server != null) {
                return Optional.of(server);
            }
        }
        return Optional.empty();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (resetAfterEach(settings(context))) {
            reset(ensure(context));
        }
    }

    @Override
    public boolean supportsParameter(org.junit.jupiter.api.extension.ParameterContext parameterContext,
            ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == this.type;
    }

    @Override
    public Object resolveParameter(org.junit.jupiter.api.extension.ParameterContext parameterContext,
            ExtensionContext extensionContext) {
        return ensure(extensionContext);
    }

    private A settings(ExtensionContext context) {
        for (Class<?> candidate = context.getRequiredTestClass(); candidate != null;
                candidate = candidate.getEnclosingClass()) {
            Optional<A> found = org.junit.platform.commons.support.AnnotationSupport.findAnnotation(candidate,
                    this.annotation);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new org.junit.jupiter.api.extension.ExtensionConfigurationException("@"
                + this.annotation.getSimpleName() + " not found on " + context.getRequiredTestClass().getName()
                + " or an enclosing class");
    }

    /**
     * Starts (or finds) the class's server, registers a {@code @Nested} class under its outer class's server, and
     * fills static fields.
     */
    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        Class<?> testClass = context.getRequiredTestClass();
        S server = ensure(context);
        if (!this.running.containsKey(testClass)) {
            this.running.put(testClass, server);
            context.getStore(this.namespace).put("server.registration", new Registration(testClass));
        }
        inject(testClass, null, server);
    }

    /**
     * Fills the instance's fields (with {@code @TestInstance(PER_CLASS)} the instance exists before
     * {@code beforeAll} runs).
     */
    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        inject(testInstance.getClass(), testInstance, ensure(context));
    }

    /**
     * The server of the test class (or of an enclosing class), started on first use.
     */
    protected final S ensure(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        ExtensionContext.Store store = classContext.getStore(this.namespace);
        // store lookups reach the enclosing class's store: a @Nested class finds its outer class's server
        @SuppressWarnings("unchecked")
        Running running = store.get("server", Running.class);
        if (running == null) {
            Class<?> testClass = classContext.getRequiredTestClass();
            running = new Running(start(settings(classContext)), testClass);
            store.put("server", running);
            this.running.put(testClass, running.server);
        }
        return this.type.cast(running.server);
    }

    private void inject(Class<?> start, Object instance, S server) throws IllegalAccessException {
        for (Class<?> candidate = start; candidate != null && candidate != Object.class;
                candidate = candidate.getSuperclass()) {
            for (Field field : candidate.getDeclaredFields()) {
                if (field.getType() == this.type && Modifier.isStatic(field.getModifiers()) == (instance == null)) {
                    field.setAccessible(true);
                    field.set(instance, server);
                }
            }
        }
    }

    /** The server of one test class, closed when JUnit closes the class's store. */
    private final class Running implements ExtensionContext.Store.CloseableResource {

        private final S server;

        private final Class<?> testClass;

        Running(S server, Class<?> testClass) {
            this.server = server;
            this.testClass = testClass;
        }

        @Override
        public void close() throws Exception {
            ClassScopedServerExtension.this.running.remove(this.testClass, this.server);
            this.server.close();
        }

    }

    /** A nested class's entry in the registry, removed with the nested class's store. */
    private final class Registration implements ExtensionContext.Store.CloseableResource {

        private final Class<?> testClass;

        Registration(Class<?> testClass) {
            this.testClass = testClass;
        }

        @Override
        public void close() {
            ClassScopedServerExtension.this.running.remove(this.testClass);
        }

    }

}
