package io.github.srboot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Configuration properties of the StarRocks starter, bound to {@code starrocks.*}.
 *
 * <p>JDBC access uses the application's {@code DataSource} ({@code spring.datasource.*}); the credentials here are
 * for the FE/BE HTTP interface (Stream Load, health, load state).
 */
@ConfigurationProperties(prefix = "starrocks")
public class StarRocksProperties implements InitializingBean {

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

    /**
     * Fails start-up on values that would only fail later, far from their cause, naming the property.
     */
    @Override
    public void afterPropertiesSet() {
        List<URI> frontends = this.http.getFrontends();
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
        requireNotNegative("starrocks.http.connect-timeout", this.http.getConnectTimeout());
        requireNotNegative("starrocks.http.read-timeout", this.http.getReadTimeout());
        requireNotNegative("starrocks.schema.alter-poll-interval", this.schema.getAlterPollInterval());
        requireNotNegative("starrocks.schema.alter-timeout", this.schema.getAlterTimeout());
        if (Boolean.TRUE.equals(this.streamLoad.getEnabled()) && frontends.isEmpty()) {
            throw new InvalidConfigurationPropertyValueException("starrocks.http.frontends", frontends,
                    "Stream Load is enabled (starrocks.stream-load.enabled=true) but no FE HTTP URL is configured.");
        }
    }

    static void requireNotNegative(String name, Duration value) {
        if (value != null && value.isNegative()) {
            throw new InvalidConfigurationPropertyValueException(name, value, "A timeout or interval cannot be negative.");
        }
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

    }

    /**
     * Stream Load ingestion through {@code StreamLoadTemplate}.
     */
    public static class StreamLoad {

        /**
         * Whether to auto-configure the StreamLoadTemplate. When not set, it is enabled as soon as
         * starrocks.http.frontends is configured; when true, frontends are required.
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
         * writes the file at start-up and exits. For example
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

}
