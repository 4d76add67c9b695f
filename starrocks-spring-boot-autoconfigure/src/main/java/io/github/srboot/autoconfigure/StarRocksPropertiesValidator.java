package io.github.srboot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.srboot.flyway.HistoryTable;
import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.streamload.BatchPolicy;
import io.github.srboot.streamload.HostRewrite;
import io.github.srboot.streamload.RetryPolicy;
import io.github.srboot.streamload.StreamLoadTemplate;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.ClassUtils;

/**
 * Fails start-up on {@code starrocks.*} values that would only fail later, far from their cause, naming the
 * property. The rules are the library's ({@code RetryPolicy}, {@code BatchPolicy}, {@code StreamLoadTemplate.Builder},
 * {@code AlterJobPolling}, {@code HostRewrite}, {@code HistoryTable}): each value is handed to the library check
 * that owns it, and a refusal is reported against the property. Checks of what only a Stream Load client uses run
 * only when one can exist (WebFlux, Reactor Netty and Jackson present), so that the properties bind without them.
 */
final class StarRocksPropertiesValidator implements BeanPostProcessor {

    private static final boolean STREAM_LOAD_PRESENT = isPresent(
            "org.springframework.web.reactive.function.client.WebClient") && isPresent("reactor.netty.http.client.HttpClient")
            && isPresent("com.fasterxml.jackson.databind.ObjectMapper");

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof StarRocksProperties properties) {
            validate(properties);
        }
        return bean;
    }

    static void validate(StarRocksProperties properties) {
        StarRocksProperties.Http http = properties.getHttp();
        List<URI> frontends = http.getFrontends();
        for (int i = 0; i < frontends.size(); i++) {
            URI url = frontends.get(i);
            String name = "starrocks.http.frontends[" + i + "]";
            if (url == null) {
                throw new InvalidConfigurationPropertyValueException(name, null, "An FE HTTP URL is required.");
            }
            String scheme = url.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || url.getHost() == null) {
                throw new InvalidConfigurationPropertyValueException(name, url,
                        "Expected an FE HTTP base URL such as http://fe1:8030 (scheme http or https and a host).");
            }
            if (url.getUserInfo() != null) {
                throw new InvalidConfigurationPropertyValueException(name, "<redacted>",
                        "Credentials do not belong in the URL; set starrocks.username and starrocks.password.");
            }
        }
        String database = properties.getDatabase();
        if (database != null && database.isBlank()) {
            throw new InvalidConfigurationPropertyValueException("starrocks.database", database,
                    "Leave it unset, or name a database.");
        }
        requireNotNegative("starrocks.http.connect-timeout", http.getConnectTimeout());
        requireNotNegative("starrocks.http.read-timeout", http.getReadTimeout());
        String rewrite = http.getRedirectHostRewrite();
        if (rewrite != null && !rewrite.isBlank()) {
            check("starrocks.http.redirect-host-rewrite", rewrite, () -> HostRewrite.parse(rewrite));
        }
        StarRocksProperties.StreamLoad load = properties.getStreamLoad();
        RetryPolicy retry = RetryPolicy.DEFAULT;
        check("starrocks.stream-load.max-retries", load.getMaxRetries(), () -> new RetryPolicy(load.getMaxRetries(),
                retry.initialBackoff(), retry.maxBackoff(), retry.busyBackoff()));
        check("starrocks.stream-load.retry-backoff", load.getRetryBackoff(), () -> new RetryPolicy(retry.maxRetries(),
                load.getRetryBackoff(), retry.maxBackoff(), retry.busyBackoff()));
        check("starrocks.stream-load.max-retry-backoff", load.getMaxRetryBackoff(), () -> new RetryPolicy(
                retry.maxRetries(), retry.initialBackoff(), load.getMaxRetryBackoff(), retry.busyBackoff()));
        check("starrocks.stream-load.busy-backoff", load.getBusyBackoff(), () -> new RetryPolicy(retry.maxRetries(),
                retry.initialBackoff(), retry.maxBackoff(), load.getBusyBackoff()));
        BatchPolicy batch = BatchPolicy.DEFAULT;
        StarRocksProperties.StreamLoad.Batch loadBatch = load.getBatch();
        check("starrocks.stream-load.batch.max-rows", loadBatch.getMaxRows(),
                () -> new BatchPolicy(loadBatch.getMaxRows(), batch.maxBytes(), batch.maxInterval()));
        check("starrocks.stream-load.batch.max-bytes", loadBatch.getMaxBytes(),
                () -> new BatchPolicy(batch.maxRows(), loadBatch.getMaxBytes().toBytes(), batch.maxInterval()));
        check("starrocks.stream-load.batch.max-interval", loadBatch.getMaxInterval(),
                () -> new BatchPolicy(batch.maxRows(), batch.maxBytes(), loadBatch.getMaxInterval()));
        if (STREAM_LOAD_PRESENT) {
            StreamLoadChecks.validate(http, load);
        }
        requireNotNegative("starrocks.stream-load.load-timeout", load.getLoadTimeout());
        requireNotNegative("starrocks.stream-load.response-timeout-margin", load.getResponseTimeoutMargin());
        requireNotNegative("starrocks.stream-load.shutdown-timeout", load.getShutdownTimeout());
        StarRocksProperties.Schema schema = properties.getSchema();
        check("starrocks.schema.alter-poll-interval", schema.getAlterPollInterval(),
                () -> new AlterJobPolling(schema.getAlterPollInterval(), AlterJobPolling.DEFAULT_TIMEOUT));
        check("starrocks.schema.alter-timeout", schema.getAlterTimeout(),
                () -> new AlterJobPolling(AlterJobPolling.DEFAULT_POLL_INTERVAL, schema.getAlterTimeout()));
        requireNotNegative("starrocks.schema.report-cache-ttl", schema.getReportCacheTtl());
        StarRocksProperties.Health health = properties.getHealth();
        requirePositive("starrocks.health.probe-timeout", health.getProbeTimeout());
        requireNotNegative("starrocks.health.cache-ttl", health.getCacheTtl());
        StarRocksProperties.Flyway flyway = properties.getFlyway();
        check("starrocks.flyway.alter-timeout", flyway.getAlterTimeout(),
                () -> new AlterJobPolling(AlterJobPolling.DEFAULT_POLL_INTERVAL, flyway.getAlterTimeout()));
        Integer replicationNum = flyway.getHistoryReplicationNum();
        if (replicationNum != null) {
            check("starrocks.flyway.history-replication-num", replicationNum,
                    () -> HistoryTable.definition("flyway_schema_history", replicationNum));
        }
    }

    /**
     * The rules {@code StreamLoadTemplate.Builder} owns; a class of its own so that nothing of Reactor's is linked
     * unless a Stream Load client can exist.
     */
    private static final class StreamLoadChecks {

        static void validate(StarRocksProperties.Http http, StarRocksProperties.StreamLoad load) {
            check("starrocks.http.max-redirects", http.getMaxRedirects(),
                    () -> StreamLoadTemplate.builder().maxRedirects(http.getMaxRedirects()));
            StarRocksProperties.StreamLoad.Batch batch = load.getBatch();
            check("starrocks.stream-load.max-in-flight-bytes", load.getMaxInFlightBytes(),
                    () -> StreamLoadTemplate.Builder.requireInFlightRoom(load.getMaxInFlightBytes().toBytes(),
                            new BatchPolicy(batch.getMaxRows(), batch.getMaxBytes().toBytes(), batch.getMaxInterval())));
            check("starrocks.stream-load.max-concurrent-loads", load.getMaxConcurrentLoads(),
                    () -> StreamLoadTemplate.builder().maxConcurrentLoads(load.getMaxConcurrentLoads()));
            check("starrocks.stream-load.per-table-concurrency", load.getPerTableConcurrency(),
                    () -> StreamLoadTemplate.builder().perTableConcurrency(load.getPerTableConcurrency()));
            check("starrocks.stream-load.label-prefix", load.getLabelPrefix(),
                    () -> StreamLoadTemplate.builder().labelPrefix(load.getLabelPrefix()));
        }

    }

    /**
     * Runs a library check and reports its refusal against the property.
     */
    private static void check(String name, Object value, Runnable libraryCheck) {
        try {
            libraryCheck.run();
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw new InvalidConfigurationPropertyValueException(name, value, ex.getMessage());
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new InvalidConfigurationPropertyValueException(name, value,
                    "A timeout or interval is required and cannot be negative.");
        }
    }

    private static void requirePositive(String name, Duration value) {
        requireNotNegative(name, value);
        if (value.isZero()) {
            throw new InvalidConfigurationPropertyValueException(name, value, "It must be positive.");
        }
    }

    private static boolean isPresent(String className) {
        return ClassUtils.isPresent(className, StarRocksPropertiesValidator.class.getClassLoader());
    }

}
