package io.github.srboot.test.streamload;

import java.net.URI;

import io.github.srboot.autoconfigure.StarRocksAutoConfiguration;
import io.github.srboot.autoconfigure.StarRocksConnectionDetails;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring test hook: {@link StreamLoadStub} on a {@code @SpringBootTest} points {@code starrocks.*} at the stub.
 */
@SpringBootTest(classes = StreamLoadStubSpringTests.Config.class)
@StreamLoadStub(frontends = 2, username = "loader", password = "pw", database = "shop")
class StreamLoadStubSpringTests {

    @Autowired
    StarRocksConnectionDetails connectionDetails;

    @Test
    void connectionDetailsPointAtTheStub(StreamLoadStubServer stub) {
        assertThat(this.connectionDetails.getFrontends()).containsExactlyElementsOf(stub.frontendUrls());
        assertThat(this.connectionDetails.getFrontends()).allSatisfy(
                (url) -> assertThat(url.getHost()).isEqualTo("127.0.0.1"));
        assertThat(this.connectionDetails.getUsername()).isEqualTo("loader");
        assertThat(this.connectionDetails.getPassword()).isEqualTo("pw");
        assertThat(this.connectionDetails.getDatabase()).isEqualTo("shop");
    }

    @Test
    void propertiesForDynamicPropertySourceMatchTheStub(StreamLoadStubServer stub) {
        URI second = stub.frontendUrls().get(1);
        assertThat(StreamLoadStubProperties.of(stub, null))
            .containsEntry("starrocks.http.frontends[1]", second.toString())
            .containsEntry("starrocks.username", "loader")
            .doesNotContainKey("starrocks.database");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(StarRocksAutoConfiguration.class)
    static class Config {

    }

}
