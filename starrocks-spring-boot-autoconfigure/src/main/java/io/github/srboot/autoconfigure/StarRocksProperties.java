package io.github.srboot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import io.github.srboot.flyway.DriftCheck;
import io.github.srboot.streamload.LoadCompression;

/**
 * Configuration properties of the StarRocks starter, bound to {@code starrocks.*}.
 *
 * <p>JDBC access uses the application's {@code DataSource} ({@code spring.datasource.*}); the credentials here are
 * for the FE/BE HTTP interface (Stream Load, health, load state).
 *
 * <p>Plain data, as Spring Boot's own properties are: the defaults are literals (equal to the library's, which a
 * test checks) so that the configuration metadata lists them, and nothing here needs Jackson, Reactor or any
 * library class to load. The values are checked once bound, by the library's own rules, in
 * {@link StarRocksPropertiesValidator}.
 */
@ConfigurationProperties(prefix = "starrocks")
public class StarRocksProperties {

    /**
     * User for Stream Load and the FE HTTP API. JDBC uses the DataSource's own credentials.
     */
    private String username = "root";

    /**
     * Password for Stream Load and the FE HTTP API. Never logged.
     */
    private String password = "";

    /**
     * Default database for DDL, reflection and Stream Load.
     */
    private String database;

    private final Http http = new Http();

    private final StreamLoad streamLoad = new StreamLoad();

    private final Schema schema = new Schema();

    private final Jdbc jdbc = new Jdbc();

    private final Health health = new Health();

    private final Flyway flyway = new Flyway();

