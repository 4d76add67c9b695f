package io.github.srboot.flyway;

import java.lang.reflect.Proxy;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Turns a {@link FlywayEventHandler} into a Flyway {@link Callback} that works with every Flyway 11.x. A class
 * implementing {@code Callback} cannot: up to Flyway 11.7 {@code Callback} declares
 * {@code handle(Event, Context)}, later versions inherit {@code handle(CallbackEvent, Context)} from a generic
 * {@code GenericCallback}, and a class compiled against one lacks the method the other calls
 * ({@code AbstractMethodError}, or {@code NoClassDefFoundError: CallbackEvent} the other way round). A JDK proxy is
 * generated at run time from whichever {@code Callback} interface is present, so it has the right methods.
 */
public final class FlywayCallbacks {

    private FlywayCallbacks() {
    }

    /**
     * The handler as a Flyway {@code Callback}: register it with {@code FluentConfiguration.callbacks(...)} or
     * expose it as a bean for Spring Boot's Flyway auto-configuration.
     */
    public static Callback of(FlywayEventHandler handler) {
        ClassLoader classLoader = Callback.class.getClassLoader();
        return (Callback) Proxy.newProxyInstance(classLoader, new Class<?>[] { Callback.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "supports" -> handler.supports((Event) arguments[0]);
                    case "canHandleInTransaction" -> true;
                    case "handle" -> {
                        handler.handle((Event) arguments[0], (Context) arguments[1]);
                        yield null;
                    }
                    case "getCallbackName" -> handler.name();
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "FlywayCallback[" + handler.name() + "]";
                    default -> throw new UnsupportedOperationException("Callback." + method.getName());
                });
    }

}
