package io.github.srboot.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.reactive.server.ReactiveWebServerFactory;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Explains a start-up that fails because a reactive web server finds its port in use, for an application that
 * defines nothing to serve ({@link UnintendedWebServerWarning#servesNothingOfItsOwn}): Spring Boot started that
 * server only because spring-webflux, which Stream Load needs, is on the classpath, and
 * {@code spring.main.web-application-type=none} is the fix, not another port. Applications with controllers or
 * routes keep Spring Boot's own report.
 */
class WebServerPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

    private final BeanFactory beanFactory;

    /**
     * Created by Spring Boot's failure analysis with the failed application's bean factory.
     */
    WebServerPortInUseFailureAnalyzer(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        if (!(this.beanFactory instanceof ListableBeanFactory beans)
                || !ClassUtils.isPresent("org.springframework.web.reactive.DispatcherHandler", getClass().getClassLoader())
                || beans.getBeanNamesForType(ReactiveWebServerFactory.class, false, false).length == 0
                || !UnintendedWebServerWarning.servesNothingOfItsOwn(beans)) {
            return null;
        }
        return new FailureAnalysis("A reactive web server could not start: port " + cause.getPort()
                + " is already in use. This application defines no controller or RouterFunction; Spring Boot starts "
                + "the server only because spring-webflux is on the classpath (the StarRocks starter's Stream Load "
                + "client needs it).",
                "If this application is not meant to serve HTTP, set spring.main.web-application-type=none (for "
                        + "example in application.properties, or --spring.main.web-application-type=none). If it "
                        + "is, stop the process listening on port " + cause.getPort()
                        + " or set server.port to another port.",
                rootFailure);
    }

}
