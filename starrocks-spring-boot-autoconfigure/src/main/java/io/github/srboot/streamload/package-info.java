/**
 * The Stream Load API: {@code StreamLoadTemplate} and the {@code StreamLoadOperations} interface it implements
 * (reactive ingestion over Spring's {@code WebClient}), {@code StreamLoadWriter}, the load options
 * ({@code LoadOptions}, {@code BatchPolicy}, {@code RetryPolicy}, formats), the results ({@code LoadResult},
 * {@code LoadStatus}, {@code FailedBatch}), {@code StreamLoadException} and the {@code StreamLoadObserver}. Depends on
 * {@code ddl} (types) and, for schema evolution, {@code jdbc}.
 *
 * <p>Which package owns which rule: change data capture in {@code streamload.cdc}; transaction Stream Load, checkpoint
 * labels, recovery and merge commit in {@code streamload.transaction}; the protocol rules (redirects, FE choice and
 * health, label settlement, request and answer handling) in {@code streamload.internal.http}; encoding and batching
 * in {@code streamload.internal.encoding}. The retry rule is {@link io.github.srboot.streamload.RetryPolicy#retrying}
 * (Reactor's {@code Retry}), the one retry mechanism of loads, transactions and merge commit. The public types of this
 * package never expose a type of an internal package.
 */
package io.github.srboot.streamload;
