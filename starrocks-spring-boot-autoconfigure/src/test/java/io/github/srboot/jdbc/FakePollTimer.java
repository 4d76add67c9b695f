package io.github.srboot.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PollTimer} whose pauses advance a virtual clock instead of sleeping, and are recorded.
 */
final class FakePollTimer implements PollTimer {

    private long now;

    private final List<Duration> pauses = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return this.now;
    }

    @Override
    public synchronized void pause(Duration duration) {
        this.pauses.add(duration);
        this.now += duration.toNanos();
    }

    synchronized List<Duration> pauses() {
        return List.copyOf(this.pauses);
    }

    synchronized Duration elapsed() {
        return Duration.ofNanos(this.now);
    }

}
