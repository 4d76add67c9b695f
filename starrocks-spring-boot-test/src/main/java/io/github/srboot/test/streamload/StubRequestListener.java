package io.github.srboot.test.streamload;

/**
 * Hears about each request a stub listener (FE, BE or FE proxy) has served, after its answer.
 */
@FunctionalInterface
public interface StubRequestListener {

    /**
     * One request served.
     * @param endpoint the listener that served it
     * @param method the HTTP method
     * @param target the request target as sent (path and query)
     * @param label the {@code label} header, or {@code null}
     * @param status the status answered, or 0 when nothing was (an injected reset, a held connection)
     */
    void served(StubEndpoint endpoint, String method, String target, String label, int status);

}
