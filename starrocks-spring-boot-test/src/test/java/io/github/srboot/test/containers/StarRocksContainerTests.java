package io.github.srboot.test.containers;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link StarRocksContainer} configures before it starts (no Docker needed).
 */
class StarRocksContainerTests {

    @Test
    void pinsTheAllInOne35Image() {
        assertThat(StarRocksContainer.IMAGE.withTag(StarRocksContainer.DEFAULT_TAG).asCanonicalNameString())
            .isEqualTo("starrocks/allin1-ubuntu:3.5.5");
        try (StarRocksContainer container = new StarRocksContainer()) {
            assertThat(container.getExposedPorts()).containsExactly(9030, 8030, 8040);
            assertThat(container.getDriverClassName()).isEqualTo("com.mysql.cj.jdbc.Driver");
            assertThat(container.getDatabaseName()).isEqualTo("test");
            assertThat(container.getUsername()).isEqualTo("root");
            assertThat(container.getPassword()).isEmpty();
        }
    }

    @Test
    void refusesOtherImages() {
        assertThatThrownBy(() -> new StarRocksContainer("mysql:8.4")).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("starrocks/allin1-ubuntu");
    }

    @Test
    void lowersTheFrontendHeapThenRunsTheImageStartCommand() {
        assertThat(StarRocksContainer.frontendHeapScript("1536m", List.of("/bin/sh", "-c", "./entrypoint.sh")))
            .isEqualTo("sed -i -E 's/-Xmx[0-9]+[mMgG]/-Xmx1536m/g' /data/deploy/starrocks/fe/conf/fe.conf "
                    + "|| echo 'StarRocksContainer: could not lower the FE heap in "
                    + "/data/deploy/starrocks/fe/conf/fe.conf' >&2; exec '/bin/sh' '-c' './entrypoint.sh'");
    }

    @Test
    void quotesTheStartCommandForTheShell() {
        assertThat(StarRocksContainer.frontendHeapScript("1g", List.of("run", "it's")))
            .endsWith("; exec 'run' 'it'\\''s'");
    }

    @Test
    void rejectsHeapSizesThatWouldBreakTheCommand() {
        try (StarRocksContainer container = new StarRocksContainer()) {
            assertThatIllegalArgumentException().isThrownBy(() -> container.withFrontendHeap("1g; rm -rf /"))
                .withMessageContaining("1g; rm -rf /");
            assertThatIllegalArgumentException().isThrownBy(() -> container.withDatabaseName(" "));
        }
    }

    @Test
    @SuppressWarnings("rawtypes")
    void serviceConnectionFactoryIsRegistered() {
        // Other factories on the classpath may need absent optional classes: skip those, as Boot does.
        List<ConnectionDetailsFactory> factories = SpringFactoriesLoader.forDefaultResourceLocation()
            .load(ConnectionDetailsFactory.class, FailureHandler.handleMessage((message, failure) -> {
            }));
        assertThat(factories).hasAtLeastOneElementOfType(StarRocksContainerConnectionDetailsFactory.class);
    }

}
