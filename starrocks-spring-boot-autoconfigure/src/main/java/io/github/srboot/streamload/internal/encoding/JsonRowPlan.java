package io.github.srboot.streamload.internal.encoding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;

/**
 * How rows of one record or bean class are written as JSON objects straight into bytes, without Jackson's
 * per-property serializer calls: the property names pre-encoded, each value written by its exact class (text,
 * emoji included, integers, {@code double} and {@code float}, booleans, decimals, DATE and DATETIME, points in time
 * as DATETIME in the load's zone, enum constants, lists and sets of these). Jackson's bean serializer (its reflection
 * and per-value dispatch) was most of the cost of a JSON row.
 *
 * <p>A plan exists only for a class whose every property Jackson writes in the default way (plain getter, no
 * custom or typed serializer, no inclusion rule, no any-getter, filter or object id; no active view) and whose
 * property types are among those above with the serializers {@link StarRocksJson} sets up; and only when the first
 * row of the class comes out byte for byte as Jackson writes it. Any other class, or a row holding a value of another
 * class (a subclass, an unpaired surrogate, a {@code NaN}, an enum constant inside a list), goes through Jackson.
 * Immutable and thread-safe.
 */
final class JsonRowPlan {

    private static final Set<Class<?>> TEXT_TYPES = Set.of(String.class);

    private static final Set<Class<?>> INTEGER_TYPES = Set.of(long.class, Long.class, int.class, Integer.class,
            short.class, Short.class, byte.class, Byte.class);

    private static final Set<Class<?>> BOOLEAN_TYPES = Set.of(boolean.class, Boolean.class);

    private static final Set<Class<?>> TEMPORAL_TYPES = Set.of(BigDecimal.class, LocalDate.class,
            LocalDateTime.class);

    private static final Set<Class<?>> FLOATING_TYPES = Set.of(double.class, Double.class, float.class, Float.class);

    private static final Set<Class<?>> POINT_IN_TIME_TYPES = Set.of(Instant.class, OffsetDateTime.class,
            ZonedDateTime.class, Date.class);

    /** The classes a list or set element is written directly for (by the serializers the mapper has for them). */
    private static final List<Class<?>> ELEMENT_TYPES = List.of(String.class, Long.class, Integer.class, Short.class,
            Byte.class, Boolean.class, Double.class, Float.class, BigDecimal.class, LocalDate.class,
            LocalDateTime.class, Instant.class, OffsetDateTime.class, ZonedDateTime.class, Date.class);

    /** Jackson's serializers of lists and sets, which write {@code [}, the elements by their class, {@code ]}. */
    private static final Set<String> COLLECTION_SERIALIZERS = Set.of(
            "com.fasterxml.jackson.databind.ser.impl.IndexedListSerializer",
            "com.fasterxml.jackson.databind.ser.std.CollectionSerializer",
            "com.fasterxml.jackson.databind.ser.impl.IndexedStringListSerializer",
            "com.fasterxml.jackson.databind.ser.impl.StringCollectionSerializer");

    /** How Jackson escapes the surrogate pair of U+1F600 by default: two six-character escapes. */
    private static final String PAIR = "\\uD83D\\uDE00";

    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** {@code {"name":} for the first property, {@code ,"name":} for the others. */
    private final byte[][] prefixes;

    private final BeanPropertyWriter[] accessors;

    /** Per property of an enum type: Jackson's text of each constant, by ordinal; {@code null} for the others. */
    private final EnumTexts[] enumTexts;

    /** The load's zone, in which a point in time is a DATETIME. */
    private final ZoneId zone;

    /** Whether the mapper writes a surrogate pair as two six-character escapes (else as 4-byte UTF-8). */
    private final boolean escapesSurrogatePairs;

    private JsonRowPlan(byte[][] prefixes, BeanPropertyWriter[] accessors, EnumTexts[] enumTexts, ZoneId zone,
            boolean escapesSurrogatePairs) {
        this.prefixes = prefixes;
        this.accessors = accessors;
        this.enumTexts = enumTexts;
        this.zone = zone;
        this.escapesSurrogatePairs = escapesSurrogatePairs;
    }

    /** The text Jackson writes for each constant of an enum class (its serializer for that property). */
    private record EnumTexts(Class<?> type, byte[][] texts) {

        static EnumTexts of(Class<?> type, JsonSerializer<Object> serializer, RowCodec codec) throws IOException {
            Object[] constants = type.getEnumConstants();
            byte[][] texts = new byte[constants.length][];
            SerializerProvider provider = codec.mapper.getSerializerProviderInstance();
            for (int i = 0; i < constants.length; i++) {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                try (JsonGenerator generator = codec.mapper.createGenerator(text)) {
                    serializer.serialize(constants[i], generator, provider);
                }
                texts[i] = text.toByteArray();
            }
            return new EnumTexts(type, texts);
        }

    }

    /**
     * The plan for rows of {@code type}, or {@code null} when Jackson must write them; {@code firstRow} is written
     * both ways to check that they agree.
     */
    static JsonRowPlan of(Class<?> type, Object firstRow, RowCodec codec) {
        try {
            JsonRowPlan plan = structural(type, codec);
            return (plan != null && plan.agreesWithJackson(firstRow, codec)) ? plan : null;
        }
        catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError ex) {
            // Whatever stands in the way of the direct path (a module system that hides Jackson's fields, a getter
            // that throws) leaves the row to Jackson, which reports real errors with the field's name.
            return null;
        }
    }