    public String getUsername() {
        return this.username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return this.password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDatabase() {
        return this.database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public Http getHttp() {
        return this.http;
    }

    public StreamLoad getStreamLoad() {
        return this.streamLoad;
    }

    public Schema getSchema() {
        return this.schema;
    }

    public Jdbc getJdbc() {
        return this.jdbc;
    }

    public Health getHealth() {
        return this.health;
    }

    public Flyway getFlyway() {
        return this.flyway;
    }

    @Override
    public String toString() {
        return "StarRocksProperties[username=" + this.username + ", password=" + (isEmpty(this.password) ? "" : "******")
                + ", database=" + this.database + ", frontends=" + this.http.getFrontends() + "]";
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    /**
     * The FE HTTP interface: Stream Load, health and load state.
     */
    public static class Http {

        /**
         * FE HTTP base URLs, e.g. http://fe1:8030. Several FEs are used round robin with failover.
         */
        private List<URI> frontends = new ArrayList<>();

        /**
         * Timeout for opening a connection to an FE or BE.
         */
        private Duration connectTimeout = Duration.ofSeconds(10);

        /**
         * Timeout for HTTP calls that carry no load body (health, load state, transactions). Loads wait a little
         * longer than their own 'timeout' header instead.
         */
        private Duration readTimeout = Duration.ofSeconds(30);

        /**
         * Host, or host:port, that replaces the address of every BE the FE redirects a Stream Load to. For BEs that
         * announce an address the application cannot reach (containers, NAT). Not set: use the address as given.
         */
        private String redirectHostRewrite;

        /**
         * Most redirects followed per Stream Load attempt (normally one: FE to BE).
         */
        private int maxRedirects = 3;

        /**
         * How often an FE taken out of rotation after a failure is probed with /api/health while another FE takes
         * the loads; when every FE is out of rotation, a load probes them at once.
         */
        private Duration frontendProbeInterval = Duration.ofSeconds(5);

        /**
         * TLS for the FE and BE HTTP calls (https FE URLs).
         */
        private final Ssl ssl = new Ssl();

        public Ssl getSsl() {
            return this.ssl;
        }

        public String getRedirectHostRewrite() {
            return this.redirectHostRewrite;
        }

        public void setRedirectHostRewrite(String redirectHostRewrite) {
            this.redirectHostRewrite = redirectHostRewrite;
        }

        public int getMaxRedirects() {
            return this.maxRedirects;
        }

        public void setMaxRedirects(int maxRedirects) {
            this.maxRedirects = maxRedirects;
        }

        public Duration getFrontendProbeInterval() {
            return this.frontendProbeInterval;
        }

        public void setFrontendProbeInterval(Duration frontendProbeInterval) {
            this.frontendProbeInterval = frontendProbeInterval;
        }

        public List<URI> getFrontends() {
            return this.frontends;
        }

        public void setFrontends(List<URI> frontends) {
            this.frontends = frontends;
        }

        public Duration getConnectTimeout() {
            return this.connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getReadTimeout() {
            return this.readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        /**
         * TLS settings of the FE/BE HTTP client.
         */
        public static class Ssl {

            /**
             * Name of the SSL bundle (spring.ssl.bundle.*) whose trust material (and key material, for client
             * certificates) the FE and BE HTTP calls use. Not set: the JVM's default trust store.
             */
            private String bundle;

            public String getBundle() {
                return this.bundle;
            }

            public void setBundle(String bundle) {
                this.bundle = bundle;
            }

        }

    }

    /**
     * Stream Load ingestion through {@code StreamLoadTemplate}.
     */
    public static class StreamLoad {

        /**
         * Whether to auto-configure the StreamLoadTemplate. When not set, it is enabled as soon as
         * starrocks.http.frontends is configured or a service connection supplies FE URLs; when true, FE URLs are
         * required.
         */
        private Boolean enabled;

        /**
         * Retries of a failed load (5xx, connection errors, timeouts, busy server, temporary refusals such as the BE's
         * HTTP concurrency limit or 'No backend alive'), always with the same label.
         */
        private int maxRetries = 3;

        /**
         * First delay before a retry; doubles per retry, with jitter.
         */
        private Duration retryBackoff = Duration.ofMillis(500);

        /**
         * Longest delay between retries of ordinary failures.
         */
        private Duration maxRetryBackoff = Duration.ofSeconds(10);

        /**
         * First delay before a retry when the server is busy ('too many versions', running transaction limit).
         */
        private Duration busyBackoff = Duration.ofSeconds(5);

        /**
         * Bound on memory held by batches being filled, waiting or loading, across all tables; writers and streams
         * wait when it is reached. Must exceed batch.max-bytes.
         */
        private DataSize maxInFlightBytes = DataSize.ofMegabytes(256);

        /**
         * Loads running at once across tables.
         */
        private int maxConcurrentLoads = 4;

        /**
         * Loads running at once per table. 1 keeps each table's rows in order.
         */
        private int perTableConcurrency = 1;

        /**
         * Prefix of generated labels (label = prefix_table_unique part).
         */
        private String labelPrefix = "srboot";

        /**
         * Body compression when LoadOptions do not set one: NONE, GZIP or LZ4_FRAME.
         */
        private LoadCompression compression = LoadCompression.NONE;

        /**
         * The load 'timeout' header when LoadOptions do not set one. The client waits for an answer a little longer
         * (response-timeout-margin).
         */
        private Duration loadTimeout = Duration.ofSeconds(600);

        /**
         * How much longer than the load timeout to wait for a Stream Load answer before retrying.
         */
        private Duration responseTimeoutMargin = Duration.ofSeconds(10);

        /**
         * Bound on shutdown (StreamLoadTemplate.close()): buffered rows are loaded and loads in flight awaited for at
         * most this long, even when a BE stalls; what is left then is abandoned, counted in the
         * starrocks.stream-load.unflushed-rows metric and reported by a StreamLoadShutdownException.
         */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        private final Batch batch = new Batch();

        public Boolean getEnabled() {
            return this.enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaxRetries() {
            return this.maxRetries;
        }

        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        public Duration getRetryBackoff() {
            return this.retryBackoff;
        }

        public void setRetryBackoff(Duration retryBackoff) {
            this.retryBackoff = retryBackoff;
        }

        public Duration getMaxRetryBackoff() {
            return this.maxRetryBackoff;
        }

        public void setMaxRetryBackoff(Duration maxRetryBackoff) {
            this.maxRetryBackoff = maxRetryBackoff;
        }

        public Duration getBusyBackoff() {
            return this.busyBackoff;
        }

        public void setBusyBackoff(Duration busyBackoff) {
            this.busyBackoff = busyBackoff;
        }

        public DataSize getMaxInFlightBytes() {
            return this.maxInFlightBytes;
        }

        public void setMaxInFlightBytes(DataSize maxInFlightBytes) {
            this.maxInFlightBytes = maxInFlightBytes;
        }

        public int getMaxConcurrentLoads() {
            return this.maxConcurrentLoads;
        }

        public void setMaxConcurrentLoads(int maxConcurrentLoads) {
            this.maxConcurrentLoads = maxConcurrentLoads;
        }

        public int getPerTableConcurrency() {
            return this.perTableConcurrency;
        }

        public void setPerTableConcurrency(int perTableConcurrency) {
            this.perTableConcurrency = perTableConcurrency;
        }

        public String getLabelPrefix() {
            return this.labelPrefix;
        }

        public void setLabelPrefix(String labelPrefix) {
            this.labelPrefix = labelPrefix;
        }

        public LoadCompression getCompression() {
            return this.compression;
        }

        public void setCompression(LoadCompression compression) {
            this.compression = compression;
        }

        public Duration getLoadTimeout() {
            return this.loadTimeout;
        }

        public void setLoadTimeout(Duration loadTimeout) {
            this.loadTimeout = loadTimeout;
        }

        public Duration getResponseTimeoutMargin() {
            return this.responseTimeoutMargin;
        }

        public void setResponseTimeoutMargin(Duration responseTimeoutMargin) {
            this.responseTimeoutMargin = responseTimeoutMargin;
        }

        public Duration getShutdownTimeout() {
            return this.shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public Batch getBatch() {
            return this.batch;
        }

        /**
         * When continuous ingestion (stream, writers) cuts a load: whichever limit comes first.
         */
        public static class Batch {

            /**
             * Rows per load.
             */
            private int maxRows = 500000;

            /**
             * Encoded bytes per load (before compression).
             */
            private DataSize maxBytes = DataSize.ofMegabytes(64);

            /**
             * How long buffered rows may wait for more before they are loaded.
             */
            private Duration maxInterval = Duration.ofSeconds(5);

            public int getMaxRows() {
                return this.maxRows;
            }

            public void setMaxRows(int maxRows) {
                this.maxRows = maxRows;
            }

            public DataSize getMaxBytes() {
                return this.maxBytes;
            }

            public void setMaxBytes(DataSize maxBytes) {
                this.maxBytes = maxBytes;
            }

            public Duration getMaxInterval() {
                return this.maxInterval;
            }

            public void setMaxInterval(Duration maxInterval) {
                this.maxInterval = maxInterval;
            }

        }

    }

    /**
     * Schema changes: waiting for StarRocks' asynchronous ALTER jobs, and the schema diff (desired schema files,
     * drops, writing the next Flyway migration).
     */
    public static class Schema {

        /**
         * Locations of the desired schema (default classpath:db/schema): every *.sql file under them, subdirectories
         * included, holds plain CREATE TABLE / VIEW / MATERIALIZED VIEW statements. Spring resource locations, e.g.
         * classpath:db/schema or file:src/main/resources/db/schema.
         */
        private List<String> locations = new ArrayList<>(List.of("classpath:db/schema"));

        /**
         * Whether the schema diff may drop tables, views, materialized views, columns and partitions that exist but
         * are not desired. When false they are only reported as unexpected.
         */
        private boolean allowDrop;

        /**
         * Directory to write the next Flyway migration (V{next}__{description}.sql) into; when set, the application
         * writes the file at start-up, before its own runners, and exits. Start-up fails when there is no schema
         * diff to write it from (no StarRocks DataSource). For example
         * --starrocks.schema.write-migration=src/main/resources/db/migration.
         */
        private String writeMigration;

        /**
         * Description part of the migration file name written by starrocks.schema.write-migration.
         */
        private String migrationDescription = "schema_diff";

        /**
         * How often to poll SHOW ALTER TABLE while waiting for an asynchronous ALTER job.
         */
        private Duration alterPollInterval = Duration.ofSeconds(1);

        /**
         * How long to wait for an asynchronous ALTER job (or for a running one before retrying a refused
         * statement) before failing.
         */
        private Duration alterTimeout = Duration.ofMinutes(30);

        /**
         * How long the starrocksschema endpoint, the starrocks endpoint's drift summary and the
         * starrocks.schema.drift gauge reuse a computed plan instead of reflecting the database again. 0 recomputes
         * on every call.
         */
        private Duration reportCacheTtl = Duration.ofSeconds(30);

        public Duration getReportCacheTtl() {
            return this.reportCacheTtl;
        }

        public void setReportCacheTtl(Duration reportCacheTtl) {
            this.reportCacheTtl = reportCacheTtl;
        }

        /**
         * What to do after Flyway's migrate when the database still differs from the declared desired schema: off,
         * warn (log the plan) or fail (stop start-up with the plan). Nothing is checked without a desired schema.
         */
        private DriftCheck driftCheck = DriftCheck.WARN;

        public DriftCheck getDriftCheck() {
            return this.driftCheck;
        }

        public void setDriftCheck(DriftCheck driftCheck) {
            this.driftCheck = driftCheck;
        }

        public List<String> getLocations() {
            return this.locations;
        }

        public void setLocations(List<String> locations) {
            this.locations = locations;
        }

        public boolean isAllowDrop() {
            return this.allowDrop;
        }

        public void setAllowDrop(boolean allowDrop) {
            this.allowDrop = allowDrop;
        }

        public String getWriteMigration() {
            return this.writeMigration;
        }

        public void setWriteMigration(String writeMigration) {
            this.writeMigration = writeMigration;
        }

        public String getMigrationDescription() {
            return this.migrationDescription;
        }

        public void setMigrationDescription(String migrationDescription) {
            this.migrationDescription = migrationDescription;
        }

        public Duration getAlterPollInterval() {
            return this.alterPollInterval;
        }

        public void setAlterPollInterval(Duration alterPollInterval) {
            this.alterPollInterval = alterPollInterval;
        }

        public Duration getAlterTimeout() {
            return this.alterTimeout;
        }

        public void setAlterTimeout(Duration alterTimeout) {
            this.alterTimeout = alterTimeout;
        }

    }

    /**
     * JDBC-side beans ({@code StarRocksTemplate}, the exception translator, the schema diff).
     */
    public static class Jdbc {

        /**
         * Whether to create the JDBC-side beans on the application's DataSource. When not set, they are created
         * when the DataSource may be StarRocks: a @StarRocksDataSource bean, a StarRocks service connection (Docker
         * Compose, Testcontainers), or a MySQL-protocol spring.datasource.url. No connection is opened at start-up
         * to decide; the exception translator and Flyway ask the server once, on first use, whether it is
         * StarRocks.
         */
        private Boolean enabled;

        public Boolean getEnabled() {
            return this.enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

    }

    /**
     * The 'starrocks' health contributor (management.health.starrocks.enabled switches it off).
     */
    public static class Health {

        /**
         * Longest wait for each probe (the JDBC query, each FE's /api/health); a probe that takes longer counts as
         * failed.
         */
        private Duration probeTimeout = Duration.ofSeconds(2);

        /**
         * How long a probe result is reused, so that frequent health checks cannot hammer the cluster. 0 probes on
         * every call.
         */
        private Duration cacheTtl = Duration.ofSeconds(5);

        public Duration getProbeTimeout() {
            return this.probeTimeout;
        }

        public void setProbeTimeout(Duration probeTimeout) {
            this.probeTimeout = probeTimeout;
        }

        public Duration getCacheTtl() {
            return this.cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

    }

    /**
     * Flyway on StarRocks: the schema history table and the waits for asynchronous ALTER jobs between migration
     * statements.
     */
    public static class Flyway {

        /**
         * Whether Flyway waits, after each migration statement that starts an asynchronous ALTER job (column
         * changes, ORDER BY, DISTRIBUTED BY, rollups, index builds, bloom_filter_columns), until that job has
         * finished.
         */
        private boolean waitForAlterJobs = true;

        /**
         * How long Flyway waits for one asynchronous ALTER job before failing the migration.
         */
        private Duration alterTimeout = Duration.ofMinutes(30);

        /**
         * replication_num of the schema history table Flyway creates; when not set, the server's default (3 unless
         * the cluster changed it).
         */
        private Integer historyReplicationNum;

        public boolean isWaitForAlterJobs() {
            return this.waitForAlterJobs;
        }

        public void setWaitForAlterJobs(boolean waitForAlterJobs) {
            this.waitForAlterJobs = waitForAlterJobs;
        }

        public Duration getAlterTimeout() {
            return this.alterTimeout;
        }

        public void setAlterTimeout(Duration alterTimeout) {
            this.alterTimeout = alterTimeout;
        }

        public Integer getHistoryReplicationNum() {
            return this.historyReplicationNum;
        }

        public void setHistoryReplicationNum(Integer historyReplicationNum) {
            this.historyReplicationNum = historyReplicationNum;
        }

    }

}
