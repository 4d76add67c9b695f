package io.github.srboot.autoconfigure;

import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.core.env.Environment;

/**
 * Supplies Spring Boot's {@link JdbcConnectionDetails} for a Docker Compose service running
 * {@code starrocks/allin1-ubuntu} or {@code starrocks/fe-ubuntu}: {@code jdbc:mysql://host:port/database} on the
 * port Docker maps the FE's 9030 to, with the credentials and database of
 * {@link StarRocksDockerComposeConnectionDetailsFactory}, so that the DataSource (and Flyway) reach the container.
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
            this.jdbcUrl = "jdbc:mysql://" + service.host() + ":" + service.ports().get(QUERY_PORT) + "/"
                    + ((this.account.database() != null) ? this.account.database() : "");
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
