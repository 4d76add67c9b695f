package io.github.srboot.test.containers;

import java.net.URI;
import java.util.List;

import io.github.srboot.autoconfigure.StarRocksConnectionDetails;
import io.github.srboot.streamload.HostRewrite;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * Supplies {@link StarRocksConnectionDetails} (FE HTTP URL, credentials, database, the BE redirect rewrite) for a
 * {@code @ServiceConnection}
 * {@link StarRocksContainer}; Spring Boot's own factory supplies the JDBC details from the same container.
 */
class StarRocksContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<StarRocksContainer, StarRocksConnectionDetails> {

    @Override
    protected StarRocksConnectionDetails getContainerConnectionDetails(
            ContainerConnectionSource<StarRocksContainer> source) {
        return new StarRocksContainerConnectionDetails(source);
    }

    /**
     * The connection details read from the running container.
     */
    static final class StarRocksContainerConnectionDetails extends ContainerConnectionDetails<StarRocksContainer>
            implements StarRocksConnectionDetails {

        StarRocksContainerConnectionDetails(ContainerConnectionSource<StarRocksContainer> source) {
            super(source);
        }

        @Override
        public List<URI> getFrontends() {
            return List.of(getContainer().getFrontendHttpUrl());
        }

        @Override
        public String getUsername() {
            return getContainer().getUsername();
        }

        @Override
        public String getPassword() {
            return getContainer().getPassword();
        }

        @Override
        public String getDatabase() {
            return getContainer().getDatabaseName();
        }

        /**
         * The BE announces 127.0.0.1:8040 inside the container: Stream Load redirects go to its mapped port.
         */
        @Override
        public HostRewrite getRedirectHostRewrite() {
            URI backend = getContainer().getBackendHttpUrl();
            return new HostRewrite(backend.getHost(), backend.getPort());
        }

    }

}
