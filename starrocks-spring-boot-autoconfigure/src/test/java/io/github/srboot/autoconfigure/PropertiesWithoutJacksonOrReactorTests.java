package io.github.srboot.autoconfigure;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Jackson, Reactor and Netty are optional dependencies of the autoconfigure module: an application without them
 * (JDBC only) must still bind and check {@code starrocks.*}. The check runs the test classpath without them in a
 * class loader of its own, so that nothing can borrow them from the test's class loader.
 */
class PropertiesWithoutJacksonOrReactorTests {

    @Test
    void propertiesBindAndAreCheckedWithoutJacksonOrReactor() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        URL[] urls = Arrays.stream(classPath.split(File.pathSeparator))
            .filter((entry) -> !entry.contains("jackson") && !entry.contains("reactor") && !entry.contains("netty"))
            .map(PropertiesWithoutJacksonOrReactorTests::url)
            .toArray(URL[]::new);
        try (URLClassLoader withoutThem = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            assertThatExceptionOfType(ClassNotFoundException.class)
                .isThrownBy(() -> withoutThem.loadClass("reactor.core.publisher.Flux"));
            assertThatExceptionOfType(ClassNotFoundException.class)
                .isThrownBy(() -> withoutThem.loadClass("com.fasterxml.jackson.databind.ObjectMapper"));
            Class<?> probe = withoutThem.loadClass(Probe.class.getName());
            assertThat(probe.getClassLoader()).isSameAs(withoutThem);
            ClassLoader original = Thread.currentThread().getContextClassLoader();
            // the runner creates proxies with the context class loader: it must be the one without them too
            Thread.currentThread().setContextClassLoader(withoutThem);
            try {
                assertThat(probe.getMethod("bound").invoke(null)).isEqualTo("max-rows=10, max-redirects=7");
                assertThat((String) probe.getMethod("refused").invoke(null))
                    .contains("Property starrocks.health.probe-timeout with value 'PT0S' is invalid");
            }
            finally {
                Thread.currentThread().setContextClassLoader(original);
            }
        }
    }

    private static URL url(String entry) {
        try {
            return new File(entry).toURI().toURL();
        }
        catch (MalformedURLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Runs inside the class loader without Jackson and Reactor; answers in strings, which both loaders share.
     */
    public static final class Probe {

        private static final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StarRocksAutoConfiguration.class));

        public static String bound() {
            AtomicReference<String> result = new AtomicReference<>();
            runner.withPropertyValues("starrocks.http.frontends=http://fe1:8030", "starrocks.http.max-redirects=7",
                    "starrocks.stream-load.batch.max-rows=10")
                .run((context) -> {
                    StarRocksProperties properties = context.getBean(StarRocksProperties.class);
                    result.set("max-rows=" + properties.getStreamLoad().getBatch().getMaxRows() + ", max-redirects="
                            + properties.getHttp().getMaxRedirects());
                });
            return result.get();
        }

        public static String refused() {
            AtomicReference<String> result = new AtomicReference<>();
            runner.withPropertyValues("starrocks.health.probe-timeout=0s")
                .run((context) -> result.set(String.valueOf(context.getStartupFailure())));
            return result.get();
        }

    }

}
