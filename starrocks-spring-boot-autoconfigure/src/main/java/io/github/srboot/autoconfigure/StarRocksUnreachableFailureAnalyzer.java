package io.github.srboot.autoconfigure;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns "StarRocks is not reachable" at start-up into a short report instead of a long stack trace.
 *
 * <p>It recognises a failed connection (refused, unknown host, no route, or Connector/J's "Communications link
 * failure", SQL state 08S01) anywhere in the cause chain.
 */
class StarRocksUnreachableFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable rootFailure) {
        Throwable unreachable = findUnreachable(rootFailure);
        if (unreachable == null) {
            return null;
        }
        String description = "Could not reach StarRocks: " + firstLine(unreachable.getMessage());
        String action = """
                Start a StarRocks FE (SQL port 9030, HTTP port 8030) at the address in spring.datasource.url and \
                starrocks.http.frontends, or point those properties at a running cluster.
                With Docker: docker run -p 9030:9030 -p 8030:8030 -p 8040:8040 -itd starrocks/allin1-ubuntu:3.5.5""";
        return new FailureAnalysis(description, action, rootFailure);
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

}
