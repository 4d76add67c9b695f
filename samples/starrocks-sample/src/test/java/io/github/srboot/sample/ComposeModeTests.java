package io.github.srboot.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.srboot.autoconfigure.StarRocksProperties;
import io.github.srboot.schema.StarRocksSchemaDiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

/**
 * {@code --compose} selects the cluster target and switches on Spring Boot's Docker Compose support with the
 * sample's {@code compose.yaml}; without it Docker Compose support stays off. (No container is started: Docker is
 * not available to this build.)
 */
class ComposeModeTests {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    private static final Path COMPOSE_FILE = MODULE.resolve("compose.yaml");

    @Test
    void composeOptionSelectsComposeModeWhateverTheEnvironment() {
        assertThat(SampleMode.of(new String[] { "--compose" }, Map.of())).isEqualTo(SampleMode.COMPOSE);
        assertThat(SampleMode.of(new String[] { "--server", "--compose" }, Map.of("STARROCKS_HOST", "db")))
            .isEqualTo(SampleMode.COMPOSE);
        assertThat(SampleMode.of(new String[0], Map.of())).isEqualTo(SampleMode.STUB);
        assertThat(SampleMode.of(new String[0], Map.of("STARROCKS_HOST", "db"))).isEqualTo(SampleMode.CLUSTER);
    }

    @Test
    void composeModeFindsTheSampleFileFromTheSampleDirectoryAndFromTheRepositoryRoot() {
        assertThat(SampleMode.COMPOSE.arguments(MODULE)).containsExactly("--spring.docker.compose.enabled=true",
                "--spring.docker.compose.file=" + COMPOSE_FILE);
        assertThat(SampleMode.COMPOSE.arguments(MODULE.resolve("../.."))).containsExactly(
                "--spring.docker.compose.enabled=true", "--spring.docker.compose.file=" + COMPOSE_FILE);
        assertThat(SampleMode.STUB.arguments(MODULE)).isEmpty();
        assertThat(SampleMode.CLUSTER.arguments(MODULE)).isEmpty();
    }

    @Test
    void composeModeWithoutTheFileFailsInsteadOfUsingTheStub(@TempDir Path elsewhere) {
        assertThatIllegalStateException().isThrownBy(() -> SampleMode.COMPOSE.arguments(elsewhere))
            .withMessageContaining("--compose needs the sample's compose.yaml")
            .withMessageContaining(elsewhere.toAbsolutePath().normalize().toString());
    }

    @Test
    void composeModeUsesTheClusterTargetWithDockerComposeSupportOnTheSampleFile() {
        contextFor(SampleMode.COMPOSE).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SampleTarget.class)).isInstanceOf(ClusterTarget.class);
            Binder binder = Binder.get(context.getEnvironment());
            assertThat(binder.bind("spring.docker.compose.enabled", Boolean.class).get()).isTrue();
            assertThat(binder.bind("spring.docker.compose.file", String.class).get()).isEqualTo(COMPOSE_FILE.toString());
        });
        assertThat(ClassUtils.isPresent("org.springframework.boot.docker.compose.lifecycle.DockerComposeListener",
                getClass().getClassLoader()))
            .as("spring-boot-docker-compose on the sample's classpath")
            .isTrue();
    }

    @Test
    void withoutTheOptionDockerComposeSupportStaysOff() {
        contextFor(SampleMode.CLUSTER).run((context) -> {
            assertThat(context.getBean(SampleTarget.class)).isInstanceOf(ClusterTarget.class);
            assertThat(Binder.get(context.getEnvironment()).bind("spring.docker.compose.enabled", Boolean.class).get())
                .isFalse();
        });
        contextFor(SampleMode.STUB).run((context) -> {
            assertThat(context.getBean(SampleTarget.class)).isInstanceOf(EmbeddedTarget.class);
            assertThat(Binder.get(context.getEnvironment()).bind("spring.docker.compose.enabled", Boolean.class).get())
                .isFalse();
        });
    }

    private static StarRocksProperties properties() {
        StarRocksProperties properties = new StarRocksProperties();
        properties.setDatabase("shop");
        return properties;
    }

    /**
     * The sample's targets with application.yml, the mode's profiles and the mode's arguments (as
     * {@code StarRocksSampleApplication.start} passes them), the JDBC side mocked.
     */
    private static ApplicationContextRunner contextFor(SampleMode mode) {
        List<String> properties = mode.arguments(MODULE).stream().map((arg) -> arg.substring(2)).toList();
        return new ApplicationContextRunner()
            .withInitializer((context) -> context.getEnvironment().setActiveProfiles(mode.profiles()))
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues(properties.toArray(String[]::new))
            .withUserConfiguration(SampleTargets.class)
            .withBean(JdbcTemplate.class, () -> mock(JdbcTemplate.class))
            .withBean(StarRocksSchemaDiff.class, () -> mock(StarRocksSchemaDiff.class))
            .withBean(StarRocksProperties.class, ComposeModeTests::properties);
    }

}
