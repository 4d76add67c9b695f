package io.github.srboot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.srboot.actuate.StarRocksClusterProbe;
import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.streamload.BatchPolicy;
import io.github.srboot.streamload.LoadCompression;
import io.github.srboot.streamload.RetryPolicy;
import io.github.srboot.streamload.StreamLoadTemplate;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wiring of {@link StarRocksAutoConfiguration}: properties, connection details and start-up validation.
 */
class StarRocksAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StarRocksAutoConfiguration.class));

    @Test
    void connectionDetailsComeFromProperties() {
        this.contextRunner
            .withPropertyValues("starrocks.http.frontends=http://fe1:8030,https://fe2:8443", "starrocks.username=loader",
                    "starrocks.password=s3cret", "starrocks.database=shop")
            .run((context) -> {
                assertThat(context).hasSingleBean(StarRocksConnectionDetails.class);
                StarRocksConnectionDetails details = context.getBean(StarRocksConnectionDetails.class);
                assertThat(details.getFrontends()).containsExactly(URI.create("http://fe1:8030"),
                        URI.create("https://fe2:8443"));
                assertThat(details.getUsername()).isEqualTo("loader");
                assertThat(details.getPassword()).isEqualTo("s3cret");
                assertThat(details.getDatabase()).isEqualTo("shop");
            });
    }

    @Test
    void defaultsApplyWithoutProperties() {
        this.contextRunner.run((context) -> {
            StarRocksConnectionDetails details = context.getBean(StarRocksConnectionDetails.class);
            assertThat(details.getFrontends()).isEmpty();
            assertThat(details.getUsername()).isEqualTo("root");
            assertThat(details.getPassword()).isEmpty();
            assertThat(details.getDatabase()).isNull();
            StarRocksProperties properties = context.getBean(StarRocksProperties.class);
            assertThat(properties.getHttp().getConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.getHttp().getReadTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.getStreamLoad().getEnabled()).isNull();
        });
    }

    @Test
    void backsOffWhenTheUserDefinesConnectionDetails() {
        this.contextRunner.withUserConfiguration(UserConnectionDetailsConfiguration.class)
            .withPropertyValues("starrocks.http.frontends=http://ignored:8030")
            .run((context) -> {
                assertThat(context).hasSingleBean(StarRocksConnectionDetails.class);
                assertThat(context).doesNotHaveBean(PropertiesStarRocksConnectionDetails.class);
                assertThat(context.getBean(StarRocksConnectionDetails.class).getFrontends())
                    .containsExactly(URI.create("http://from-user:8030"));
            });
    }

    @Test
    void malformedFrontendUrlFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("starrocks.http.frontends=http://ok:8030,fe2:8030").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("starrocks.http.frontends[1]")
                .hasMessageContaining("fe2:8030");
        });
    }

    @Test
    void frontendUrlThatCannotBeParsedFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("starrocks.http.frontends=http://bad host:8030").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("starrocks.http.frontends");
        });
    }

    @Test
    void credentialsInFrontendUrlAreRefusedWithoutEchoingThem() {
        this.contextRunner.withPropertyValues("starrocks.http.frontends=http://root:hunter2@fe1:8030")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("starrocks.http.frontends[0]")
                    .hasMessageNotContaining("hunter2");
            });
    }

    @Test
    void negativeTimeoutFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("starrocks.http.connect-timeout=-1s").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("starrocks.http.connect-timeout");
        });
        this.contextRunner.withPropertyValues("starrocks.schema.alter-timeout=-5m").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("starrocks.schema.alter-timeout");
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "starrocks.stream-load.max-retries, -1", "starrocks.stream-load.retry-backoff, 0s",
            "starrocks.stream-load.batch.max-rows, 0", "starrocks.stream-load.batch.max-interval, 0s",
            "starrocks.stream-load.max-concurrent-loads, 0", "starrocks.stream-load.per-table-concurrency, 0",
            "starrocks.stream-load.label-prefix, 'bad prefix!'", "starrocks.stream-load.max-in-flight-bytes, 1MB",
            "starrocks.http.max-redirects, 0", "starrocks.http.redirect-host-rewrite, 'be:notaport'",
            "starrocks.schema.alter-poll-interval, 0s", "starrocks.schema.alter-timeout, -1s",
            "starrocks.health.probe-timeout, 0s", "starrocks.health.cache-ttl, -1s",
            "starrocks.schema.report-cache-ttl, -1s", "starrocks.database, ' '" })
    void invalidValuesFailNamingTheProperty(String property, String value) {
        this.contextRunner.withPropertyValues(property + "=" + value).run((context) -> assertThat(context).hasFailed()
            .getFailure()
            .rootCause()
            .hasMessageContaining("Property " + property + " "));
    }

    /**
     * The properties start from literals (so that the configuration metadata lists them); they must be the defaults
     * the library applies when a property is left out.
     */
    @Test
    void propertyDefaultsAreTheLibraryDefaults() {
        StarRocksProperties properties = new StarRocksProperties();
        StarRocksProperties.StreamLoad load = properties.getStreamLoad();
        assertThat(new RetryPolicy(load.getMaxRetries(), load.getRetryBackoff(), load.getMaxRetryBackoff(),
                load.getBusyBackoff())).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(new BatchPolicy(load.getBatch().getMaxRows(), load.getBatch().getMaxBytes().toBytes(),
                load.getBatch().getMaxInterval())).isEqualTo(BatchPolicy.DEFAULT);
        assertThat(load.getMaxInFlightBytes().toBytes())
            .isEqualTo(StreamLoadTemplate.Builder.DEFAULT_MAX_IN_FLIGHT_BYTES);
        assertThat(load.getMaxConcurrentLoads()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_MAX_CONCURRENT_LOADS);
        assertThat(load.getPerTableConcurrency()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_PER_TABLE_CONCURRENCY);
        assertThat(load.getLabelPrefix()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_LABEL_PREFIX);
        assertThat(load.getLoadTimeout()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_LOAD_TIMEOUT);
        assertThat(load.getResponseTimeoutMargin())
            .isEqualTo(StreamLoadTemplate.Builder.DEFAULT_RESPONSE_TIMEOUT_MARGIN);
        assertThat(load.getShutdownTimeout()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_SHUTDOWN_TIMEOUT);
        assertThat(load.getCompression()).isEqualTo(LoadCompression.NONE);
        assertThat(load.getEnabled()).isNull();
        StarRocksProperties.Http http = properties.getHttp();
        assertThat(http.getConnectTimeout()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_CONNECT_TIMEOUT);
        assertThat(http.getReadTimeout()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_READ_TIMEOUT);
        assertThat(http.getMaxRedirects()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_MAX_REDIRECTS);
        assertThat(http.getFrontendProbeInterval())
            .isEqualTo(StreamLoadTemplate.Builder.DEFAULT_FRONTEND_PROBE_INTERVAL);
        assertThat(http.getRedirectHostRewrite()).isNull();
        assertThat(properties.getSchema().getAlterPollInterval()).isEqualTo(AlterJobPolling.DEFAULT_POLL_INTERVAL);
        assertThat(properties.getSchema().getAlterTimeout()).isEqualTo(AlterJobPolling.DEFAULT_TIMEOUT);
        assertThat(properties.getFlyway().getAlterTimeout()).isEqualTo(AlterJobPolling.DEFAULT_TIMEOUT);
        assertThat(properties.getHealth().getProbeTimeout()).isEqualTo(StarRocksClusterProbe.DEFAULT_PROBE_TIMEOUT);
        assertThat(properties.getHealth().getCacheTtl()).isEqualTo(StarRocksClusterProbe.DEFAULT_CACHE_TTL);
        assertThat(properties.getJdbc().getEnabled()).isNull();
    }

    /**
     * A value the library's rule refuses although the old check in the properties let it through: the in-flight
     * bound must leave room for the encoders' reservations on top of one batch, which only the library knew.
     */
    @Test
    void inFlightBoundIsCheckedByTheLibrarysRule() {
        this.contextRunner
            .withPropertyValues("starrocks.stream-load.batch.max-bytes=64MB",
                    "starrocks.stream-load.max-in-flight-bytes=" + (64L * 1024 * 1024 + 1) + "B")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("Property starrocks.stream-load.max-in-flight-bytes ")
                .hasMessageContaining("must exceed batch max-bytes"));
    }

    @Test
    void streamLoadLeftUnsetWithoutFrontendsStartsFine() {
        this.contextRunner.withPropertyValues("starrocks.database=shop").run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void passwordNeverAppearsInToString() {
        this.contextRunner.withPropertyValues("starrocks.password=hunter2", "starrocks.http.frontends=http://fe1:8030")
            .run((context) -> {
                assertThat(context.getBean(StarRocksProperties.class).toString()).doesNotContain("hunter2")
                    .contains("******");
                assertThat(context.getBean(StarRocksConnectionDetails.class).toString()).doesNotContain("hunter2");
            });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserConnectionDetailsConfiguration {

        @Bean
        StarRocksConnectionDetails userConnectionDetails() {
            return new StarRocksConnectionDetails() {

                @Override
                public List<URI> getFrontends() {
                    return List.of(URI.create("http://from-user:8030"));
                }

                @Override
                public String getUsername() {
                    return "user";
                }

                @Override
                public String getPassword() {
                    return "";
                }

            };
        }

    }

}
