package io.github.srboot.test.sql;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;

/**
 * Faults of the embedded StarRocks' query port: refused connections, slow statements and an error on the Nth
 * statement. Thread-safe; {@link #reset()} forgets them.
 */
public final class SqlFaults {

    private final EmbeddedStarRocksServer server;

    private final Deque<StatementFault> statementFaults = new ArrayDeque<>();

    private long statementsSeen;

    SqlFaults(EmbeddedStarRocksServer server) {
        this.server = server;
    }

    /**
     * Closes the query port, so that new connections are refused (connections already open stay), until
     * {@link #acceptConnections()}.
     */
    public SqlFaults refuseConnections() {
        this.server.stopListening();
        return this;
    }

    /**
     * Opens the query port again, on the same port.
     */
    public SqlFaults acceptConnections() {
        this.server.startListening();
        return this;
    }

    /**
     * Fails the {@code n}-th statement from now (1 = the next one) with this error code and message instead of
     * running it.
     */
    public synchronized SqlFaults failStatement(int n, int code, String message) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be 1 or more, got " + n);
        }
        this.statementFaults.add(new StatementFault(this.statementsSeen + n, null, null, code,
                Objects.requireNonNull(message, "message")));
        return this;
    }

    /**
     * Delays the next statement whose text contains {@code fragment} (any case) by {@code delay} before running it.
     */
    public synchronized SqlFaults slowStatement(String fragment, Duration delay) {
        this.statementFaults.add(new StatementFault(-1, fragment.toLowerCase(Locale.ROOT),
                Objects.requireNonNull(delay, "delay"), 0, null));
        return this;
    }

    /**
     * Forgets every fault and the statement count, and opens the query port if it was closed.
     */
    public synchronized SqlFaults reset() {
        this.statementFaults.clear();
        this.statementsSeen = 0;
        if (!this.server.isListening() && this.server.isRunning()) {
            this.server.startListening();
        }
        return this;
    }

    /** Applies the faults due for this statement: waits, or throws the injected error. */
    void beforeStatement(String statement) {
        Duration delay = null;
        SqlError error = null;
        synchronized (this) {
            this.statementsSeen++;
            String lower = statement.toLowerCase(Locale.ROOT);
            for (var iterator = this.statementFaults.iterator(); iterator.hasNext();) {
                StatementFault fault = iterator.next();
                if (fault.ordinal() == this.statementsSeen) {
                    iterator.remove();
                    error = SqlError.injected(fault.code(), fault.message());
                    break;
                }
                if (fault.fragment() != null && lower.contains(fault.fragment())) {
                    iterator.remove();
                    delay = fault.delay();
                    break;
                }
            }
        }
        if (error != null) {
            throw error;
        }
        if (delay != null) {
            try {
                // server side: the statement's answer is what is late, as with a slow FE
                Thread.sleep(delay.toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record StatementFault(long ordinal, String fragment, Duration delay, int code, String message) {
    }

}
