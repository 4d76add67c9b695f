package io.github.srboot.actuate;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.StreamLoadException;
import io.github.srboot.streamload.StreamLoadObserver;

import org.springframework.lang.Nullable;

/**
 * Opens a {@code starrocks.stream-load} {@link Observation} around every Stream Load (one labelled batch with its
 * retries), so that tracing backends show it: started when the load starts, a {@code retry} event per retry, stopped
 * with its outcome (and the error when it failed). With Micrometer's meter handler it is the one record of loads:
 * the {@code starrocks.stream-load} timer counts and times them by table, format, outcome and failure reason, and
 * the {@code starrocks.stream-load.retry} counter counts retries by reason. Observations of loads in flight are kept
 * by label.
 */
public final class StreamLoadObservations implements StreamLoadObserver {

    private static final DefaultStreamLoadObservationConvention DEFAULT = new DefaultStreamLoadObservationConvention();

    private final ObservationRegistry registry;

    @Nullable
    private final StreamLoadObservationConvention convention;

    private final Map<String, Observation> inFlight = new ConcurrentHashMap<>();

    /**
     * Creates the observer.
     * @param convention replaces the default convention, or {@code null}
     */
    public StreamLoadObservations(ObservationRegistry registry, @Nullable StreamLoadObservationConvention convention) {
        this.registry = registry;
        this.convention = convention;
    }

    @Override
    public void loadStarting(String database, String table, String label, String format) {
        StreamLoadObservationContext context = new StreamLoadObservationContext(database, table, label, format);
        Observation observation = Observation.createNotStarted(this.convention, DEFAULT, () -> context,
                this.registry);
        this.inFlight.put(label, observation.start());
    }

    @Override
    public void retrying(String table, String label, RetryReason reason, int nextAttempt) {
        Observation observation = this.inFlight.get(label);
        if (observation != null) {
            // The event's counter (starrocks.stream-load.retry) carries the reason as a tag; the timer's reason is
            // set again when the load ends.
            String tag = reason.name().toLowerCase(Locale.ROOT);
            ((StreamLoadObservationContext) observation.getContext()).setReason(tag);
            observation.lowCardinalityKeyValue(DefaultStreamLoadObservationConvention.REASON, tag);
            observation.event(Observation.Event.of("retry",
                    "attempt " + nextAttempt + " after " + reason.name().toLowerCase(Locale.ROOT)));
        }
    }

    @Override
    public void loadSucceeded(LoadResult result) {
        Observation observation = this.inFlight.remove(result.label());
        if (observation != null) {
            StreamLoadObservationContext context = (StreamLoadObservationContext) observation.getContext();
            context.setOutcome(result.status().name().toLowerCase(Locale.ROOT));
            context.setReason(StreamLoadObservationContext.NO_REASON);
            context.setResult(result);
            observation.stop();
        }
    }

    @Override
    public void loadFailed(String table, StreamLoadException failure, Duration elapsed) {
        Observation observation = this.inFlight.remove(failure.label());
        if (observation != null) {
            StreamLoadObservationContext context = (StreamLoadObservationContext) observation.getContext();
            context.setOutcome("failed");
            context.setReason(failure.reason().name().toLowerCase(Locale.ROOT));
            observation.error(failure);
            observation.stop();
        }
    }

    @Override
    public void loadCancelled(String table, String label) {
        Observation observation = this.inFlight.remove(label);
        if (observation != null) {
            StreamLoadObservationContext context = (StreamLoadObservationContext) observation.getContext();
            context.setOutcome("cancelled");
            context.setReason(StreamLoadObservationContext.NO_REASON);
            observation.stop();
        }
    }

    /**
     * How many loads are observed right now.
     */
    int inFlight() {
        return this.inFlight.size();
    }

}
