/**
 * Internal, not API: types here are public only so that the other Stream Load packages (and the project's
 * benchmarks) can call them, and may change in any release. Encoding rows into Stream Load bodies: the direct
 * JSON and CSV encoders ({@code BatchEncoder}, {@code JsonRowPlan}, {@code RowCodec}, {@code RowFields},
 * {@code ValueText}, {@code StarRocksJson}), pooled buffers ({@code PooledChunks}, {@code EncodedBatch}), and
 * batching with bounded memory ({@code Batcher}, {@code AsyncPermits}).
 */
package io.github.srboot.streamload.internal.encoding;
