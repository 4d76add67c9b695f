/**
 * {@code StreamLoadTemplate}: reactive Stream Load ingestion over Spring's {@code WebClient} (encoding, batching,
 * labels, redirect, retries, label look-ups, shutdown). Depends on {@code ddl} (types) and {@code jdbc} (schema evolution).
 */
package io.github.srboot.streamload;
