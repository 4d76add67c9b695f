package io.github.srboot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.HttpHandlerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.ReactiveWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import io.github.srboot.streamload.StreamLoadTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An application that adds the starter without being a web application: Spring Boot deduces a reactive web
 * application from spring-webflux, and the starter says in one line what to set.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnintendedWebServerWarningTests {

    private static final String ADVICE = "set spring.main.web-application-type=none";

    private static ConfigurableApplicationContext run(Class<?> configuration, String... properties) {
        return new SpringApplicationBuilder(configuration)
            .properties("server.port=0", "starrocks.http.frontends=http://127.0.0.1:8030", "starrocks.database=db",
                    "spring.main.banner-mode=off")
            .properties(properties)
            .run();
    }

    @Test
    void aDeducedReactiveServerWithoutEndpointsIsReported(CapturedOutput output) {
        SpringApplicationBuilder probe = new SpringApplicationBuilder(NoEndpoints.class);
        assumeTrue(probe.application().getWebApplicationType() == WebApplicationType.REACTIVE,
                "This test classpath does not make Spring Boot deduce a reactive web application");
        try (ConfigurableApplicationContext context = run(NoEndpoints.class)) {
            assertThat(context).isInstanceOf(ReactiveWebServerApplicationContext.class);
            assertThat(context.getBean(StreamLoadTemplate.class)).isNotNull();
            assertThat(output).containsOnlyOnce(ADVICE).contains("A reactive web server started on port");
        }
    }

    @Test
    void aNonWebApplicationStartsNoServerAndGetsNoAdvice(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run(NoEndpoints.class, "spring.main.web-application-type=none")) {
            assertThat(context).isNotInstanceOf(ReactiveWebServerApplicationContext.class);
            assertThat(context.getBean(StreamLoadTemplate.class)).isNotNull();
            assertThat(context.getBeanNamesForType(UnintendedWebServerWarning.class)).isEmpty();
            assertThat(output).doesNotContain(ADVICE);
        }
    }

    @Test
    void aWebApplicationWithItsOwnRoutesGetsNoAdvice(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run(WithRoutes.class,
                "spring.main.web-application-type=reactive")) {
            assertThat(context).isInstanceOf(ReactiveWebServerApplicationContext.class);
            assertThat(output).doesNotContain(ADVICE);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ ReactiveWebServerFactoryAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
            WebFluxAutoConfiguration.class, StarRocksAutoConfiguration.class, StreamLoadAutoConfiguration.class })
    static class NoEndpoints {

    }

    @Configuration(proxyBeanMethods = false)
    @Import(NoEndpoints.class)
    static class WithRoutes {

        @Bean
        RouterFunction<ServerResponse> hello() {
            return RouterFunctions.route().GET("/hello", (request) -> ServerResponse.ok().bodyValue("hi")).build();
        }

    }

}
