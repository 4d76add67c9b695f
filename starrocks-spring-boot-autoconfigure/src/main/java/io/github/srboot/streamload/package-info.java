/**
 * {@code StreamLoadTemplate}: reactive Stream Load ingestion (encoding, batching, labels, redirect,
 * retries, transactions). Depends on {@code ddl} (types) and {@code jdbc} (schema evolution).
 */
package io.github.srboot.streamload;
