package io.github.srboot.sample;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * With {@code --server}: a start page at {@code /} pointing at what there is to see.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class SampleRoutes {

    private static final String START_PAGE = """
            StarRocks sample
              /actuator/health                                health with its components
              /actuator/metrics/starrocks.stream-load.rows    rows loaded (also .loads, .bytes, .retries, .latency)
              /actuator/starrocks                             the cluster as probed: FEs, backends, version, drift
              /actuator/starrocksschema                       the schema diff, live against desired
            """;

    @Bean
    RouterFunction<ServerResponse> startPage() {
        return RouterFunctions.route()
            .GET("/", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(START_PAGE))
            .build();
    }

}
