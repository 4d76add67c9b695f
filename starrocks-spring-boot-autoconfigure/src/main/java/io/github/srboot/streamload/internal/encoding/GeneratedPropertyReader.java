package io.github.srboot.streamload.internal.encoding;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;

/**
 * A bean property read through a generated function instead of reflection: {@code Method.invoke} (with its access
 * checks and argument array) was the largest single cost of reading record and POJO fields for CSV rows. Everything
 * but {@link #get} is the wrapped Jackson property.
 */
final class GeneratedPropertyReader extends BeanPropertyWriter {

    private static final long serialVersionUID = 1L;

    private final transient Function<Object, Object> getter;

    private GeneratedPropertyReader(BeanPropertyWriter base, Function<Object, Object> getter) {
        super(base);
        this.getter = getter;
    }

    /**
     * The property with a generated getter, or the property itself when its accessor is not a plain getter method
     * or its class cannot be reached (then Jackson's reflection reads it, as before).
     */
    static BeanPropertyWriter of(BeanPropertyWriter property) {
        if (property.getClass() != BeanPropertyWriter.class
                || !(property.getMember().getMember() instanceof Method method) || method.getParameterCount() != 0) {
            return property;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(method.getDeclaringClass(),
                    MethodHandles.lookup());
            MethodHandle handle = lookup.unreflect(method);
            Class<?> result = MethodType.methodType(method.getReturnType()).wrap().returnType();
            CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                    MethodType.methodType(Object.class, Object.class), handle,
                    MethodType.methodType(result, method.getDeclaringClass()));
            @SuppressWarnings("unchecked")
            Function<Object, Object> getter = (Function<Object, Object>) site.getTarget().invoke();
            return new GeneratedPropertyReader(property, getter);
        }
        catch (Throwable ex) {
            if (ex instanceof Error error && !(ex instanceof LinkageError)) {
                throw error;
            }
            return property;
        }
    }

    /**
     * Whether Jackson writes this property in the default way: no type information, no inclusion rule, and nulls
     * as {@code null}. Its value serializer is checked apart ({@link #assignedSerializer}); views are not a
     * property's matter here, as they apply only under an active view, which {@link JsonRowPlan} refuses for the
     * whole mapper (Spring Boot's mapper turns {@code DEFAULT_VIEW_INCLUSION} off, which gives every property an
     * empty view list without changing what is written without a view).
     */
    boolean writtenPlainly() {
        return (this._nullSerializer == null
                || this._nullSerializer.getClass() == com.fasterxml.jackson.databind.ser.std.NullSerializer.class)
                && this._typeSerializer == null && !this._suppressNulls && this._suppressableValue == null;
    }

    /**
     * The value serializer fixed for this property (an annotation's, or the one Jackson resolved for a final
     * type), or {@code null}.
     */
    com.fasterxml.jackson.databind.JsonSerializer<Object> assignedSerializer() {
        return this._serializer;
    }

    @Override
    public Object get(Object bean) {
        return this.getter.apply(bean);
    }

}
