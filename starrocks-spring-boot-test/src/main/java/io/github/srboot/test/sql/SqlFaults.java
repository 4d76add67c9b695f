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
     * Refuses new connections (connections already open stay) until {@link #acceptConnections()}: each is reset
     * as soon as it is accepted, before the handshake. The port stays bound, so that no other listener (another
     * test's server, on a busy machine) can take it meanwhile.
     */
    public SqlFaults refuseConnections() {
        this.server.setRefusingConnections(true);
        return this;
    }

    /**
     * Accepts new connections again.
     */
    public SqlFaults acceptConnections() {
        this.server.setRefusingConnections(false);
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
     * Ends the next asynchronous ALTER job CANCELLED with this message (once its pending, waiting and running
     * times have passed) instead of FINISHED.
     */
    public SqlFaults cancelNextAlter(String message) {
        this.server.alterJobs().cancelNext(Objects.requireNonNull(message, "message"));
        return this;
    }

    /**
     * Forgets every fault and the statement count, and accepts connections again.
     */
    public synchronized SqlFaults reset() {
        this.statementFaults.clear();
        this.statementsSeen = 0;
        this.server.alterJobs().reset();
        this.server.setRefusingConnections(false);
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
