package io.github.srboot.streamload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        LoadOptions options = LoadOptions.csv();
        return new Batcher(new RowCodec(new ObjectMapper(), options.zone()), options, LoadCompression.NONE, policy,
                budget, Schedulers.immediate());
    }

    @Test
    void cutsByRows() {
        Batcher batcher = batcher(new BatchPolicy(3, 1 << 20, Duration.ofHours(1)), new AsyncPermits("b", 1 << 24));
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Batcher.Sealed batch = batcher.add(Map.of("id", i)).block();
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
            batch = batcher.add(Map.of("text", "0123456789")).block();
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
        young.add(Map.of("id", 1)).block();
        assertThat(young.tick().block()).isNull();
        young.abandon();
        Batcher old = batcher(new BatchPolicy(100, 1 << 20, Duration.ofNanos(1)), new AsyncPermits("b", 1 << 24));
        assertThat(old.tick().block()).isNull();
        old.add(Map.of("id", 1)).block();
        Batcher.Sealed batch = old.tick().block();
        this.sealed.add(batch);
        assertThat(batch.batch.rows()).isEqualTo(1);
    }

    @Test
    void memoryIsReservedFromTheBudgetAndGivenBackOnRelease() {
        AsyncPermits budget = new AsyncPermits("b", 1 << 24);
        Batcher batcher = batcher(new BatchPolicy(100, 1 << 20, Duration.ofHours(1)), budget);
        batcher.add(Map.of("id", 1)).block();
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
        Batcher.Sealed a = first.add(Map.of("id", 1)).block();
        Batcher.Sealed b = second.add(Map.of("id", 2)).block();
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
                batcher.add(Map.of("text", big)).block();
            }
        }).withMessageContaining("max-in-flight-bytes");
        batcher.abandon();
        assertThat(budget.used()).isZero();
    }

}
