package io.github.srboot.test.support;

import java.net.URI;
import java.util.Map;

import javax.sql.DataSource;

import io.github.srboot.test.containers.StarRocksContainer;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The StarRocks the integration tests run against: an external cluster when {@code STARROCKS_JDBC_URL} is set
 * (with {@code STARROCKS_HTTP_URL}, {@code STARROCKS_USERNAME}, {@code STARROCKS_PASSWORD}), otherwise one
 * {@link StarRocksContainer} shared by all tests of the run (Testcontainers removes it at the end).
 */
public final class StarRocksTestCluster {

    private static StarRocksTestCluster shared;

    private static StarRocksContainer container;

    private final String jdbcUrl;

    private final String username;

    private final String password;

    private final URI frontend;

    private StarRocksTestCluster(String jdbcUrl, String username, String password, URI frontend) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.frontend = frontend;
    }

    /**
     * The cluster for this run, started on first use.
     */
    public static synchronized StarRocksTestCluster get() {
        if (shared == null) {
            shared = create(System.getenv());
        }
        return shared;
    }

    private static StarRocksTestCluster create(Map<String, String> environment) {
        String externalUrl = configured(environment, "STARROCKS_JDBC_URL");
        if (externalUrl != null) {
            String http = configured(environment, "STARROCKS_HTTP_URL");
            String username = configured(environment, "STARROCKS_USERNAME");
            String password = configured(environment, "STARROCKS_PASSWORD");
            return new StarRocksTestCluster(externalUrl, (username != null) ? username : "root",
                    (password != null) ? password : "", (http != null) ? URI.create(http) : null);
        }
        StarRocksContainer started = container();
        return new StarRocksTestCluster(started.getJdbcUrl(), started.getUsername(), started.getPassword(),
                started.getFrontendHttpUrl());
    }

    /**
     * The shared container, started on first use (needs Docker; ignores any external cluster).
     */
    public static synchronized StarRocksContainer container() {
        if (container == null) {
            StarRocksContainer created = new StarRocksContainer();
            created.start();
            container = created;
        }
        return container;
    }

    /**
     * An environment variable's value, or {@code null} when unset, blank or an unresolved {@code ${...}} Maven
     * placeholder. Failsafe always forwards {@code STARROCKS_JDBC_URL} and {@code STARROCKS_HTTP_URL} (see the
     * parent POM), as empty strings when they are not set, so "set" must mean "not blank".
     */
    static String configured(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return (value == null || value.isBlank() || value.startsWith("${")) ? null : value;
    }

    /**
     * Whether an external cluster is configured.
     */
    public static boolean isExternalClusterConfigured() {
        return configured(System.getenv(), "STARROCKS_JDBC_URL") != null;
    }

    /**
     * A DataSource opening plain connections to the cluster.
     */
    public DataSource dataSource() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(this.jdbcUrl, this.username, this.password);
        dataSource.setDriverClassName("com.mysql.cj.jdbc.Driver");
        return dataSource;
    }

    /**
     * The JDBC URL, user and password, as {@code spring.datasource.*} properties.
     */
    public String[] dataSourceProperties() {
        return new String[] { "spring.datasource.url=" + this.jdbcUrl, "spring.datasource.username=" + this.username,
                "spring.datasource.password=" + this.password };
    }

    /**
     * The FE HTTP URL, or {@code null} when an external cluster was configured without one.
     */
    public URI frontend() {
        return this.frontend;
    }


    /**
     * The user for SQL and HTTP.
     */
    public String username() {
        return this.username;
    }

    /**
     * The password for SQL and HTTP.
     */
    public String password() {
        return this.password;
    }

    /**
     * A {@link io.github.srboot.streamload.StreamLoadTemplate} builder pointed at the cluster's FE, with the
     * container's BE address rewrite when the cluster is the container (its BE announces an address the host
     * cannot reach).
     */
    public io.github.srboot.streamload.StreamLoadTemplate.Builder streamLoadTemplate(String database) {
        io.github.srboot.streamload.StreamLoadTemplate.Builder builder = io.github.srboot.streamload.StreamLoadTemplate
            .builder()
            .frontends(java.util.List.of(this.frontend))
            .credentials(this.username, this.password)
            .database(database);
        if (!isExternalClusterConfigured()) {
            URI backend = container().getBackendHttpUrl();
            builder.redirectHostRewrite(new io.github.srboot.streamload.HostRewrite(backend.getHost(),
                    backend.getPort()));
        }
        return builder;
    }

}
