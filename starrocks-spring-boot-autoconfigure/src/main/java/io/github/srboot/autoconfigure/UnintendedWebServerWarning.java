package io.github.srboot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Controller;
import org.springframework.web.reactive.function.server.RouterFunction;

/**
 * Says in one log line how to stop the web server that Spring Boot starts for an application without web endpoints
 * only because spring-webflux (which Stream Load's {@code WebClient} needs) is on the classpath.
 *
 * <p>Spring Boot deduces a reactive web application from spring-webflux being present, and a library has no clean
 * way to undo that without also taking the server away from real WebFlux applications; so the starter leaves the
 * deduction alone and points at {@code spring.main.web-application-type=none} when the server serves nothing of the
 * application's own (no {@code @Controller} bean, no {@code RouterFunction} bean).
 */
final class UnintendedWebServerWarning implements ApplicationListener<WebServerInitializedEvent> {

    private static final Log logger = LogFactory.getLog(UnintendedWebServerWarning.class);

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (!servesNothingOfItsOwn(event.getApplicationContext())) {
            return;
        }
        logger.warn("A reactive web server started on port " + event.getWebServer().getPort()
                + " although this application defines no controller or RouterFunction (spring-webflux is on the"
                + " classpath for Stream Load's WebClient); if it is not meant to serve HTTP, set"
                + " spring.main.web-application-type=none");
    }

    /**
     * Whether the application defines nothing for a web server to serve: no {@code @Controller} bean and no
     * {@code RouterFunction} bean. The one rule for the warning and for {@link WebServerPortInUseFailureAnalyzer}.
     */
    static boolean servesNothingOfItsOwn(ListableBeanFactory beans) {
        return beans.getBeanNamesForAnnotation(Controller.class).length == 0
                && beans.getBeanNamesForType(RouterFunction.class, false, false).length == 0;
    }

}
