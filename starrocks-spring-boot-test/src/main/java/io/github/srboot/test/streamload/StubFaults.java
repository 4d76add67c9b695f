package io.github.srboot.test.streamload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The fault script of a stub: faults queued for the next load requests, and/or faults drawn at random with a seed.
 *
 * <p>Only load requests (Stream Load PUT, transaction load) consume faults; health, load state and transaction
 * control requests never fail. Queued faults win over random ones. Thread-safe.
 */
public final class StubFaults {

    private static final List<Fault> DEFAULT_RANDOM_FAULTS = List.of(Fault.httpStatus(503),
            Fault.redirectToUnreachableBackend(), Fault.httpStatus(500), Fault.resetBeforeBody(),
            Fault.resetAfterBody(), Fault.responseLostAfterCommit(), Fault.publishTimeout(), Fault.tooManyVersions(),
            Fault.tooManyRunningTransactions());

    private final Deque<Fault> frontendQueue = new ArrayDeque<>();

    private final Deque<Fault> backendQueue = new ArrayDeque<>();

    private final List<InjectedFault> injected = new ArrayList<>();

    private double rate;

    private Random random;

    private List<Fault> randomFaults = List.of();

    StubFaults() {
    }

    /**
     * Queues faults for the next load requests reaching an FE, one fault per request, in order.
     * @throws IllegalArgumentException for a fault an FE cannot inject
     */
    public synchronized StubFaults frontend(Fault... faults) {
        for (Fault fault : faults) {
            if (!fault.appliesToFrontend()) {
                throw new IllegalArgumentException("An FE cannot inject " + fault);
            }
            this.frontendQueue.add(fault);
        }
        return this;
    }

    /**
     * Queues faults for the next load requests reaching a BE, one fault per request, in order.
     * @throws IllegalArgumentException for a fault a BE cannot inject
     */
    public synchronized StubFaults backend(Fault... faults) {
        for (Fault fault : faults) {
            if (!fault.appliesToBackend()) {
                throw new IllegalArgumentException("A BE cannot inject " + fault);
            }
            this.backendQueue.add(fault);
        }
        return this;
    }

    /**
     * Injects a fault into each load request with this probability, drawn from a seeded generator, choosing among
     * 5xx statuses, connection resets, lost responses, {@code Publish Timeout}, "too many versions", "current running
     * txns" and redirects to an unreachable BE.
     * @param rate probability per load request, 0 to 1
     * @param seed the seed, so that a run can be repeated
     */
    public StubFaults random(double rate, long seed) {
        return random(rate, seed, DEFAULT_RANDOM_FAULTS.toArray(Fault[]::new));
    }

    /**
     * Injects a fault into each load request with this probability, chosen among the given faults (those the
     * receiving FE or BE can inject).
     */
    public synchronized StubFaults random(double rate, long seed, Fault... choices) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("A fault rate must be between 0 and 1, got " + rate);
        }
        this.rate = rate;
        this.random = new Random(seed);
        this.randomFaults = List.of(choices);
        return this;
    }

    /**
     * Drops queued faults and stops random ones; the record of injected faults stays.
     */
    public synchronized void clear() {
        this.frontendQueue.clear();
        this.backendQueue.clear();
        this.rate = 0;
        this.random = null;
        this.randomFaults = List.of();
    }

    /**
     * Faults queued and not yet injected.
     */
    public synchronized int pending() {
        return this.frontendQueue.size() + this.backendQueue.size();
    }

    /**
     * Every fault injected so far, in order.
     */
    public synchronized List<InjectedFault> injected() {
        return List.copyOf(this.injected);
    }

    synchronized void reset() {
        clear();
        this.injected.clear();
    }

    /**
     * The fault for the load request arriving now at this listener, or {@code null} for none.
     */
    synchronized Fault next(StubRole role, int port, String label) {
        return next(role, port, label, (candidate) -> true);
    }

    /**
     * Like {@link #next(StubRole, int, String)}, drawing random faults only among those {@code form} accepts (a
     * request that implements only some kinds, such as a transaction load).
     */
    synchronized Fault next(StubRole role, int port, String label, java.util.function.Predicate<Fault> form) {
        Deque<Fault> queue = (role == StubRole.FRONTEND) ? this.frontendQueue : this.backendQueue;
        Fault fault = queue.poll();
        if (fault == null && this.random != null && this.rate > 0) {
            List<Fault> applicable = this.randomFaults.stream()
                .filter((candidate) -> (role == StubRole.FRONTEND) ? candidate.appliesToFrontend()
                        : candidate.appliesToBackend())
                .filter(form)
                .toList();
            if (!applicable.isEmpty() && this.random.nextDouble() < this.rate) {
                fault = applicable.get(this.random.nextInt(applicable.size()));
            }
        }
        if (fault != null) {
            this.injected.add(new InjectedFault(role, port, Objects.requireNonNull(fault), label));
        }
        return fault;
    }

    /** The faults a transaction commit implements (queued ones only: random faults never reach commits). */
    static boolean appliesToTransactionCommit(Fault fault) {
        return fault instanceof Fault.PublishTimeout || fault instanceof Fault.CommitStatusUnknown;
    }

    /**
     * The next queued fault when it is one that {@code form} accepts, else {@code null} and the queue stays as it is
     * (for requests, such as transaction commits, that only some queued faults are meant for).
     */
    synchronized Fault nextQueued(StubRole role, int port, String label, java.util.function.Predicate<Fault> form) {
        Deque<Fault> queue = (role == StubRole.FRONTEND) ? this.frontendQueue : this.backendQueue;
        Fault fault = queue.peek();
        if (fault == null || !form.test(fault)) {
            return null;
        }
        queue.poll();
        this.injected.add(new InjectedFault(role, port, fault, label));
        return fault;
    }

    /** The faults a transaction load implements: before, instead of or after loading. */
    static boolean appliesToTransactionLoad(Fault fault) {
        return fault instanceof Fault.Delay || fault instanceof Fault.HttpStatus || fault instanceof Fault.ResetBeforeBody
                || fault instanceof Fault.ResetAfterBody || fault instanceof Fault.ResponseLostAfterCommit;
    }

}