    private static JsonRowPlan structural(Class<?> type, RowCodec codec)
            throws IOException, ReflectiveOperationException {
        // An active view selects properties (and, with DEFAULT_VIEW_INCLUSION off, drops those without a view):
        // Jackson's to write. Without one, the view lists and the view-filtered properties are never used.
        if (!defaultTextFeatures(codec.mapper.getFactory())
                || codec.mapper.getSerializationConfig().getActiveView() != null) {
            return null;
        }
        SerializerProvider provider = codec.mapper.getSerializerProviderInstance();
        JsonSerializer<Object> serializer = provider.findTypedValueSerializer(type, true, null);
        if (serializer.getClass() != BeanSerializer.class || serializer.usesObjectId()
                || beanSerializerField(serializer, "_anyGetterWriter") != null
                || beanSerializerField(serializer, "_propertyFilterId") != null
                || beanSerializerField(serializer, "_typeId") != null) {
            return null;
        }
        Boolean escapesPairs = escapesSurrogatePairs(codec);
        if (escapesPairs == null) {
            return null;
        }
        List<byte[]> prefixes = new ArrayList<>();
        List<BeanPropertyWriter> accessors = new ArrayList<>();
        List<EnumTexts> enums = new ArrayList<>();
        Iterator<PropertyWriter> properties = serializer.properties();
        while (properties.hasNext()) {
            PropertyWriter property = properties.next();
            if (!(property instanceof BeanPropertyWriter beanProperty)) {
                return null;
            }
            // the reader RowFields generated for this property (once per class, shared with CSV and column names)
            BeanPropertyWriter accessor = codec.fields.property(type, beanProperty.getName());
            if (!(accessor instanceof GeneratedPropertyReader generated) || !generated.writtenPlainly()) {
                return null;
            }
            Class<?> propertyType = beanProperty.getType().getRawClass();
            JsonSerializer<Object> assigned = generated.assignedSerializer();
            if (propertyType.isEnum()) {
                JsonSerializer<Object> enumSerializer = (assigned != null) ? assigned
                        : provider.findValueSerializer(propertyType);
                if (!enumSerializer.getClass().getName()
                    .equals("com.fasterxml.jackson.databind.ser.std.EnumSerializer")) {
                    return null;
                }
                enums.add(EnumTexts.of(propertyType, enumSerializer, codec));
            }
            else if (Collection.class.isAssignableFrom(propertyType)) {
                if (!collectionsDirect(propertyType, assigned, provider)) {
                    return null;
                }
                enums.add(null);
            }
            else if (standardSerializer(propertyType, assigned, provider)) {
                enums.add(null);
            }
            else {
                return null;
            }
            prefixes.add(prefix(beanProperty.getName(), prefixes.isEmpty()));
            accessors.add(accessor);
        }
        if (accessors.isEmpty()) {
            return null;
        }
        return new JsonRowPlan(prefixes.toArray(new byte[0][]), accessors.toArray(new BeanPropertyWriter[0]),
                enums.toArray(new EnumTexts[0]), codec.zone, escapesPairs);
    }

