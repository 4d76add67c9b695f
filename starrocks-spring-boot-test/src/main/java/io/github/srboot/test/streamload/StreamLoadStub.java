package io.github.srboot.test.streamload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link StreamLoadStubServer} for a JUnit 5 test class: started before all tests, closed after them, reset
 * (tables emptied, labels, counters and faults forgotten) after each test unless {@link #resetAfterEach()} is off.
 *
 * <p>The stub is injected into fields and parameters of type {@link StreamLoadStubServer}. In a Spring test
 * ({@code @SpringBootTest}), {@code starrocks.http.frontends}, {@code starrocks.username} and
 * {@code starrocks.password} (and {@code starrocks.database} when {@link #database()} is set) point at the stub.
 * Declare tables in a {@code @BeforeAll} method or in the test itself with
 * {@link StreamLoadStubServer#createTable(StubTable)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(StreamLoadStubExtension.class)
public @interface StreamLoadStub {

    /**
     * Number of FE listeners.
     */
    int frontends() default 1;

    /**
     * Number of BE listeners.
     */
    int backends() default 1;

    /**
     * The user the stub accepts.
     */
    String username() default "root";

    /**
     * The password the stub accepts.
     */
    String password() default "";

    /**
     * Value for {@code starrocks.database} in Spring tests; empty to leave it alone.
     */
    String database() default "";

    /**
     * Count rows and bytes only, without storing rows (benchmarks).
     */
    boolean countingOnly() default false;

    /**
     * Whether to reset the stub after each test.
     */
    boolean resetAfterEach() default true;

}
