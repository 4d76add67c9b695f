package io.github.srboot.flyway;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler becomes a Flyway {@code Callback} that Flyway can call, whichever Flyway 11.x is on the classpath (this
 * class runs in both Surefire executions).
 */
class FlywayCallbacksTests {

    /**
     * Calls a method as Flyway does, through the {@code Callback} interface present at run time: code compiled
     * against one Flyway 11 cannot call the other's {@code Callback} methods directly (their erasure differs).
     */
    private static Object call(Callback callback, String name, Object... arguments) throws Exception {
        for (Method method : Callback.class.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                return method.invoke(callback, arguments);
            }
        }
        throw new NoSuchMethodException(name);
    }

    @Test
    void dispatchesFlywaysCallsToTheHandler() throws Exception {
        List<Event> handled = new ArrayList<>();
        Callback callback = FlywayCallbacks.of(new FlywayEventHandler() {

            @Override
            public boolean supports(Event event) {
                return event == Event.AFTER_MIGRATE;
            }

            @Override
            public void handle(Event event, Context context) {
                handled.add(event);
            }

            @Override
            public String name() {
                return "recording";
            }

        });

        assertThat(call(callback, "supports", Event.AFTER_MIGRATE, null)).isEqualTo(true);
        assertThat(call(callback, "supports", Event.BEFORE_MIGRATE, null)).isEqualTo(false);
        assertThat(call(callback, "canHandleInTransaction", Event.AFTER_MIGRATE, null)).isEqualTo(true);
        call(callback, "handle", Event.AFTER_MIGRATE, null);
        assertThat(handled).containsExactly(Event.AFTER_MIGRATE);
        assertThat(call(callback, "getCallbackName")).isEqualTo("recording");
        assertThat(callback).hasToString("FlywayCallback[recording]").isEqualTo(callback);
    }

}
