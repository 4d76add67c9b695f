package io.github.srboot.autoconfigure;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.srboot.streamload.HostRewrite;

import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Docker Compose connection details for the StarRocks images, from a described running service (Docker is not
 * needed: Spring Boot hands the factories a {@link RunningService}).
 */
class StarRocksDockerComposeConnectionDetailsFactoryTests {

    private static RunningService service(String image, Map<String, String> labels) {
        RunningService service = mock(RunningService.class);
        ConnectionPorts ports = mock(ConnectionPorts.class);
        given(service.image()).willReturn(ImageReference.of(image));
        given(service.host()).willReturn("192.168.1.20");
        given(service.labels()).willReturn(labels);
        given(service.env()).willReturn(Map.of());
        given(service.ports()).willReturn(ports);
        given(ports.get(9030)).willReturn(32801);
        given(ports.get(8030)).willReturn(32802);
        given(ports.get(8040)).willReturn(32803);
        return service;
    }

    /** Spring Boot creates the source itself; its constructor is not public. */
    private static DockerComposeConnectionSource source(RunningService service, Environment environment)
            throws ReflectiveOperationException {
        Constructor<DockerComposeConnectionSource> constructor = DockerComposeConnectionSource.class
            .getDeclaredConstructor(RunningService.class, Environment.class);
        constructor.setAccessible(true);
        return constructor.newInstance(service, environment);
    }

    @Test
    void allInOneImageSuppliesFrontendCredentialsDatabaseAndTheBackendRewrite() throws Exception {
        MockEnvironment environment = new MockEnvironment().withProperty("starrocks.database", "shop");
        StarRocksConnectionDetails details = new StarRocksDockerComposeConnectionDetailsFactory()
            .getConnectionDetails(source(service("starrocks/allin1-ubuntu:3.5.5", Map.of()), environment));

        assertThat(details).isNotNull();
        assertThat(details.getFrontends()).containsExactly(URI.create("http://192.168.1.20:32802"));
        assertThat(details.getUsername()).isEqualTo("root");
        assertThat(details.getPassword()).isEmpty();
        assertThat(details.getDatabase()).isEqualTo("shop");
        assertThat(details.getRedirectHostRewrite()).isEqualTo(new HostRewrite("192.168.1.20", 32803));
    }

    @Test
    void allInOneImageSuppliesAJdbcUrlWithoutTheDatabaseAFreshContainerDoesNotHave() throws Exception {
        MockEnvironment environment = new MockEnvironment().withProperty("starrocks.database", "shop")
            .withProperty("starrocks.username", "app")
            .withProperty("starrocks.password", "secret");
        JdbcConnectionDetails jdbc = new StarRocksJdbcDockerComposeConnectionDetailsFactory()
            .getConnectionDetails(source(service("starrocks/allin1-ubuntu:3.5.5", Map.of()), environment));

        assertThat(jdbc.getJdbcUrl()).isEqualTo("jdbc:mysql://192.168.1.20:32801/");
        assertThat(jdbc.getDriverClassName()).isEqualTo("com.mysql.cj.jdbc.Driver");
        assertThat(jdbc.getUsername()).isEqualTo("app");
        assertThat(jdbc.getPassword()).isEqualTo("secret");
        assertThat(jdbc.toString()).doesNotContain("secret");
    }

    @Test
    void frontendImageHasNoBackendToRewriteTo() throws Exception {
        StarRocksConnectionDetails details = new StarRocksDockerComposeConnectionDetailsFactory()
            .getConnectionDetails(source(service("starrocks/fe-ubuntu:3.5.5", Map.of()), new MockEnvironment()));

        assertThat(details.getFrontends()).containsExactly(URI.create("http://192.168.1.20:32802"));
        assertThat(details.getRedirectHostRewrite()).isNull();
        assertThat(details.getDatabase()).isNull();
    }

    @Test
    void frontendImageJdbcUrlNamesNoDatabaseEither() throws Exception {
        MockEnvironment environment = new MockEnvironment().withProperty("starrocks.database", "shop");
        JdbcConnectionDetails jdbc = new StarRocksJdbcDockerComposeConnectionDetailsFactory()
            .getConnectionDetails(source(service("starrocks/fe-ubuntu:3.5.5", Map.of()), environment));
        StarRocksConnectionDetails details = new StarRocksDockerComposeConnectionDetailsFactory()
            .getConnectionDetails(source(service("starrocks/fe-ubuntu:3.5.5", Map.of()), environment));

        assertThat(jdbc.getJdbcUrl()).isEqualTo("jdbc:mysql://192.168.1.20:32801/");
        assertThat(details.getDatabase()).isEqualTo("shop");
    }

    @Test
    void otherImagesAreLeftAlone() throws Exception {
        assertThat(new StarRocksDockerComposeConnectionDetailsFactory()
            .getConnectionDetails(source(service("mysql:8.4", Map.of()), new MockEnvironment()))).isNull();
        assertThat(new StarRocksJdbcDockerComposeConnectionDetailsFactory()
            .getConnectionDetails(source(service("starrocks/be-ubuntu:3.5.5", Map.of()), new MockEnvironment())))
            .isNull();
    }

    @Test
    void aServiceConnectionLabelSelectsAMirroredImage() throws Exception {
        RunningService mirrored = service("registry.example.com/mirror/sr-allin1:3.5.5",
                Map.of("org.springframework.boot.service-connection", "starrocks/allin1-ubuntu"));
        assertThat(new StarRocksDockerComposeConnectionDetailsFactory()
            .getConnectionDetails(source(mirrored, new MockEnvironment()))).isNotNull();
    }

    @Test
    void bothFactoriesAreRegisteredWhereSpringBootLooks() {
        List<ConnectionDetailsFactory> factories = SpringFactoriesLoader.forDefaultResourceLocation()
            .load(ConnectionDetailsFactory.class);
        assertThat(factories).hasAtLeastOneElementOfType(StarRocksDockerComposeConnectionDetailsFactory.class)
            .hasAtLeastOneElementOfType(StarRocksJdbcDockerComposeConnectionDetailsFactory.class);
    }

}
