package io.github.srboot.streamload.internal.encoding;

import java.util.List;

/**
 * One encoded batch ready to load: its body in pooled buffers, its row count and the column list its body was
 * written for.
 *
 * @param body the encoded (and possibly compressed) body; released once the load is final
 * @param rows number of rows, or {@code -1} for a pre-encoded body (not counted by the client)
 * @param encodedBytes body size before compression
 * @param columns the {@code columns} header, or empty to let the server match JSON keys by name
 */
public record EncodedBatch(PooledChunks body, int rows, long encodedBytes, List<String> columns) {

    /** Bytes sent on the wire. */
    public long bodySize() {
        return this.body.size();
    }

}
