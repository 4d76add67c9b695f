package io.github.srboot.test.streamload;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DATE and DATETIME text as StarRocks' BE reads it on load, run against the stub's {@link ValueType}. Each case names
 * where its expectation comes from: a StarRocks BE unit test ({@code be/test/runtime/time_types_test.cpp}), a case of
 * the conformance corpus ({@code ../shared/corpus/stream-load/csv_reader_cases.tsv}, from
 * {@code be/test/formats/csv/date*_converter_test.cpp}) or, where no StarRocks test asserts it, the BE source the
 * outcome follows from ({@code be/src/runtime/time_types.cpp} {@code date::from_string} and
 * {@code date::from_string_to_datetime}; {@code be/src/types/timestamp_value.cpp} {@code TimestampValue::from_string}
 * and {@code be/src/types/date_value.cpp} {@code DateValue::from_string}, both range-checked by {@code date::check}
 * and {@code timestamp::check_time}). A {@code null} expectation means StarRocks reads no value (NULL, or a filtered
 * row in strict mode).
 */
class StarRocksDateTimeCasesTests {

    /** One text loaded into a column of {@code type}, the stored text expected, and where that expectation is from. */
    record DateTimeCase(String source, String type, String text, String expected) {

        @Override
        public String toString() {
            return this.type + " '" + this.text + "' (" + this.source + ")";
        }

    }

    private static final String TIME_TYPES_TEST = "be/test/runtime/time_types_test.cpp";

    private static final String PARSER = "be/src/runtime/time_types.cpp date::from_string";

    private static final String RANGE = "be/src/runtime/time_types.cpp date::check / timestamp::check_time";

