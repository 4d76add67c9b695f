package io.github.srboot.streamload.internal.encoding;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Date;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The textual forms StarRocks parses for dates and times, and the Jackson set-up that writes them.
 *
 * <p>DATE: {@code 2024-01-31}; DATETIME: {@code 2024-01-31 23:59:59[.ffffff]} (a space, never {@code T}); instants
 * are converted to local date-times in the load's zone because DATETIME has no zone.
 */
public final class StarRocksJson {

    static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
        .appendLiteral(' ')
        .appendPattern("HH:mm:ss")
        .optionalStart()
        .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
        .toFormatter();

    static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("HH:mm:ss")
        .optionalStart()
        .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
        .toFormatter();

    private StarRocksJson() {
    }

    /**
     * A DATETIME as StarRocks parses it: {@code yyyy-MM-dd HH:mm:ss}, then microseconds without trailing zeros
     * when there are any (the same text as {@link #DATE_TIME}, without its per-call overhead: this runs per row).
     */
    static String dateTime(LocalDateTime value) {
        ValueText.Scratch scratch = ValueText.Scratch.get();
        int length = scratch.dateTime(value);
        return (length < 0) ? DATE_TIME.format(value) : new String(scratch.chars, 0, length);
    }

    /** The longest DATETIME text: {@code yyyy-MM-dd HH:mm:ss.ffffff}. */
    static final int DATE_TIME_LENGTH = 26;

    /**
     * A copy of {@code base} that writes temporal values as StarRocks parses them (in {@code zone}), decimals in
     * plain notation, and does not flush after every value.
     */
    public static ObjectMapper mapper(ObjectMapper base, ZoneId zone) {
        SimpleModule module = new SimpleModule("starrocks-stream-load");
        module.addSerializer(LocalDate.class, new DateSerializer());
        module.addSerializer(BigDecimal.class, new DecimalSerializer());
        module.addSerializer(LocalDateTime.class, new DateTimeSerializer());
        module.addSerializer(LocalTime.class, text(TIME::format));
        module.addSerializer(Instant.class, new PointInTimeSerializer<>((Instant value) -> value, zone));
        module.addSerializer(OffsetDateTime.class, new PointInTimeSerializer<>(OffsetDateTime::toInstant, zone));
        module.addSerializer(ZonedDateTime.class, new PointInTimeSerializer<>(ZonedDateTime::toInstant, zone));
        module.addSerializer(Date.class, new UtilDateSerializer(zone));
        return base.copy()
            .registerModule(module)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /**
     * Whether the serializer is one this class registers for DATE, DATETIME or decimals (whose text
     * {@link JsonRowPlan} writes directly).
     */
    static boolean isOwnSerializer(JsonSerializer<?> serializer) {
        return serializer instanceof DateSerializer || serializer instanceof DecimalSerializer
                || serializer instanceof DateTimeSerializer;
    }

    /**
     * Whether the serializer is one this class registers for a point in time ({@code Instant},
     * {@code OffsetDateTime}, {@code ZonedDateTime}, {@code java.util.Date}): written as {@link #local} shows it.
     */
    static boolean isPointInTimeSerializer(JsonSerializer<?> serializer) {
        return serializer instanceof PointInTimeSerializer || serializer instanceof UtilDateSerializer;
    }

    /**
     * The DATETIME a point in time shows in the load's zone: the one rule for {@code Instant},
     * {@code OffsetDateTime}, {@code ZonedDateTime} and {@code java.util.Date}, in JSON and CSV alike (a DATETIME
     * column holds no zone).
     */
    static LocalDateTime local(Instant value, ZoneId zone) {
        return LocalDateTime.ofInstant(value, zone);
    }

    /** DATE as {@code yyyy-MM-dd}. */
    private static final class DateSerializer extends JsonSerializer<LocalDate> {

        @Override
        public void serialize(LocalDate value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            ValueText.Scratch scratch = ValueText.Scratch.get();
            if (!scratch.written(scratch.date(value), generator, false)) {
                generator.writeString(value.toString());
            }
        }

    }

    /** Decimals as plain-notation numbers. */
    private static final class DecimalSerializer extends JsonSerializer<BigDecimal> {

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            ValueText.Scratch scratch = ValueText.Scratch.get();
            if (!scratch.written(scratch.decimal(value), generator, true)) {
                generator.writeNumber(value.toPlainString());
            }
        }

    }

    /** DATETIME as {@link #dateTime(LocalDateTime)}. */
    private static final class DateTimeSerializer extends JsonSerializer<LocalDateTime> {

        @Override
        public void serialize(LocalDateTime value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            writeDateTime(value, generator);
        }

    }

    /** A {@link Date} (including {@code java.sql} subclasses) as StarRocks text. */
    static String format(Date value, ZoneId zone) {
        if (value instanceof java.sql.Date sqlDate) {
            return sqlDate.toLocalDate().toString();
        }
        if (value instanceof java.sql.Time sqlTime) {
            return TIME.format(sqlTime.toLocalTime());
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return dateTime(timestamp.toLocalDateTime());
        }
        return dateTime(local(value.toInstant(), zone));
    }

    /** Writes a DATETIME without an intermediate {@code String}. */
    private static void writeDateTime(LocalDateTime value, JsonGenerator generator) throws IOException {
        ValueText.Scratch scratch = ValueText.Scratch.get();
        if (!scratch.written(scratch.dateTime(value), generator, false)) {
            generator.writeString(DATE_TIME.format(value));
        }
    }

    /** A point in time as the DATETIME of its instant in the load's zone ({@link #local}). */
    private static final class PointInTimeSerializer<T> extends JsonSerializer<T> {

        private final java.util.function.Function<T, Instant> instant;

        private final ZoneId zone;

        PointInTimeSerializer(java.util.function.Function<T, Instant> instant, ZoneId zone) {
            this.instant = instant;
            this.zone = zone;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            writeDateTime(local(this.instant.apply(value), this.zone), generator);
        }

    }

    /** A {@link Date} as {@link #format(Date, ZoneId)} writes it. */
    private static final class UtilDateSerializer extends JsonSerializer<Date> {

        private final ZoneId zone;

        UtilDateSerializer(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public void serialize(Date value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(format(value, this.zone));
        }

    }

    private static <T> JsonSerializer<T> text(java.util.function.Function<T, String> formatter) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(formatter.apply(value));
            }
        };
    }

}
