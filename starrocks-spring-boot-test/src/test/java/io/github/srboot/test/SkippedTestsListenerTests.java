package io.github.srboot.test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A skipped class or method is printed on one line with JUnit's reason.
 */
class SkippedTestsListenerTests {

    @Test
    void printsOneLinePerSkippedClassOrMethodWithTheReason() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        LauncherFactory.create()
            .execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SkippedClass.class), selectClass(ClassWithSkippedMethod.class))
                .build(), new SkippedTestsListener(new PrintStream(output, true, StandardCharsets.UTF_8)));

        assertThat(output.toString(StandardCharsets.UTF_8).lines()).containsExactlyInAnyOrder(
                "Skipped " + SkippedClass.class.getName() + ": No Docker and no STARROCKS_JDBC_URL",
                "Skipped " + ClassWithSkippedMethod.class.getName() + ".skipped: needs a cluster");
    }

    // The two classes below are fixtures of the listener, run only through the launcher above (Surefire does not
    // select nested static classes); their @Disabled reasons are what the listener must print.
    @Disabled("No Docker and no STARROCKS_JDBC_URL")
    static class SkippedClass {

        @Test
        void neverRuns() {
        }

    }

    static class ClassWithSkippedMethod {

        @Test
        void runs() {
        }

        @Test
        @Disabled("needs a cluster")
        void skipped() {
        }

    }

}
