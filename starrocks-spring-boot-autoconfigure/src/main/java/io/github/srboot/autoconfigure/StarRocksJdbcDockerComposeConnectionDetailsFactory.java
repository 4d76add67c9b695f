package io.github.srboot.autoconfigure;

import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.core.env.Environment;

/**
 * Supplies Spring Boot's {@link JdbcConnectionDetails} for a Docker Compose service running
 * {@code starrocks/allin1-ubuntu} or {@code starrocks/fe-ubuntu}: {@code jdbc:mysql://host:port/} on the port
 * Docker maps the FE's 9030 to, with the credentials of {@link StarRocksDockerComposeConnectionDetailsFactory}, so
 * that the DataSource (and Flyway) reach the container.
 *
 * <p>The URL names no database: a fresh container has none (the images create no database), and a connection to a
 * missing one is refused, which would keep Flyway from creating it ({@code spring.flyway.schemas}).
 * {@code starrocks.database} still names the database of {@code StarRocksTemplate} and Stream Load.
 */
class StarRocksJdbcDockerComposeConnectionDetailsFactory
        extends DockerComposeConnectionDetailsFactory<JdbcConnectionDetails> {

    static final int QUERY_PORT = 9030;

    StarRocksJdbcDockerComposeConnectionDetailsFactory() {
        super(StarRocksDockerComposeConnectionDetailsFactory.IMAGES);
    }

    @Override
    protected JdbcConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
        return new StarRocksJdbcDockerComposeConnectionDetails(source.getRunningService(), source.getEnvironment());
    }

    /**
     * The JDBC connection details of one running StarRocks service.
     */
    static final class StarRocksJdbcDockerComposeConnectionDetails extends DockerComposeConnectionDetails
            implements JdbcConnectionDetails {

        private final String jdbcUrl;

        private final StarRocksDockerComposeConnectionDetailsFactory.Account account;

        StarRocksJdbcDockerComposeConnectionDetails(RunningService service, Environment environment) {
            super(service);
            this.account = StarRocksDockerComposeConnectionDetailsFactory.Account.of(environment);
            this.jdbcUrl = "jdbc:mysql://" + service.host() + ":" + service.ports().get(QUERY_PORT) + "/";
        }

        @Override
        public String getJdbcUrl() {
            return this.jdbcUrl;
        }

        @Override
        public String getUsername() {
            return this.account.username();
        }

        @Override
        public String getPassword() {
            return this.account.password();
        }

        @Override
        public String toString() {
            return "StarRocksJdbcDockerComposeConnectionDetails[jdbcUrl=" + this.jdbcUrl + ", " + this.account + "]";
        }

    }

}
