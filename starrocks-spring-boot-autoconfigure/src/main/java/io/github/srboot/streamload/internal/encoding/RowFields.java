package io.github.srboot.streamload.internal.encoding;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.PropertyWriter;

/**
 * Reads a row's fields by name in its natural order: records, POJOs (Jackson's view of them, so
 * {@code @JsonProperty} names and order apply), {@code Map}s and Jackson {@code ObjectNode}s.
 *
 * <p>Thread-safe; bean introspection is cached per class.
 */
public final class RowFields {

    private final SerializerProvider provider;

    private final Map<Class<?>, Map<String, BeanPropertyWriter>> beans = new ConcurrentHashMap<>();

    public RowFields(ObjectMapper mapper) {
        this.provider = mapper.getSerializerProviderInstance();
    }

    /** The field names of a row, in order. */
    public List<String> names(Object row) {
        if (row instanceof Map<?, ?> map) {
            List<String> names = new ArrayList<>(map.size());
            map.keySet().forEach((key) -> names.add(String.valueOf(key)));
            return names;
        }
        if (row instanceof JsonNode node) {
            ObjectNode object = requireObject(node);
            List<String> names = new ArrayList<>(object.size());
            object.fieldNames().forEachRemaining(names::add);
            return names;
        }
        return new ArrayList<>(bean(row.getClass()).keySet());
    }

    /** How many fields a row has. */
    int size(Object row) {
        if (row instanceof Map<?, ?> map) {
            return map.size();
        }
        if (row instanceof JsonNode node) {
            return requireObject(node).size();
        }
        return bean(row.getClass()).size();
    }

    /**
     * The value of a field; fails naming the field when the row has no such field (a {@code null} value is fine).
     */
    public Object value(Object row, String name) {
        if (row instanceof Map<?, ?> map) {
            Object value = map.get(name);
            if (value == null && !map.containsKey(name)) {
                throw missing(row, name);
            }
            return value;
        }
        if (row instanceof JsonNode node) {
            JsonNode value = requireObject(node).get(name);
            if (value == null) {
                throw missing(row, name);
            }
            return value;
        }
        BeanPropertyWriter property = bean(row.getClass()).get(name);
        if (property == null) {
            throw missing(row, name);
        }
        try {
            return property.get(row);
        }
        catch (Exception ex) {
            throw new IllegalArgumentException(
                    "Could not read field '" + name + "' of a " + row.getClass().getName() + ": " + ex.getMessage(),
                    ex);
        }
    }

    /**
     * Whether rows of this kind are beans (records, POJOs), read through {@link #accessors}.
     */
    public static boolean isBean(Object row) {
        return !(row instanceof Map<?, ?>) && !(row instanceof JsonNode);
    }

    /**
     * The property accessors of a bean type for the given columns, in order; {@code null} where
     * {@code skip[i]} is set. Fails naming the first column the type does not have.
     */
    public BeanPropertyWriter[] accessors(Class<?> type, List<String> columns, boolean[] skip) {
        Map<String, BeanPropertyWriter> properties = bean(type);
        BeanPropertyWriter[] accessors = new BeanPropertyWriter[columns.size()];
        for (int i = 0; i < accessors.length; i++) {
            if (!skip[i]) {
                accessors[i] = properties.get(columns.get(i));
                if (accessors[i] == null) {
                    throw new IllegalArgumentException("A row of type " + type.getName() + " has no field '"
                            + columns.get(i) + "' (the load's columns come from LoadOptions.columns or from the "
                            + "first row).");
                }
            }
        }
        return accessors;
    }

    /** The property accessor of a bean type by name (a generated reader where possible), or {@code null}. */
    BeanPropertyWriter property(Class<?> type, String name) {
        return bean(type).get(name);
    }

    /**
     * Reads one property, wrapping checked failures with the field name.
     */
    public static Object read(BeanPropertyWriter accessor, Object row) {
        try {
            return accessor.get(row);
        }
        catch (Exception ex) {
            throw new IllegalArgumentException("Could not read field '" + accessor.getName() + "' of a "
                    + row.getClass().getName() + ": " + ex.getMessage(), ex);
        }
    }

    private Map<String, BeanPropertyWriter> bean(Class<?> type) {
        Map<String, BeanPropertyWriter> properties = this.beans.get(type);
        if (properties == null) {
            properties = introspect(type);
            this.beans.putIfAbsent(type, properties);
        }
        return properties;
    }

    private Map<String, BeanPropertyWriter> introspect(Class<?> type) {
        JsonSerializer<Object> serializer;
        try {
            serializer = this.provider.findValueSerializer(type);
        }
        catch (JsonMappingException ex) {
            throw new IllegalArgumentException("Cannot read rows of type " + type.getName() + ": " + ex.getMessage(),
                    ex);
        }
        Map<String, BeanPropertyWriter> properties = new LinkedHashMap<>();
        Iterator<PropertyWriter> writers = serializer.properties();
        while (writers.hasNext()) {
            PropertyWriter writer = writers.next();
            if (!(writer instanceof BeanPropertyWriter beanWriter)) {
                throw new IllegalArgumentException("Cannot read property '" + writer.getName() + "' of "
                        + type.getName() + " as a column; use a record, a plain bean or a Map.");
            }
            properties.put(writer.getName(), GeneratedPropertyReader.of(beanWriter));
        }
        if (properties.isEmpty()) {
            throw new IllegalArgumentException("Rows of type " + type.getName()
                    + " have no properties to load; use a record, a bean with getters, a Map or an ObjectNode.");
        }
        return java.util.Collections.unmodifiableMap(properties);
    }

    private static ObjectNode requireObject(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new IllegalArgumentException("A JSON row must be an object, got " + node.getNodeType() + ": "
                + abbreviate(node.toString()));
    }

    private static IllegalArgumentException missing(Object row, String name) {
        return new IllegalArgumentException("A row of type " + row.getClass().getName() + " has no field '" + name
                + "' (the load's columns come from LoadOptions.columns or from the first row).");
    }

    public static String abbreviate(String text) {
        return (text.length() <= 200) ? text : text.substring(0, 200) + "...";
    }

}
