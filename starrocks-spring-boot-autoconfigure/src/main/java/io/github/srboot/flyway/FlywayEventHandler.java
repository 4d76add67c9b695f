package io.github.srboot.flyway;

import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * A Flyway lifecycle handler, turned into a Flyway {@code Callback} by {@link FlywayCallbacks#of}. Kept apart from
 * Flyway's {@code Callback} interface because that interface changed its erasure within Flyway 11 (see
 * {@link FlywayCallbacks}).
 */
public interface FlywayEventHandler {

    /**
     * Whether this handler acts on the event.
     */
    boolean supports(Event event);

    /**
     * Handles the event; an exception fails the Flyway operation.
     */
    void handle(Event event, Context context);

    /**
     * The callback's name (Flyway sorts callbacks by name).
     */
    String name();

}
