package io.github.srboot.streamload.internal.encoding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.srboot.streamload.BatchPolicy;
import io.github.srboot.streamload.LoadCompression;
import io.github.srboot.streamload.LoadOptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BatcherTest {

    private final List<Batcher.Sealed> sealed = new ArrayList<>();

    @AfterEach
    void release() {
        this.sealed.forEach(Batcher.Sealed::release);
    }

    private Batcher batcher(BatchPolicy policy, AsyncPermits budget) {
        return batcher(policy, budget, true);
    }

    private Batcher batcher(BatchPolicy policy, AsyncPermits budget, boolean cutWhenShort) {
        LoadOptions options = LoadOptions.csv();
        return new Batcher(new RowCodec(new ObjectMapper(), options.zone()), options, LoadCompression.NONE, policy,
                budget, Schedulers.immediate(), cutWhenShort, Duration.ofMillis(200));
    }

    @Test
    void aBatchThatCannotGrowIsEmittedInsteadOfWaiting() {
        AsyncPermits budget = new AsyncPermits("b", 2 * Batcher.RESERVATION);
        BatchPolicy policy = new BatchPolicy(1_000_000, 1 << 30, Duration.ofHours(1));
        Batcher other = batcher(policy, budget);
        other.add(Map.of("text", "holds a reservation")).blockLast();
        Batcher filling = batcher(policy, budget);
        Map<String, Object> big = Map.of("text", "z".repeat(8 * 1024));
        List<Batcher.Sealed> emitted = new ArrayList<>();
        boolean[] done = { false };
        while (emitted.isEmpty()) {
            done[0] = false;
            filling.add(big).subscribe(emitted::add, null, () -> done[0] = true);
        }
        Batcher.Sealed early = emitted.get(0);
        this.sealed.add(early);
        assertThat(early.batch.rows()).isPositive();
        assertThat(done[0]).as("the new row waits for memory").isFalse();
        other.abandon();
        assertThat(done[0]).isTrue();
        filling.abandon();
    }

    @Test
    void aSingleLoadWaitsBoundedForMemoryInsteadOfBeingCut() {
        AsyncPermits budget = new AsyncPermits("b", 2 * Batcher.RESERVATION);
        BatchPolicy policy = new BatchPolicy(1_000_000, 1 << 30, Duration.ofHours(1));
        Batcher other = batcher(policy, budget);
        other.add(Map.of("text", "holds a reservation")).blockLast();
        Batcher single = batcher(policy, budget, false);
        Map<String, Object> big = Map.of("text", "z".repeat(8 * 1024));
        assertThatIllegalStateException().isThrownBy(() -> {
            for (int i = 0; i < 1000; i++) {
                assertThat(single.add(big).collectList().block()).isEmpty();
            }
        }).withMessageContaining("Waited PT0.2S for memory");
        single.abandon();
        other.abandon();
        assertThat(budget.used()).isZero();
    }

    @Test
    void cutsByRows() {
        Batcher batcher = batcher(new BatchPolicy(3, 1 << 20, Duration.ofHours(1)), new AsyncPermits("b", 1 << 24));
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Batcher.Sealed batch = batcher.add(Map.of("id", i)).blockLast();
            if (batch != null) {
                this.sealed.add(batch);
                sizes.add(batch.batch.rows());
            }
        }
        Batcher.Sealed rest = batcher.drain().block();
        this.sealed.add(rest);
        sizes.add(rest.batch.rows());
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(batcher.drain().block()).isNull();
    }

    @Test
    void cutsByBytes() {
        Batcher batcher = batcher(new BatchPolicy(1_000_000, 100, Duration.ofHours(1)),
                new AsyncPermits("b", 1 << 24));
        int rows = 0;
        Batcher.Sealed batch = null;
        while (batch == null) {
            batch = batcher.add(Map.of("text", "0123456789")).blockLast();
            rows++;
        }
        this.sealed.add(batch);
        assertThat(batch.batch.encodedBytes()).isGreaterThanOrEqualTo(100);
        // Each row is "0123456789\n" (11 bytes): the tenth row crosses 100 bytes.
        assertThat(batch.batch.rows()).isEqualTo(rows).isEqualTo(10);
    }

    @Test
    void tickEmitsOnlyBatchesOlderThanTheInterval() {
        Batcher young = batcher(new BatchPolicy(100, 1 << 20, Duration.ofHours(1)), new AsyncPermits("b", 1 << 24));
        young.add(Map.of("id", 1)).blockLast();
        assertThat(young.tick().block()).isNull();
        young.abandon();
        Batcher old = batcher(new BatchPolicy(100, 1 << 20, Duration.ofNanos(1)), new AsyncPermits("b", 1 << 24));
        assertThat(old.tick().block()).isNull();
        old.add(Map.of("id", 1)).blockLast();
        Batcher.Sealed batch = old.tick().block();
        this.sealed.add(batch);
        assertThat(batch.batch.rows()).isEqualTo(1);
    }

    @Test
    void memoryIsReservedFromTheBudgetAndGivenBackOnRelease() {
        AsyncPermits budget = new AsyncPermits("b", 1 << 24);
        Batcher batcher = batcher(new BatchPolicy(100, 1 << 20, Duration.ofHours(1)), budget);
        batcher.add(Map.of("id", 1)).blockLast();
        assertThat(budget.used()).isEqualTo(Batcher.RESERVATION);
        Batcher.Sealed batch = batcher.drain().block();
        assertThat(budget.used()).isEqualTo(PooledChunks.CHUNK_SIZE);
        batch.release();
        batch.release();
        assertThat(budget.used()).isZero();
    }

    @Test
    void aRowWaitsWhileTheBudgetIsSpent() {
        // Room for one reservation plus one sealed chunk: the third batch must wait for the first to be released.
        AsyncPermits budget = new AsyncPermits("b", Batcher.RESERVATION + PooledChunks.CHUNK_SIZE);
        Batcher first = batcher(new BatchPolicy(1, 1 << 20, Duration.ofHours(1)), budget);
        Batcher second = batcher(new BatchPolicy(1, 1 << 20, Duration.ofHours(1)), budget);
        Batcher.Sealed a = first.add(Map.of("id", 1)).blockLast();
        Batcher.Sealed b = second.add(Map.of("id", 2)).blockLast();
        List<Batcher.Sealed> third = new ArrayList<>();
        first.add(Map.of("id", 3)).subscribe(third::add);
        assertThat(third).isEmpty();
        a.release();
        assertThat(third).hasSize(1);
        this.sealed.add(b);
        this.sealed.addAll(third);
    }

    @Test
    void aBatchLargerThanTheBudgetFailsInsteadOfWaitingForever() {
        AsyncPermits budget = new AsyncPermits("b", Batcher.RESERVATION);
        Batcher batcher = batcher(new BatchPolicy(Integer.MAX_VALUE, Long.MAX_VALUE, Duration.ofHours(1)), budget);
        String big = "x".repeat(8 * 1024);
        assertThatIllegalStateException().isThrownBy(() -> {
            for (int i = 0; i < 1000; i++) {
                batcher.add(Map.of("text", big)).blockLast();
            }
        }).withMessageContaining("max-in-flight-bytes");
        batcher.abandon();
        assertThat(budget.used()).isZero();
    }


    @Test
    void tryAddEncodesWithoutWaitingAndHandsOverTheBatchItFilled() {
        AsyncPermits budget = new AsyncPermits("b", 1 << 24);
        Batcher batcher = batcher(new BatchPolicy(2, 1 << 20, Duration.ofHours(1)), budget);
        assertThat(batcher.tryAdd(Map.of("id", 1), this.sealed::add)).isTrue();
        assertThat(this.sealed).isEmpty();
        assertThat(budget.used()).isEqualTo(Batcher.RESERVATION);
        assertThat(batcher.tryAdd(Map.of("id", 2), this.sealed::add)).isTrue();
        assertThat(this.sealed).singleElement().satisfies((batch) -> assertThat(batch.batch.rows()).isEqualTo(2));
        assertThat(batcher.hasRows()).isFalse();
    }

    @Test
    void tryAddDoesNothingWhenItWouldHaveToWaitForTheBudget() {
        AsyncPermits budget = new AsyncPermits("b", Batcher.RESERVATION + PooledChunks.CHUNK_SIZE);
        Batcher first = batcher(new BatchPolicy(1, 1 << 20, Duration.ofHours(1)), budget);
        Batcher second = batcher(new BatchPolicy(1, 1 << 20, Duration.ofHours(1)), budget);
        Batcher.Sealed a = first.add(Map.of("id", 1)).blockLast();
        this.sealed.add(second.add(Map.of("id", 2)).blockLast());
        List<Batcher.Sealed> handed = new ArrayList<>();
        assertThat(first.tryAdd(Map.of("id", 3), handed::add)).isFalse();
        assertThat(handed).isEmpty();
        assertThat(first.hasRows()).isFalse();
        a.release();
        assertThat(first.tryAdd(Map.of("id", 3), handed::add)).isTrue();
        assertThat(handed).singleElement().satisfies((batch) -> assertThat(batch.batch.rows()).isEqualTo(1));
        this.sealed.addAll(handed);
    }

}
