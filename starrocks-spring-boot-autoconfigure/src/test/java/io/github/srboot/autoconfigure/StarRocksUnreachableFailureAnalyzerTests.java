package io.github.srboot.autoconfigure;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up report for an unreachable StarRocks, and no report for other unreachable services.
 */
class StarRocksUnreachableFailureAnalyzerTests {

    private final StarRocksUnreachableFailureAnalyzer analyzer = new StarRocksUnreachableFailureAnalyzer(
            new MockEnvironment().withProperty("starrocks.http.frontends", "http://localhost:8030,http://fe2:8030")
                .withProperty("spring.datasource.url", "jdbc:mysql://sr-fe:9030/shop"));

    @Test
    void refusedConnectionThrownThroughTheStarterIsReportedBriefly() {
        SQLException linkFailure = new SQLException("Communications link failure\n\nThe last packet sent ...", "08S01",
                new ConnectException("Connection refused"));
        linkFailure.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("com.mysql.cj.jdbc.ConnectionImpl", "connect", "ConnectionImpl.java", 1),
                new StackTraceElement("io.github.srboot.jdbc.StarRocksTemplate", "execute", "StarRocksTemplate.java",
                        1) });
        Exception failure = new IllegalStateException("Failed to execute ApplicationRunner",
                new RuntimeException("Failed to obtain JDBC Connection", linkFailure));
        FailureAnalysis analysis = this.analyzer.analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo("Could not reach StarRocks: Communications link failure");
        assertThat(analysis.getAction()).contains("spring.datasource.url").contains("starrocks/allin1-ubuntu");
    }

    @Test
    void refusedConnectionToAConfiguredFrontendIsReported() {
        Exception failure = new IllegalStateException("Stream Load failed",
                new ConnectException("Connection refused: localhost/127.0.0.1:8030"));
        assertThat(this.analyzer.analyze(failure)).isNotNull();
    }

    @Test
    void unknownStarRocksHostIsReported() {
        assertThat(this.analyzer.analyze(new RuntimeException("boom", new UnknownHostException("fe2")))).isNotNull();
        assertThat(this.analyzer.analyze(new RuntimeException("boom",
                new UnknownHostException("sr-fe: Name or service not known"))))
            .isNotNull();
    }

    @Test
    void refusedConnectionToAnotherServiceIsLeftToOtherAnalyzers() {
        Exception redis = new IllegalStateException("Unable to connect to Redis",
                new RuntimeException("Unable to connect to localhost/<unresolved>:6379",
                        new ConnectException("Connection refused: localhost/127.0.0.1:6379")));
        assertThat(this.analyzer.analyze(redis)).isNull();
        Exception otherHost = new RuntimeException("boom", new UnknownHostException("fe22"));
        assertThat(this.analyzer.analyze(otherHost)).isNull();
        Exception samePortOtherHost = new RuntimeException(new ConnectException("Connection refused: cache/10.0.0.9:8030"));
        assertThat(this.analyzer.analyze(samePortOtherHost)).isNull();
    }

    @Test
    void theDataSourceAddressDoesNotCountWhenTheJdbcSideIsDisabled() {
        StarRocksUnreachableFailureAnalyzer analyzer = new StarRocksUnreachableFailureAnalyzer(new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:mysql://db:3306/app")
            .withProperty("starrocks.jdbc.enabled", "false"));
        assertThat(analyzer.analyze(new RuntimeException(new ConnectException("Connection refused: db/10.0.0.2:3306"))))
            .isNull();
        StarRocksUnreachableFailureAnalyzer enabled = new StarRocksUnreachableFailureAnalyzer(
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mysql://db:3306/app"));
        assertThat(enabled.analyze(new RuntimeException(new ConnectException("Connection refused: db/10.0.0.2:3306"))))
            .isNotNull();
    }

    @Test
    void otherFailuresAreLeftToOtherAnalyzers() {
        assertThat(this.analyzer.analyze(new IllegalStateException("boom", new SQLException("Unknown table", "42S02"))))
            .isNull();
    }

    @Test
    void springBootCreatesItWithTheEnvironment() {
        MockEnvironment environment = new MockEnvironment();
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
            .load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.of(Environment.class, environment)
                .and(BeanFactory.class, new DefaultListableBeanFactory()),
                    // Spring Boot's own analyzers need classes this module's tests do not have.
                    SpringFactoriesLoader.FailureHandler.logging(LogFactory.getLog(getClass())));
        assertThat(analyzers).hasAtLeastOneElementOfType(StarRocksUnreachableFailureAnalyzer.class);
    }

}
