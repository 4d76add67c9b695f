package io.github.srboot.test.sql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs an {@link EmbeddedStarRocksServer} (FE HTTP + BE HTTP + query port) for a JUnit 5 test class: started before
 * all tests, closed after them, its rows, labels, faults and statement log reset after each test unless
 * {@link #resetAfterEach()} is off (databases and tables stay).
 *
 * <p>The server is injected into fields and parameters of type {@link EmbeddedStarRocksServer}. In a Spring test
 * ({@code @SpringBootTest}), {@code spring.datasource.url|username|password}, {@code starrocks.http.frontends},
 * {@code starrocks.username}, {@code starrocks.password} and, when {@link #database()} is set,
 * {@code starrocks.database} point at it; that database is created when the server starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedStarRocksExtension.class)
public @interface EmbeddedStarRocks {

    /**
     * A database to create at start and to name in {@code spring.datasource.url} and {@code starrocks.database};
     * empty for none.
     */
    String database() default "";

    /**
     * The user the server accepts.
     */
    String username() default "root";

    /**
     * The password the server accepts.
     */
    String password() default "";

    /**
     * Whether to reset the server after each test.
     */
    boolean resetAfterEach() default true;

}
