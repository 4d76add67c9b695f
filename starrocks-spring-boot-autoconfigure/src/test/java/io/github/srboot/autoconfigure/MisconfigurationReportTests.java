package io.github.srboot.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.env.MockEnvironment;

import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.streamload.StreamLoadTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a user sees when the configuration is wrong: the log line for unknown {@code starrocks.*} keys, and the
 * failure reports for a missing template and for a port in use in a non-web application. Each test starts a real
 * {@code SpringApplication}, because these reports are written by Spring Boot's start-up (listeners and failure
 * analyzers), which an {@code ApplicationContextRunner} does not run.
 */
@ExtendWith(OutputCaptureExtension.class)
class MisconfigurationReportTests {

    private static ConfigurableApplicationContext run(Class<?> configuration, WebApplicationType type,
            String... args) {
        return new SpringApplicationBuilder(configuration).web(type)
            .properties("spring.main.banner-mode=off")
            .run(args);
    }

    @Test
    void aMisspelledKeyIsLoggedWithTheClosestProperty(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run(StarRocksOnly.class, WebApplicationType.NONE,
                "--starrocks.http.frontend=http://127.0.0.1:8030", "--starrocks.database=shop",
                "--starrocks.stream-load.batch.max-rows=10", "--starrocks.http.frontends[0]=http://127.0.0.1:8030",
                "--spring.config.import=classpath:misconfigured.properties")) {
            assertThat(output).contains("Unknown StarRocks properties are ignored:")
                .contains("starrocks.http.frontend (from property source \"commandLineArgs\"): did you mean "
                        + "starrocks.http.frontends?")
                .contains("starrocks.stream-load.batch.max-row (from class path resource [misconfigured.properties]"
                        + " - 2:37): did you mean starrocks.stream-load.batch.max-rows?")
                .doesNotContain("starrocks.database (")
                .doesNotContain("starrocks.stream-load.batch.max-rows (")
                .doesNotContain("starrocks.http.frontends[0] (");
        }
    }

    @Test
    void knownKeysAloneLogNothing(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run(StarRocksOnly.class, WebApplicationType.NONE,
                "--starrocks.http.frontends=http://127.0.0.1:8030", "--starrocks.schema.drift-check=fail")) {
            assertThat(output).doesNotContain("Unknown StarRocks properties");
        }
    }

    @Test
    void closestPropertyIsFoundForTyposAndMisplacedKeys() {
        List<String> known = UnknownStarRocksProperties.knownNames(getClass().getClassLoader());
        assertThat(known).contains("starrocks.http.frontends", "starrocks.flyway.alter-timeout");
        assertThat(UnknownStarRocksProperties.closest("starrocks.http.frontend", known))
            .isEqualTo("starrocks.http.frontends");
        assertThat(UnknownStarRocksProperties.closest("starrocks.stream-load.batch.max-row", known))
            .isEqualTo("starrocks.stream-load.batch.max-rows");
        assertThat(UnknownStarRocksProperties.closest("starrocks.frontends[0]", known))
            .isEqualTo("starrocks.http.frontends");
        assertThat(UnknownStarRocksProperties.closest("starrocks.completely-unrelated-setting", known)).isNull();
        assertThat(UnknownStarRocksProperties.editDistance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void environmentVariablesAreNotChecked() {
        MockEnvironment environment = new MockEnvironment().withProperty("starrocks.htp.frontends", "http://a:8030");
        environment.getPropertySources()
            .addLast(new org.springframework.core.env.SystemEnvironmentPropertySource("systemEnvironment",
                    java.util.Map.of("STARROCKS_HOST", "fe1")));
        assertThat(UnknownStarRocksProperties.find(environment, getClass().getClassLoader()))
            .extracting(UnknownStarRocksProperties.Unknown::name)
            .containsExactly("starrocks.htp.frontends");
    }

    @Test
    void aMissingStreamLoadTemplateNamesThePropertyAndTheMisspelledKey(CapturedOutput output) {
        assertThatException().isThrownBy(() -> run(NeedsStreamLoad.class, WebApplicationType.NONE,
                "--starrocks.http.frontend=http://127.0.0.1:8030"));
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("A bean needs a StreamLoadTemplate, but the StarRocks starter did not create one: it is created "
                    + "when FE HTTP URLs are configured (starrocks.http.frontends), and none is.")
            .contains("Set starrocks.http.frontends to the FE HTTP address, e.g. "
                    + "starrocks.http.frontends=http://127.0.0.1:8030")
            .contains("These starrocks.* keys are set but no StarRocks property has them:")
            .contains("did you mean starrocks.http.frontends?")
            .doesNotContain("that could not be found");
    }

    @Test
    void aStreamLoadTemplateSwitchedOffSaysSo(CapturedOutput output) {
        assertThatException().isThrownBy(() -> run(NeedsStreamLoad.class, WebApplicationType.NONE,
                "--starrocks.http.frontends=http://127.0.0.1:8030", "--starrocks.stream-load.enabled=false"));
        assertThat(output).contains("A bean needs a StreamLoadTemplate, but the StarRocks starter did not create "
                + "one: starrocks.stream-load.enabled is false.");
    }

    @Test
    void aMissingStarRocksTemplateNamesTheDataSourceUrl(CapturedOutput output) {
        assertThatException().isThrownBy(() -> run(NeedsStarRocksTemplate.class, WebApplicationType.NONE));
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("A bean needs a StarRocksTemplate, but the StarRocks starter did not create one: it is created "
                    + "on the application's DataSource when that DataSource is StarRocks, and spring.datasource.url "
                    + "is not set.")
            .contains("spring.datasource.url=jdbc:mysql://127.0.0.1:9030/shop")
            .contains("starrocks.jdbc.enabled=true");
    }

    @Test
    void aNonWebApplicationFindingItsPortInUseIsToldToSwitchTheServerOff(CapturedOutput output) throws IOException {
        try (ServerSocket taken = takenPort()) {
            assertThatException().isThrownBy(() -> run(UnintendedWebServerWarningTests.NoEndpoints.class,
                    WebApplicationType.REACTIVE, "--server.port=" + taken.getLocalPort(),
                    "--starrocks.http.frontends=http://127.0.0.1:8030"));
            assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("A reactive web server could not start: port " + taken.getLocalPort()
                        + " is already in use. This application defines no controller or RouterFunction")
                .contains("set spring.main.web-application-type=none");
        }
    }

    @Test
    void aWebApplicationWithRoutesKeepsSpringBootsReport(CapturedOutput output) throws IOException {
        try (ServerSocket taken = takenPort()) {
            assertThatException().isThrownBy(() -> run(UnintendedWebServerWarningTests.WithRoutes.class,
                    WebApplicationType.REACTIVE, "--server.port=" + taken.getLocalPort(),
                    "--starrocks.http.frontends=http://127.0.0.1:8030"));
            assertThat(output).contains("Port " + taken.getLocalPort() + " was already in use")
                .doesNotContain("spring.main.web-application-type=none");
        }
    }

    private static ServerSocket takenPort() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ StarRocksAutoConfiguration.class, StreamLoadAutoConfiguration.class })
    static class StarRocksOnly {

    }

    @Configuration(proxyBeanMethods = false)
    @Import(StarRocksOnly.class)
    static class NeedsStreamLoad {

        @Bean
        String loader(StreamLoadTemplate streamLoad) {
            return "loader";
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, StarRocksAutoConfiguration.class,
            StarRocksJdbcAutoConfiguration.class })
    static class NeedsStarRocksTemplate {

        @Bean
        String repository(StarRocksTemplate template) {
            return "repository";
        }

    }

}
