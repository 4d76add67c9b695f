package io.github.srboot.test.streamload;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Spring test hook for {@link StreamLoadStub}: points {@code starrocks.*} of the test's application context at the
 * stub the JUnit extension started for that test class. Registered in {@code META-INF/spring.factories}.
 */
public final class StreamLoadStubContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        StreamLoadStub annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, StreamLoadStub.class);
        return (annotation != null) ? new StubCustomizer(testClass, annotation.database()) : null;
    }

    /**
     * Adds the stub's properties first in the environment. Equal per test class, because each class has its own
     * stub (and ports).
     */
    private record StubCustomizer(Class<?> testClass, String database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            StreamLoadStubServer server = StreamLoadStubExtension.serverFor(this.testClass)
                .orElseThrow(() -> new IllegalStateException("No stream load stub runs for " + this.testClass.getName()
                        + ": @StreamLoadStub starts it through its JUnit 5 extension, which has not run"));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("streamLoadStub",
                    StreamLoadStubProperties.of(server, this.database)));
        }

    }

}
