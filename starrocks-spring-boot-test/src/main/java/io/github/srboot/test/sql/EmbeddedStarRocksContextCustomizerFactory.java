package io.github.srboot.test.sql;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Spring test hook for {@link EmbeddedStarRocks}: points {@code spring.datasource.*} and {@code starrocks.*} of the
 * test's application context at the server the JUnit extension started for that test class. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class EmbeddedStarRocksContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        EmbeddedStarRocks annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                EmbeddedStarRocks.class);
        return (annotation != null) ? new ServerCustomizer(testClass, annotation.database()) : null;
    }

    /** Adds the server's properties first in the environment; equal per test class (each has its own ports). */
    private record ServerCustomizer(Class<?> testClass, String database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            EmbeddedStarRocksServer server = EmbeddedStarRocksExtension.serverFor(this.testClass)
                .orElseThrow(() -> new IllegalStateException("No embedded StarRocks runs for "
                        + this.testClass.getName() + ": @EmbeddedStarRocks starts it through its JUnit 5 extension, "
                        + "which has not run"));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedStarRocks",
                    EmbeddedStarRocksProperties.of(server, this.database)));
        }

    }

}
