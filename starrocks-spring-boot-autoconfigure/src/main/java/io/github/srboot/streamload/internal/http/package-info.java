/**
 * Internal, not API: types here are public only so that the other Stream Load packages can call them, and may
 * change in any release. The HTTP side of Stream Load, one owner per protocol rule: redirects and the https-to-http
 * rule, {@code Redirects} (followed by {@code LoadRunner} for loads and label look-ups and by
 * {@code TransactionHttp} for transactions and merge commit); FE choice, {@code Frontends}, with the FE health rule
 * {@code FrontendHealth} (also the actuator's FE probe); label settlement ({@code get_load_state}),
 * {@code LoadRunner#labelState}; whether an answer covers the body sent and whether a commit is in doubt,
 * {@code ServerAnswer}; request headers, {@code LoadHeaders}; labels, {@code Labels}; the WebClient exchange,
 * {@code StreamLoadHttp}.
 */
package io.github.srboot.streamload.internal.http;
