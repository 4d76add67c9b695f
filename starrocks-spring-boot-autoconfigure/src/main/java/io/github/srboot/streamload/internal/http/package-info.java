/**
 * Internal, not API: types here are public only so that the other Stream Load packages can call them, and may
 * change in any release. The HTTP side of Stream Load, one owner per protocol rule: redirects and the https-to-http
 * rule, {@code Redirects} ({@code next} from an FE to a BE, followed by {@code LoadRunner} for loads and by
 * {@code TransactionHttp} for transactions and merge commit; {@code toFrontend} for label look-ups a follower sends
 * on to the leader); FE choice, {@code Frontends} ({@code select} for loads, {@code inTurn} for transactions, merge
 * commit and label look-ups), with the FE health rule
 * {@code FrontendHealth} (also the actuator's FE probe); label settlement ({@code get_load_state}),
 * {@code LoadRunner#labelState}; whether an answer covers the body sent and whether a commit is in doubt,
 * {@code ServerAnswer}; request headers, {@code LoadHeaders}; labels, {@code Labels}; the WebClient exchange,
 * {@code StreamLoadHttp}.
 */
package io.github.srboot.streamload.internal.http;
