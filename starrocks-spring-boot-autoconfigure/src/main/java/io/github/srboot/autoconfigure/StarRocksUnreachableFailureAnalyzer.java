package io.github.srboot.autoconfigure;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns "StarRocks is not reachable" at start-up into a short report instead of a long stack trace, and leaves
 * every other unreachable service (a Redis, a MySQL, a web API) to the analyzers that know it.
 *
 * <p>It looks for a failed connection (refused, unknown host, no route, or Connector/J's "Communications link
 * failure", SQL state 08S01) in the cause chain, and claims it only when it is about StarRocks: a failure in the
 * chain was thrown through this starter's own code ({@code jdbc}, {@code streamload}, {@code schema},
 * {@code flyway}, {@code actuate}), or its message names one of the configured StarRocks addresses (the hosts and
 * ports of {@code starrocks.http.frontends}, and of {@code spring.datasource.url} unless
 * {@code starrocks.jdbc.enabled=false}).
 */
class StarRocksUnreachableFailureAnalyzer implements FailureAnalyzer {

    private static final List<String> STARTER_PACKAGES = List.of("io.github.srboot.jdbc.",
            "io.github.srboot.streamload.", "io.github.srboot.schema.", "io.github.srboot.flyway.",
            "io.github.srboot.actuate.");

    private final List<Address> starRocksAddresses;

    /**
     * Created by Spring Boot's failure analysis with the application's environment.
     */
    StarRocksUnreachableFailureAnalyzer(Environment environment) {
        this.starRocksAddresses = addressesOf(environment);
    }

    @Override
    public FailureAnalysis analyze(Throwable rootFailure) {
        Throwable unreachable = findUnreachable(rootFailure);
        if (unreachable == null || !isAboutStarRocks(rootFailure)) {
            return null;
        }
        String description = "Could not reach StarRocks: " + firstLine(unreachable.getMessage());
        String action = """
                Start a StarRocks FE (SQL port 9030, HTTP port 8030) at the address in spring.datasource.url and \
                starrocks.http.frontends, or point those properties at a running cluster.
                With Docker: docker run -p 9030:9030 -p 8030:8030 -p 8040:8040 -itd starrocks/allin1-ubuntu:3.5.5""";
        return new FailureAnalysis(description, action, rootFailure);
    }

    private boolean isAboutStarRocks(Throwable failure) {
        for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
            if (thrownThroughTheStarter(t) || namesAStarRocksAddress(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean thrownThroughTheStarter(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            String className = frame.getClassName();
            if (STARTER_PACKAGES.stream().anyMatch(className::startsWith)) {
                return true;
            }
        }
        return false;
    }

    private boolean namesAStarRocksAddress(String message) {
        if (message == null) {
            return false;
        }
        String text = message.toLowerCase(Locale.ROOT);
        return this.starRocksAddresses.stream().anyMatch((address) -> address.isNamedIn(text));
    }

    private static Throwable findUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return t;
            }
            if (t instanceof SQLException sql && "08S01".equals(sql.getSQLState())) {
                return t;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return (newline < 0) ? message : message.substring(0, newline);
    }

    /**
     * The StarRocks addresses the application is configured with.
     */
    static List<Address> addressesOf(Environment environment) {
        Binder binder = Binder.get(environment);
        List<Address> addresses = new ArrayList<>();
        binder.bind("starrocks.http.frontends", Bindable.listOf(String.class))
            .orElse(List.of())
            .forEach((url) -> Address.ofUrl(url, 8030, addresses));
        boolean jdbcDisabled = Boolean.FALSE.equals(binder.bind("starrocks.jdbc.enabled", Boolean.class).orElse(null));
        String jdbcUrl = binder.bind("spring.datasource.url", String.class).orElse(null);
        if (!jdbcDisabled && jdbcUrl != null && jdbcUrl.startsWith("jdbc:")) {
            // jdbc:mysql://fe1:9030,fe2:9030/db and jdbc:mysql:loadbalance://... list several hosts.
            int start = jdbcUrl.indexOf("//");
            if (start >= 0) {
                String rest = jdbcUrl.substring(start + 2);
                int end = rest.indexOf('/');
                String hosts = (end < 0) ? rest : rest.substring(0, end);
                for (String host : hosts.split(",")) {
                    Address.ofUrl("mysql://" + host, 9030, addresses);
                }
            }
        }
        return addresses;
    }

    /**
     * A configured host and port; named in a message as {@code host:port} (Netty, Reactor) or, for an unknown host,
     * as the host alone.
     */
    record Address(String host, int port) {

        boolean isNamedIn(String lowerCaseMessage) {
            String name = Pattern.quote(this.host.toLowerCase(Locale.ROOT));
            // "fe1:8030", "localhost/127.0.0.1:8030"; an unknown host: "fe1" or "fe1: Name or service not known".
            return Pattern.compile("(?<![\\w.-])" + name + "(?:/[^\\s:]+)?:" + this.port + "(?!\\d)")
                .matcher(lowerCaseMessage)
                .find() || Pattern.compile("^" + name + "(?::\\s|$)").matcher(lowerCaseMessage).find();
        }

        static void ofUrl(String url, int defaultPort, List<Address> addresses) {
            try {
                URI uri = URI.create(url.trim());
                if (uri.getHost() != null) {
                    addresses.add(new Address(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : defaultPort));
                }
            }
            catch (IllegalArgumentException ex) {
                // A malformed address is reported by the properties' own validation, not here.
            }
        }

    }

}
