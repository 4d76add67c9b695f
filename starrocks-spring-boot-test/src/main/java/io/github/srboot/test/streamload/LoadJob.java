package io.github.srboot.test.streamload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A load or Stream Load transaction under one label: its state and, for a transaction, the rows loaded but not
 * yet committed (invisible until commit).
 */
final class LoadJob {

    final String database;

    final String label;

    final TableContents table;

    final long txnId;

    final boolean transactional;

    final int backendPort;

    private LoadState state = LoadState.PREPARE;

    private boolean busy;

    private final List<RowChange> pendingRows = new ArrayList<>();

    private int loads;

    private long totalRows;

    private long loadedRows;

    private long filteredRows;

    private long loadBytes;

    private int mergeCondition = -1;

    LoadJob(String database, String label, TableContents table, long txnId, boolean transactional, int backendPort) {
        this.database = database;
        this.label = label;
        this.table = table;
        this.txnId = txnId;
        this.transactional = transactional;
        this.backendPort = backendPort;
    }

    private long visibleAtNanos;

    synchronized LoadState state() {
        if (this.state == LoadState.COMMITTED && System.nanoTime() - this.visibleAtNanos >= 0) {
            this.state = LoadState.VISIBLE;
        }
        return this.state;
    }

    /**
     * Committed but not yet published: the state turns VISIBLE after the delay.
     */
    synchronized void committedUntilPublished(Duration publishDelay) {
        this.state = LoadState.COMMITTED;
        this.visibleAtNanos = System.nanoTime() + publishDelay.toNanos();
    }

    synchronized void state(LoadState state) {
        this.state = state;
    }

    /**
     * Claims the transaction for one request; {@code false} while another request works on it.
     */
    synchronized boolean claim() {
        if (this.busy) {
            return false;
        }
        this.busy = true;
        return true;
    }

    synchronized void release() {
        this.busy = false;
    }

    /**
     * Whether a transaction load brought data into this transaction.
     */
    synchronized boolean received() {
        return this.loads > 0;
    }

    synchronized void addPending(ParsedBody parsed, int mergeCondition, long bytes) {
        this.loads++;
        this.pendingRows.addAll(parsed.accepted());
        this.totalRows += parsed.totalRows();
        this.loadedRows += parsed.acceptedCount();
        this.filteredRows += parsed.filteredRows();
        this.loadBytes += bytes;
        this.mergeCondition = mergeCondition;
    }

    /**
     * Applies the pending rows of a transaction to its table and marks it visible.
     */
    synchronized void commit() {
        if (this.table.storesRows()) {
            this.table.apply(List.copyOf(this.pendingRows), this.mergeCondition, this.loadBytes);
        }
        else {
            this.table.count(this.loadedRows, this.loadBytes);
        }
        this.pendingRows.clear();
        this.state = LoadState.VISIBLE;
    }

    synchronized void rollback() {
        this.pendingRows.clear();
        this.state = LoadState.ABORTED;
    }

    synchronized long totalRows() {
        return this.totalRows;
    }

    synchronized long loadedRows() {
        return this.loadedRows;
    }

    synchronized long filteredRows() {
        return this.filteredRows;
    }

    synchronized long loadBytes() {
        return this.loadBytes;
    }

}
