package io.github.srboot.autoconfigure;

import java.net.URI;
import java.util.List;

import io.github.srboot.streamload.HostRewrite;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * How to reach StarRocks over HTTP (FE URLs, credentials, default database).
 *
 * <p>Defaults come from {@code starrocks.*} properties; a Testcontainers or Docker Compose service connection can
 * supply its own bean instead. JDBC connection details stay with Spring Boot's {@code JdbcConnectionDetails}.
 */
public interface StarRocksConnectionDetails extends ConnectionDetails {

    /**
     * FE HTTP base URLs such as {@code http://fe1:8030}, in the order to try them.
     */
    List<URI> getFrontends();

    /**
     * User for Stream Load and the FE HTTP API.
     */
    String getUsername();

    /**
     * Password for Stream Load and the FE HTTP API; empty when none.
     */
    String getPassword();

    /**
     * Default database for DDL and loads, or {@code null} when none is configured.
     */
    default String getDatabase() {
        return null;
    }

    /**
     * The host (and port) replacing the BE address in every Stream Load redirect, for BEs that announce an address
     * the application cannot reach (containers, NAT), or {@code null} to follow redirects as given.
     */
    default HostRewrite getRedirectHostRewrite() {
        return null;
    }

}
