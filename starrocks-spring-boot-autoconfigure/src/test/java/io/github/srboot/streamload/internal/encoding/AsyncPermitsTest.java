package io.github.srboot.streamload.internal.encoding;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncPermitsTest {

    @Test
    void waitsWithoutBlockingAndServesInOrder() {
        AsyncPermits permits = new AsyncPermits("test", 10);
        List<String> granted = new ArrayList<>();
        permits.acquire(8).subscribe(null, null, () -> granted.add("first"));
        permits.acquire(5).subscribe(null, null, () -> granted.add("second"));
        permits.acquire(1).subscribe(null, null, () -> granted.add("third"));
        assertThat(granted).containsExactly("first");
        assertThat(permits.used()).isEqualTo(8);
        permits.release(8);
        assertThat(granted).containsExactly("first", "second", "third");
        assertThat(permits.used()).isEqualTo(6);
    }

    @Test
    void aCancelledWaiterGivesItsPlaceUp() {
        AsyncPermits permits = new AsyncPermits("test", 4);
        permits.acquire(4).subscribe();
        List<String> granted = new ArrayList<>();
        Disposable waiting = permits.acquire(4).subscribe(null, null, () -> granted.add("cancelled"));
        permits.acquire(2).subscribe(null, null, () -> granted.add("next"));
        waiting.dispose();
        permits.release(4);
        assertThat(granted).containsExactly("next");
        assertThat(permits.used()).isEqualTo(2);
    }

    @Test
    void moreThanTheCapacityFailsAtOnce() {
        AsyncPermits permits = new AsyncPermits("budget", 4);
        List<Throwable> errors = new ArrayList<>();
        permits.acquire(5).subscribe(null, errors::add);
        assertThat(errors).singleElement().satisfies((error) -> assertThat(error).hasMessageContaining("budget"));
    }

    @Test
    void tryAcquireRespectsQueuedWaiters() {
        AsyncPermits permits = new AsyncPermits("test", 4);
        assertThat(permits.tryAcquire(3)).isTrue();
        permits.acquire(3).subscribe();
        assertThat(permits.tryAcquire(1)).isFalse();
    }

}
