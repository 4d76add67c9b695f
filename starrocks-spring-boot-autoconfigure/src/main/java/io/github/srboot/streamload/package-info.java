/**
 * {@code StreamLoadTemplate}: reactive Stream Load ingestion over Spring's {@code WebClient} (encoding, batching,
 * labels, redirect, retries, label look-ups, shutdown). Depends on {@code ddl} (types) and {@code jdbc} (schema evolution).
 *
 * <p>Each protocol rule has one owner, called by plain loads, transactions and merge commit loads alike: redirects
 * and the https-to-http warning, {@code Redirects}; FE choice, {@code Frontends}, with the FE health rule
 * {@link io.github.srboot.streamload.internal.http.FrontendHealth} (also the actuator's FE probe); whether an answer covers the body
 * sent and whether a commit is in doubt, {@code ServerAnswer}; label settlement ({@code get_load_state}, labels that
 * may still commit), {@code LoadRunner}; retries, {@link io.github.srboot.streamload.RetryPolicy} as a Reactor
 * {@code Retry}.
 */
package io.github.srboot.streamload;
