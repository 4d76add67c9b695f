package io.github.srboot.test;

import java.io.PrintStream;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints one line per skipped test class or method with the reason JUnit was given, e.g.
 * {@code Skipped io.github.srboot.test.flyway.FlywayIT: No Docker and no STARROCKS_JDBC_URL: ...}, because Maven's
 * Surefire and Failsafe count skipped tests without saying why. Register it with a
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener} file in the test resources that names
 * this class.
 */
public class SkippedTestsListener implements TestExecutionListener {

    private final PrintStream out;

    /**
     * Prints to {@code System.out}, which Surefire and Failsafe show.
     */
    public SkippedTestsListener() {
        this(System.out);
    }

    SkippedTestsListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void executionSkipped(TestIdentifier testIdentifier, String reason) {
        this.out.println("Skipped " + name(testIdentifier) + ": " + reason);
    }

    private static String name(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            return method.getClassName() + "." + method.getMethodName();
        }
        if (source instanceof ClassSource type) {
            return type.getClassName();
        }
        return test.getDisplayName();
    }

}
