package io.github.srboot.autoconfigure;

import java.net.URI;
import java.util.List;

import io.github.srboot.streamload.HostRewrite;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.core.env.Environment;

/**
 * Supplies {@link StarRocksConnectionDetails} (FE HTTP URL, credentials, database, BE redirect rewrite) for a
 * Docker Compose service running {@code starrocks/allin1-ubuntu} or the FE image {@code starrocks/fe-ubuntu}
 * (or labelled {@code org.springframework.boot.service-connection: starrocks/allin1-ubuntu}).
 *
 * <p>The all-in-one image's BE registers as {@code 127.0.0.1:8040} inside the container, so Stream Load redirects
 * are rewritten to the host and port Docker maps its 8040 to. With separate FE and BE services the BE is another
 * service this factory does not see: set {@code starrocks.http.redirect-host-rewrite} (or make the BE's announced
 * address reachable). The images create no user or database: credentials and database are taken from
 * {@code starrocks.username} (default {@code root}), {@code starrocks.password} (default empty) and
 * {@code starrocks.database}.
 */
class StarRocksDockerComposeConnectionDetailsFactory
        extends DockerComposeConnectionDetailsFactory<StarRocksConnectionDetails> {

    /** The images this factory (and its JDBC sibling) recognises. */
    static final String[] IMAGES = { "starrocks/allin1-ubuntu", "starrocks/fe-ubuntu" };

    static final int FE_HTTP_PORT = 8030;

    static final int BE_HTTP_PORT = 8040;

    StarRocksDockerComposeConnectionDetailsFactory() {
        super(IMAGES);
    }

    @Override
    protected StarRocksConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
        return new StarRocksDockerComposeConnectionDetails(source.getRunningService(), source.getEnvironment());
    }

    /**
     * The credentials and database of a StarRocks service: the images create no user and no database, so they are
     * what the application is configured with ({@code starrocks.username}, default {@code root};
     * {@code starrocks.password}, default empty; {@code starrocks.database}, default none).
     */
    record Account(String username, String password, String database) {

        static Account of(Environment environment) {
            return new Account(environment.getProperty("starrocks.username", "root"),
                    environment.getProperty("starrocks.password", ""), environment.getProperty("starrocks.database"));
        }

        @Override
        public String toString() {
            return "Account[username=" + this.username + ", database=" + this.database + "]";
        }

    }

    /**
     * Whether the service is the all-in-one image, whose BE runs in the same container.
     */
    static boolean isAllInOne(RunningService service) {
        return service.image().getName().endsWith("allin1-ubuntu");
    }

    /**
     * The connection details of one running StarRocks service.
     */
    static final class StarRocksDockerComposeConnectionDetails extends DockerComposeConnectionDetails
            implements StarRocksConnectionDetails {

        private final URI frontend;

        private final HostRewrite redirectHostRewrite;

        private final Account account;

        StarRocksDockerComposeConnectionDetails(RunningService service, Environment environment) {
            super(service);
            this.frontend = URI.create("http://" + service.host() + ":" + service.ports().get(FE_HTTP_PORT));
            this.redirectHostRewrite = isAllInOne(service)
                    ? new HostRewrite(service.host(), service.ports().get(BE_HTTP_PORT)) : null;
            this.account = Account.of(environment);
        }

        @Override
        public List<URI> getFrontends() {
            return List.of(this.frontend);
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
        public String getDatabase() {
            return this.account.database();
        }

        @Override
        public HostRewrite getRedirectHostRewrite() {
            return this.redirectHostRewrite;
        }

        @Override
        public String toString() {
            return "StarRocksDockerComposeConnectionDetails[frontend=" + this.frontend + ", " + this.account
                    + ", redirectHostRewrite=" + this.redirectHostRewrite + "]";
        }

    }

}
