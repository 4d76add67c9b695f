package io.github.srboot.streamload;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;

/**
 * A batch of {@code stream()} or a writer that did not load, kept (as a heap copy of its encoded body) so that the
 * caller can send it again under the same label with {@link StreamLoadTemplate#retry(FailedBatch)}: the label keeps a
 * batch whose first attempt did commit from loading twice.
 *
 * @param database the database
 * @param table the table
 * @param label the label of every attempt of this batch
 * @param rows rows in the batch
 * @param headers the Stream Load headers it was sent with ({@code Authorization} is not among them)
 * @param loadTimeout its load timeout
 * @param body the encoded (and possibly compressed) body
 */
public record FailedBatch(String database, String table, String label, int rows, Map<String, String> headers,
        Duration loadTimeout, ByteBuffer body) {

    /**
     * Freezes the parts; the body is read-only.
     */
    public FailedBatch {
        headers = Map.copyOf(headers);
        body = body.asReadOnlyBuffer();
    }

    /** Bytes of the encoded body. */
    public int bodySize() {
        return this.body.remaining();
    }

    @Override
    public String toString() {
        return "FailedBatch[" + this.database + "." + this.table + ", label " + this.label + ", " + this.rows
                + " row(s), " + bodySize() + " bytes]";
    }

}
