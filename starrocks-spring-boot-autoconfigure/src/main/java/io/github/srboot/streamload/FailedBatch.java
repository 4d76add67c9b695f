package io.github.srboot.streamload;

import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.srboot.streamload.internal.encoding.AsyncPermits;

/**
 * A batch of {@code stream()} or a writer that did not load, kept (as a heap copy of its encoded body) so that the
 * caller can send it again under the same label with {@link StreamLoadTemplate#retry(FailedBatch)}: the label keeps a
 * batch whose first attempt did commit from loading twice.
 *
 * <p>The copy made by the template counts in its {@code max-in-flight-bytes} until the batch is retried (the retry
 * takes the copy's share over), {@link #discard() discarded}, or garbage collected, so that failing loads cannot
 * pile up memory beyond that bound: call {@link #discard()} for a batch you will not send again.
 */
public final class FailedBatch {

    /** Gives the share of a copy back once its batch is unreachable, when the caller neither retried nor discarded. */
    private static final Cleaner CLEANER = Cleaner.create();

    private final String database;

    private final String table;

    private final String label;

    private final int rows;

    private final Map<String, String> headers;

    private final Duration loadTimeout;

    private final ByteBuffer body;

    private final Share share;

    /**
     * A batch with its parts; the body is kept read-only. A batch made this way holds no share of any template's
     * memory bound.
     *
     * @param database the database
     * @param table the table
     * @param label the label of every attempt of this batch
     * @param rows rows in the batch
     * @param headers the Stream Load headers it was sent with ({@code Authorization} is not among them)
     * @param loadTimeout its load timeout
     * @param body the encoded (and possibly compressed) body
     */
    public FailedBatch(String database, String table, String label, int rows, Map<String, String> headers,
            Duration loadTimeout, ByteBuffer body) {
        this(database, table, label, rows, headers, loadTimeout, body, null);
    }

    private FailedBatch(String database, String table, String label, int rows, Map<String, String> headers,
            Duration loadTimeout, ByteBuffer body, AsyncPermits budget) {
        this.database = database;
        this.table = table;
        this.label = label;
        this.rows = rows;
        this.headers = Map.copyOf(headers);
        this.loadTimeout = loadTimeout;
        this.body = body.asReadOnlyBuffer();
        if (budget != null) {
            // Taken without waiting: the failed load still holds its own share until just after this copy is made.
            budget.force(this.body.remaining());
            this.share = new Share(budget, this.body.remaining());
            CLEANER.register(this, this.share::giveBack);
        }
        else {
            this.share = null;
        }
    }

    /** A copy counted in {@code budget} until it is retried, discarded or collected. */
    static FailedBatch counted(String database, String table, String label, int rows, Map<String, String> headers,
            Duration loadTimeout, ByteBuffer body, AsyncPermits budget) {
        return new FailedBatch(database, table, label, rows, headers, loadTimeout, body, budget);
    }

    /** The database. */
    public String database() {
        return this.database;
    }

    /** The table. */
    public String table() {
        return this.table;
    }

    /** The label of every attempt of this batch. */
    public String label() {
        return this.label;
    }

    /** Rows in the batch. */
    public int rows() {
        return this.rows;
    }

    /** The Stream Load headers it was sent with ({@code Authorization} is not among them). */
    public Map<String, String> headers() {
        return this.headers;
    }

    /** Its load timeout. */
    public Duration loadTimeout() {
        return this.loadTimeout;
    }

    /** The encoded (and possibly compressed) body, read-only. */
    public ByteBuffer body() {
        return this.body;
    }

    /** Bytes of the encoded body. */
    public int bodySize() {
        return this.body.remaining();
    }

    /**
     * Gives this copy's share of the template's {@code max-in-flight-bytes} back, for a batch you will not retry; the
     * batch can still be retried (it then waits for memory like any other load). Idempotent.
     */
    public void discard() {
        if (this.share != null) {
            this.share.giveBack();
        }
    }

    /**
     * Takes this copy's share of {@code budget} over (a retry that loads the same bytes); {@code false} when the
     * batch holds none of it any more.
     */
    boolean takeShare(AsyncPermits budget) {
        return this.share != null && this.share.budget == budget && this.share.take();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FailedBatch batch && this.rows == batch.rows && this.database.equals(batch.database)
                && this.table.equals(batch.table) && this.label.equals(batch.label)
                && this.headers.equals(batch.headers) && Objects.equals(this.loadTimeout, batch.loadTimeout)
                && this.body.equals(batch.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.database, this.table, this.label, this.rows);
    }

    @Override
    public String toString() {
        return "FailedBatch[" + this.database + "." + this.table + ", label " + this.label + ", " + this.rows
                + " row(s), " + bodySize() + " bytes]";
    }

    /** The bytes a copy holds of a template's bound; given back or taken over once. */
    private static final class Share {

        private final AsyncPermits budget;

        private final long bytes;

        private final AtomicBoolean held = new AtomicBoolean(true);

        Share(AsyncPermits budget, long bytes) {
            this.budget = budget;
            this.bytes = bytes;
        }

        boolean take() {
            return this.held.compareAndSet(true, false);
        }

        void giveBack() {
            if (take()) {
                this.budget.release(this.bytes);
            }
        }

    }

}
