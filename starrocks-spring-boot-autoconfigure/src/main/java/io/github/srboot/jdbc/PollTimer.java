package io.github.srboot.jdbc;

import java.time.Duration;

/**
 * The clock and the pause used while polling ALTER jobs; tests replace it so that they never really sleep.
 */
interface PollTimer {

    /** Monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Pauses the calling thread. */
    void pause(Duration duration) throws InterruptedException;

    /** The real clock and {@link Thread#sleep(long, int)}. */
    static PollTimer system() {
        return new PollTimer() {

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void pause(Duration duration) throws InterruptedException {
                if (!duration.isZero()) {
                    Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
                }
            }

        };
    }

}
