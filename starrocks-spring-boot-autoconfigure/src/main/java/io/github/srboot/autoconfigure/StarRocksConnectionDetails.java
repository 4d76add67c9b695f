package io.github.srboot.autoconfigure;

import java.net.URI;
import java.util.List;

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
     * Host, or host:port, that replaces the address of every BE the FE redirects a Stream Load to (a BE that
     * announces an address the client cannot reach, as in a container), or {@code null} to use the address as given.
     */
    default String getRedirectHostRewrite() {
        return null;
    }

}