    static Stream<DateTimeCase> cases() {
        return Stream.of(
                // TimeTypesTest.from_string_to_datetime_interval_format
                new DateTimeCase(TIME_TYPES_TEST, "DATETIME", "20231225123456", "2023-12-25 12:34:56"),
                new DateTimeCase(TIME_TYPES_TEST, "DATETIME", "20231225", "2023-12-25 00:00:00"),
                new DateTimeCase(TIME_TYPES_TEST, "DATETIME", "20231225T123456", "2023-12-25 12:34:56"),
                // TimeTypesTest.from_string_to_datetime_standard_format
                new DateTimeCase(TIME_TYPES_TEST, "DATETIME", "2023-12-25 12:34:56", "2023-12-25 12:34:56"),
                new DateTimeCase(TIME_TYPES_TEST, "DATETIME", "2023-12-25", "2023-12-25 00:00:00"),
                new DateTimeCase(TIME_TYPES_TEST, "DATETIME", "2023-12-25T12:34:56", "2023-12-25 12:34:56"),
                // TimeTypesTest.from_string_to_datetime_edge_cases: valid through the general parser
                new DateTimeCase(TIME_TYPES_TEST, "DATETIME", "2023-12-25 12", "2023-12-25 12:00:00"),
                // corpus CSV182, CSV183, CSV185, CSV186 (DatetimeConverterTest)
                new DateTimeCase("corpus CSV182", "DATETIME", "1990-01-01 01:02:03", "1990-01-01 01:02:03"),
                new DateTimeCase("corpus CSV183", "DATETIME", "19900101010203", "1990-01-01 01:02:03"),
                new DateTimeCase("corpus CSV185", "DATETIME", "1", null),
                new DateTimeCase("corpus CSV186", "DATETIME", "\"1990-11-25 01:02:03\"", null),
                // corpus CSV167, CSV168, CSV170, CSV171 (DateConverterTest)
                new DateTimeCase("corpus CSV167", "DATE", "1990-01-01", "1990-01-01"),
                new DateTimeCase("corpus CSV168", "DATE", "19910203", "1991-02-03"),
                new DateTimeCase("corpus CSV170", "DATE", "1", null),
                new DateTimeCase("corpus CSV171", "DATE", "\"1990-11-25\"", null),
                // a fraction of 1 to 6 digits is scaled to microseconds (the issue: 1, 2, 4 or 5 digits were NULL)
                new DateTimeCase(PARSER, "DATETIME", "2024-05-01 10:00:00.1", "2024-05-01 10:00:00.100000"),
                new DateTimeCase(PARSER, "DATETIME", "2024-05-01 10:00:00.12", "2024-05-01 10:00:00.120000"),
                new DateTimeCase(PARSER, "DATETIME", "2024-05-01 10:00:00.123", "2024-05-01 10:00:00.123000"),
                new DateTimeCase(PARSER, "DATETIME", "2024-05-01 10:00:00.1234", "2024-05-01 10:00:00.123400"),
                new DateTimeCase(PARSER, "DATETIME", "2024-05-01 10:00:00.12345", "2024-05-01 10:00:00.123450"),
                new DateTimeCase(PARSER, "DATETIME", "2024-05-01 10:00:00.123456", "2024-05-01 10:00:00.123456"),
                new DateTimeCase(PARSER, "DATETIME", "2024-05-01 10:00:00.000001", "2024-05-01 10:00:00.000001"),
                new DateTimeCase(PARSER, "DATETIME", "2024-05-01 10:00:00.000000", "2024-05-01 10:00:00"),
                // digits after the sixth are cut off, not rounded
                new DateTimeCase(PARSER, "DATETIME", "2024-05-01 10:00:00.1234567", "2024-05-01 10:00:00.123456"),
                new DateTimeCase(PARSER, "DATETIME", "2024-05-01T10:00:00.5", "2024-05-01 10:00:00.500000"),
                new DateTimeCase(PARSER, "DATETIME", "20240501100000.25", "2024-05-01 10:00:00.250000"),
                // a zone after the seconds is ignored: no conversion
                new DateTimeCase(PARSER, "DATETIME", "2024-05-01T10:00:00Z", "2024-05-01 10:00:00"),
                new DateTimeCase(PARSER, "DATETIME", "2024-05-01 10:00:00+08:00", "2024-05-01 10:00:00"),
                new DateTimeCase(PARSER, "DATETIME", "2024-05-01 10:00:00.5+08:00", "2024-05-01 10:00:00.500000"),
                // surrounding whitespace, one-digit fields, other punctuation, two-digit years
                new DateTimeCase(PARSER, "DATETIME", "  2024-05-01 10:00:00  ", "2024-05-01 10:00:00"),
                new DateTimeCase(PARSER, "DATETIME", "2024-5-1 1:2:3", "2024-05-01 01:02:03"),
                new DateTimeCase(PARSER, "DATETIME", "2024/05/01 10.20.30", "2024-05-01 10:20:30"),
                new DateTimeCase(PARSER, "DATETIME", "24-05-01 10:00:00", "2024-05-01 10:00:00"),
                new DateTimeCase(PARSER, "DATETIME", "990501", "1999-05-01 00:00:00"),
                new DateTimeCase(PARSER, "DATETIME", "2024 -05-01", null),
                new DateTimeCase(PARSER, "DATETIME", "2024-05", null),
                // out of range
                new DateTimeCase(RANGE, "DATETIME", "2023-02-29 00:00:00", null),
                new DateTimeCase(RANGE, "DATETIME", "2024-02-29 00:00:00", "2024-02-29 00:00:00"),
                new DateTimeCase(RANGE, "DATETIME", "2024-13-01 00:00:00", null),
                new DateTimeCase(RANGE, "DATETIME", "2024-00-10 00:00:00", null),
                new DateTimeCase(RANGE, "DATETIME", "2024-05-01 24:00:00", null),
                new DateTimeCase(RANGE, "DATETIME", "2024-05-01 23:60:00", null),
                new DateTimeCase(RANGE, "DATETIME", "2024-05-01 23:59:60", null),
                new DateTimeCase(RANGE, "DATETIME", "10000-01-01 00:00:00", null),
                new DateTimeCase(RANGE, "DATETIME", "0000-01-01 00:00:00", "0000-01-01 00:00:00"),
                new DateTimeCase(RANGE, "DATE", "0000-02-29", null),
                new DateTimeCase(RANGE, "DATE", "2000-02-29", "2000-02-29"),
                new DateTimeCase(RANGE, "DATE", "1900-02-29", null),
                new DateTimeCase(RANGE, "DATE", "9999-12-31", "9999-12-31"),
                // a DATE reads a date-time's date and drops the time, unchecked (DateValue::from_string)
                new DateTimeCase(PARSER, "DATE", "2024-05-01 10:00:00.123", "2024-05-01"),
                new DateTimeCase(PARSER, "DATE", "2024-05-01 99:99:99", "2024-05-01"),
                new DateTimeCase(PARSER, "DATE", "2024-5-1", "2024-05-01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void storesWhatTheBackendReads(DateTimeCase c) {
        assertThat(ValueType.parse(c.type()).convert(c.text())).as(c.toString()).isEqualTo(c.expected());
    }

}
