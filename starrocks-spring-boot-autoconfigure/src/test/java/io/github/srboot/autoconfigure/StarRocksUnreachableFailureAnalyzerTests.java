package io.github.srboot.autoconfigure;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up report for an unreachable StarRocks.
 */
class StarRocksUnreachableFailureAnalyzerTests {

    private final StarRocksUnreachableFailureAnalyzer analyzer = new StarRocksUnreachableFailureAnalyzer();

    @Test
    void refusedConnectionDeepInTheChainIsReportedBriefly() {
        Exception failure = new IllegalStateException("Failed to execute ApplicationRunner",
                new RuntimeException("Failed to obtain JDBC Connection",
                        new SQLException("Communications link failure\n\nThe last packet sent ...", "08S01",
                                new ConnectException("Connection refused"))));
        FailureAnalysis analysis = this.analyzer.analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo("Could not reach StarRocks: Communications link failure");
        assertThat(analysis.getAction()).contains("spring.datasource.url").contains("starrocks/allin1-ubuntu");
    }

    @Test
    void otherFailuresAreLeftToOtherAnalyzers() {
        assertThat(this.analyzer.analyze(new IllegalStateException("boom", new SQLException("Unknown table", "42S02"))))
            .isNull();
    }

}