    /**
     * How the mapper writes a surrogate pair (an emoji): {@code true} as two upper-case six-character escapes
     * (Jackson's default), {@code false} as one 4-byte UTF-8 character (with
     * {@code COMBINE_UNICODE_SURROGATES_IN_UTF8}),
     * {@code null} for anything else (then Jackson writes every row). StarRocks reads both as the same character.
     */
    private static Boolean escapesSurrogatePairs(RowCodec codec) throws IOException {
        String emoji = new String(Character.toChars(0x1F600));
        byte[] written = codec.mapper.writeValueAsBytes(emoji);
        if (Arrays.equals(written, ("\"" + PAIR + "\"").getBytes(StandardCharsets.US_ASCII))) {
            return true;
        }
        if (Arrays.equals(written, ("\"" + emoji + "\"").getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        return null;
    }

    /**
     * Whether a list or set property is written directly: Jackson's own collection serializer, and the mapper's
     * serializers of every {@link #ELEMENT_TYPES element class} the standard ones.
     */
    private static boolean collectionsDirect(Class<?> type, JsonSerializer<Object> assigned,
            SerializerProvider provider) throws IOException {
        JsonSerializer<Object> serializer = (assigned != null) ? assigned : provider.findValueSerializer(type);
        if (!COLLECTION_SERIALIZERS.contains(serializer.getClass().getName())) {
            return false;
        }
        for (Class<?> element : ELEMENT_TYPES) {
            if (!standardSerializer(element, null, provider)) {
                return false;
            }
        }
        return true;
    }

    /** {@code {"name":} for the first property of an object, {@code ,"name":} for the others. */
    private static byte[] prefix(String name, boolean first) {
        char[] quoted = JsonStringEncoder.getInstance().quoteAsString(name);
        return ((first ? "{\"" : ",\"") + new String(quoted) + "\":").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The plan for objects of the given fields, in order (rows assembled field by field, such as change rows), written
     * by {@link #writeFields}; {@code null} when Jackson must write them (a mapper that writes texts its own way).
     */
    static JsonRowPlan forFields(List<String> names, RowCodec codec) throws IOException {
        Boolean escapesPairs = escapesSurrogatePairs(codec);
        if (escapesPairs == null) {
            return null;
        }
        byte[][] prefixes = new byte[names.size()][];
        for (int i = 0; i < prefixes.length; i++) {
            prefixes[i] = prefix(names.get(i), i == 0);
        }
        return new JsonRowPlan(prefixes, new BeanPropertyWriter[0], new EnumTexts[0], codec.zone, escapesPairs);
    }

    /**
     * Writes an object of this plan's fields at the buffer's position, values as {@link #write} writes those of a
     * record (enums excepted, which Jackson writes); {@code false} when a value needs Jackson (the caller then
     * moves the position back to where the object began).
     */
    boolean writeFields(Object[] values, Buffer out) {
        for (int i = 0; i < values.length; i++) {
            out.append(this.prefixes[i]);
            if (!writeValue(values[i], out, null)) {
                return false;
            }
        }
        out.append((byte) '}');
        return true;
    }

    /**
     * Whether the generator features that change how values look (and that a first row need not reveal) are at
     * their defaults; a feature this Jackson version lacks counts as default.
     */
    private static boolean defaultTextFeatures(com.fasterxml.jackson.core.JsonFactory factory) {
        if (factory.getCharacterEscapes() != null) {
            return false;
        }
        String[][] expected = { { "ESCAPE_NON_ASCII", "false" }, { "ESCAPE_FORWARD_SLASHES", "false" },
            { "WRITE_NUMBERS_AS_STRINGS", "false" }, { "QUOTE_FIELD_NAMES", "true" },
            { "WRITE_HEX_UPPER_CASE", "true" }, { "USE_FAST_DOUBLE_WRITER", "false" } };
        for (String[] feature : expected) {
            JsonGenerator.Feature known;
            try {
                known = JsonGenerator.Feature.valueOf(feature[0]);
            }
            catch (IllegalArgumentException ex) {
                continue;
            }
            if (factory.isEnabled(known) != Boolean.parseBoolean(feature[1])) {
                return false;
            }
        }
        return true;
    }

    /**
     * A field of Jackson's bean serializer, or {@code null} when this Jackson version has no such field (2.18 moved
     * the any-getter among the properties, where only plain {@link BeanPropertyWriter}s pass).
     */
    private static Object beanSerializerField(Object serializer, String name) throws ReflectiveOperationException {
        Field field;
        try {
            field = BeanSerializerBase.class.getDeclaredField(name);
        }
        catch (NoSuchFieldException ex) {
            return null;
        }
        field.setAccessible(true);
        return field.get(serializer);
    }

    /** Whether values of the declared type are written by a serializer whose output {@link #write} reproduces. */
    private static boolean standardSerializer(Class<?> type, JsonSerializer<Object> assigned,
            SerializerProvider provider) throws IOException {
        JsonSerializer<Object> serializer = (assigned != null) ? assigned : provider.findValueSerializer(type);
        String name = serializer.getClass().getName();
        if (TEXT_TYPES.contains(type)) {
            return name.equals("com.fasterxml.jackson.databind.ser.std.StringSerializer");
        }
        if (INTEGER_TYPES.contains(type)) {
            return name.startsWith("com.fasterxml.jackson.databind.ser.std.NumberSerializers$");
        }
        if (BOOLEAN_TYPES.contains(type)) {
            return name.equals("com.fasterxml.jackson.databind.ser.std.BooleanSerializer");
        }
        if (FLOATING_TYPES.contains(type)) {
            return name.startsWith("com.fasterxml.jackson.databind.ser.std.NumberSerializers$");
        }
        if (POINT_IN_TIME_TYPES.contains(type)) {
            return StarRocksJson.isPointInTimeSerializer(serializer);
        }
        return TEMPORAL_TYPES.contains(type) && StarRocksJson.isOwnSerializer(serializer);
    }

    /** The first row written both ways must match byte for byte (the mapper's features may differ from defaults). */
    private boolean agreesWithJackson(Object row, RowCodec codec) throws IOException {
        ByteArrayOutputStream jackson = new ByteArrayOutputStream();
        try (JsonGenerator generator = codec.mapper.createGenerator(jackson)) {
            codec.mapper.writeValue(generator, row);
        }
        Buffer direct = new Buffer(256);
        if (!write(row, direct)) {
            return false;
        }
        return java.util.Arrays.equals(jackson.toByteArray(), 0, jackson.size(), direct.bytes, 0, direct.position);
    }

    /**
     * Writes the row as a JSON object at the buffer's position; {@code false} when a value needs Jackson (the
     * caller then moves the position back to where the row began).
     */
    boolean write(Object row, Buffer out) {
        for (int i = 0; i < this.accessors.length; i++) {
            out.append(this.prefixes[i]);
            if (!writeValue(RowFields.read(this.accessors[i], row), out, this.enumTexts[i])) {
                return false;
            }
        }
        out.append((byte) '}');
        return true;
    }

    /** Writes one value; {@code enumTexts} for a property of an enum type, {@code null} otherwise. */
    private boolean writeValue(Object value, Buffer out, EnumTexts enumTexts) {
        if (value == null) {
            out.append(NULL);
            return true;
        }
        Class<?> type = value.getClass();
        if (type == String.class) {
            return writeString((String) value, out, this.escapesSurrogatePairs);
        }
        if (type == Long.class || type == Integer.class || type == Short.class || type == Byte.class) {
            out.room(ValueText.LONG_LENGTH);
            out.position = ValueText.writeLong(out.bytes, out.position, ((Number) value).longValue());
            return true;
        }
        if (type == BigDecimal.class) {
            out.room(ValueText.DECIMAL_LENGTH);
            int end = ValueText.writeDecimal(out.bytes, out.position, (BigDecimal) value);
            if (end < 0) {
                out.ascii(((BigDecimal) value).toPlainString());
            }
            else {
                out.position = end;
            }
            return true;
        }
        if (type == LocalDateTime.class || type == LocalDate.class) {
            // quoted; years outside 0..9999 (-1 from ValueText) are left to Jackson
            out.room(StarRocksJson.DATE_TIME_LENGTH + 2);
            int start = out.position + 1;
            int end = (type == LocalDate.class) ? ValueText.writeDate(out.bytes, start, (LocalDate) value)
                    : ValueText.writeDateTime(out.bytes, start, (LocalDateTime) value);
            if (end < 0) {
                return false;
            }
            out.bytes[start - 1] = '"';
            out.bytes[end] = '"';
            out.position = end + 1;
            return true;
        }
        if (type == Boolean.class) {
            out.append((Boolean) value ? TRUE : FALSE);
            return true;
        }
        if (type == Double.class || type == Float.class) {
            // Jackson's default text (Double.toString, Float.toString), which StarRocks parses; NaN and the
            // infinities (quoted or not, by feature) are Jackson's to write
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                return false;
            }
            out.ascii((type == Double.class) ? Double.toString(number) : Float.toString((Float) value));
            return true;
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                || type == Date.class) {
            Instant instant = (type == Instant.class) ? (Instant) value
                    : (type == Date.class) ? ((Date) value).toInstant()
                    : (type == OffsetDateTime.class) ? ((OffsetDateTime) value).toInstant()
                    : ((ZonedDateTime) value).toInstant();
            return writeValue(StarRocksJson.local(instant, this.zone), out, null);
        }
        if (value instanceof Enum<?> constant) {
            if (enumTexts == null || constant.getDeclaringClass() != enumTexts.type()) {
                return false;
            }
            out.append(enumTexts.texts()[constant.ordinal()]);
            return true;
        }
        if (value instanceof List<?> || value instanceof Set<?>) {
            // as Jackson's collection serializers: [, each element by its class, commas, ]
            out.append((byte) '[');
            boolean first = true;
            for (Object element : (Collection<?>) value) {
                if (!first) {
                    out.append((byte) ',');
                }
                first = false;
                if (!writeValue(element, out, null)) {
                    return false;
                }
            }
            out.append((byte) ']');
            return true;
        }
        return false;
    }

    /**
     * A JSON string as Jackson's UTF-8 generator writes it by default: {@code "} and {@code \} escaped, control
     * characters as {@code \b \t \n \f \r} or a six-character escape with upper-case hex digits, everything
     * else as UTF-8; a surrogate pair as the mapper writes it ({@code escapePairs}: two six-character escapes, else one
     * 4-byte UTF-8 character). {@code false} for a text with an unpaired surrogate, which Jackson writes its own way.
     */
    private static boolean writeString(String text, Buffer out, boolean escapePairs) {
        int length = text.length();
        out.room(length * 6 + 2);
        byte[] bytes = out.bytes;
        int at = out.position;
        bytes[at++] = '"';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    bytes[at++] = (byte) c;
                    continue;
                }
                bytes[at++] = '\\';
                switch (c) {
                    case '"', '\\' -> bytes[at++] = (byte) c;
                    case '\b' -> bytes[at++] = 'b';
                    case '\t' -> bytes[at++] = 't';
                    case '\n' -> bytes[at++] = 'n';
                    case '\f' -> bytes[at++] = 'f';
                    case '\r' -> bytes[at++] = 'r';
                    default -> {
                        bytes[at++] = 'u';
                        bytes[at++] = '0';
                        bytes[at++] = '0';
                        bytes[at++] = HEX[c >> 4];
                        bytes[at++] = HEX[c & 0xF];
                    }
                }
            }
            else if (c < 0x800) {
                bytes[at++] = (byte) (0xC0 | (c >> 6));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            }
            else if (!Character.isSurrogate(c)) {
                bytes[at++] = (byte) (0xE0 | (c >> 12));
                bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            }
            else {
                // A character beyond the BMP (an emoji) is a high and a low surrogate; an unpaired one is Jackson's
                char low = (i + 1 < length) ? text.charAt(i + 1) : 0;
                if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(low)) {
                    return false;
                }
                i++;
                if (escapePairs) {
                    at = escape(bytes, escape(bytes, at, c), low);
                }
                else {
                    int codePoint = Character.toCodePoint(c, low);
                    bytes[at++] = (byte) (0xF0 | (codePoint >> 18));
                    bytes[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    bytes[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    bytes[at++] = (byte) (0x80 | (codePoint & 0x3F));
                }
            }
        }
        bytes[at++] = '"';
        out.position = at;
        return true;
    }

    /**
     * Writes the six-character escape of {@code c} (upper-case hex, as Jackson does) at {@code at}; returns the
     * position after it.
     */
    private static int escape(byte[] bytes, int at, char c) {
        bytes[at] = '\\';
        bytes[at + 1] = 'u';
        bytes[at + 2] = HEX[c >> 12];
        bytes[at + 3] = HEX[(c >> 8) & 0xF];
        bytes[at + 4] = HEX[(c >> 4) & 0xF];
        bytes[at + 5] = HEX[c & 0xF];
        return at + 6;
    }

    /**
     * A growable byte buffer: rows are written whole into it (so that a row Jackson must write instead can be
     * taken back) and it is drained between rows.
     */
    static final class Buffer {

        byte[] bytes;

        int position;

        Buffer(int capacity) {
            this.bytes = new byte[capacity];
        }

        void room(int needed) {
            if (this.position + needed > this.bytes.length) {
                this.bytes = java.util.Arrays.copyOf(this.bytes,
                        Math.max(this.bytes.length * 2, this.position + needed));
            }
        }

        void append(byte b) {
            room(1);
            this.bytes[this.position++] = b;
        }

        void append(byte[] data) {
            room(data.length);
            System.arraycopy(data, 0, this.bytes, this.position, data.length);
            this.position += data.length;
        }

        void ascii(String text) {
            room(text.length());
            for (int i = 0; i < text.length(); i++) {
                this.bytes[this.position++] = (byte) text.charAt(i);
            }
        }

    }

}
