package io.github.srboot.streamload.internal.encoding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ValueText} writes exactly the text of the JDK methods it replaces ({@code Long.toString},
 * {@code BigDecimal.toPlainString}, {@code Double.toString}, {@code LocalDate.toString}), or declines.
 */
class ValueTextTest {

    private final Random random = new Random(15);

    @Test
    void longsMatchLongToString() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 9L, 10L, 99L, 100L, -100L, Long.MAX_VALUE,
                Long.MIN_VALUE, Long.MIN_VALUE + 1, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L));
        for (long power = 1; power > 0 && power < Long.MAX_VALUE / 10; power *= 10) {
            values.addAll(List.of(power, power - 1, power + 1, -power, -(power - 1)));
        }
        for (int i = 0; i < 10_000; i++) {
            values.add(this.random.nextLong() >> this.random.nextInt(64));
        }
        for (long value : values) {
            byte[] out = new byte[ValueText.LONG_LENGTH + 3];
            int end = ValueText.writeLong(out, 3, value);
            assertThat(new String(out, 3, end - 3, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(value));
        }
    }

    @Test
    void decimalsMatchToPlainStringOrDecline() {
        List<BigDecimal> values = new ArrayList<>();
        for (String text : List.of("0", "0.00", "-0.00", "1", "-1", "0.1", "-0.001", "123.45", "1E+3", "-1E+3", "0E+3",
                "1E-18", "123456789012345678", "12345678901234567.8", "0.000000000000000001", "1E+18", "1E-19",
                "1234567890123456789", "99999999999999999.99", "5E+18", "-12.3400")) {
            values.add(new BigDecimal(text));
        }
        for (int i = 0; i < 20_000; i++) {
            values.add(new BigDecimal(BigInteger.valueOf(this.random.nextLong() >> this.random.nextInt(64)),
                    this.random.nextInt(45) - 22));
        }
        int written = 0;
        for (BigDecimal value : values) {
            byte[] out = new byte[ValueText.DECIMAL_LENGTH + 2];
            int end = ValueText.writeDecimal(out, 2, value);
            if (end >= 0) {
                written++;
                assertThat(new String(out, 2, end - 2, StandardCharsets.US_ASCII)).as("%s scale %d", value,
                        value.scale()).isEqualTo(value.toPlainString());
                ValueText.Scratch scratch = ValueText.Scratch.get();
                int length = scratch.decimal(value);
                assertThat(new String(scratch.chars, 0, length)).isEqualTo(value.toPlainString());
            }
            else {
                assertThat(value.precision() > 18 || Math.abs(value.scale()) > 18).as("%s declined", value).isTrue();
            }
        }
        assertThat(written).isGreaterThan(values.size() / 2);
    }

    @Test
    void wholeDoublesMatchDoubleToStringOrDecline() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 42.0, 9_999_999.0, 10_000_000.0,
                -9_999_999.0, 0.5, 1e-3, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300));
        for (int i = 0; i < 10_000; i++) {
            values.add((double) (this.random.nextInt(30_000_000) - 15_000_000));
            values.add(this.random.nextDouble() * 1000);
        }
        for (double value : values) {
            byte[] out = new byte[ValueText.LONG_LENGTH + 2];
            int end = ValueText.writeWholeDouble(out, 0, value);
            if (end >= 0) {
                assertThat(new String(out, 0, end, StandardCharsets.US_ASCII)).isEqualTo(Double.toString(value));
                assertThat(new String(out, 0, end, StandardCharsets.US_ASCII))
                    .isEqualTo(Float.toString((float) value).equals(Double.toString(value)) ? Float.toString(
                            (float) value) : Double.toString(value));
            }
            else {
                assertThat(value == Math.rint(value) && Math.abs(value) < 1e7
                        && Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(-0.0)).as("%s", value)
                    .isFalse();
            }
        }
    }

    @Test
    void datesMatchLocalDateToStringOrDecline() {
        for (LocalDate date : List.of(LocalDate.of(2024, 1, 31), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
                LocalDate.of(0, 2, 29), LocalDate.of(1970, 1, 1))) {
            byte[] out = new byte[ValueText.DATE_LENGTH];
            assertThat(new String(out, 0, ValueText.writeDate(out, 0, date), StandardCharsets.US_ASCII))
                .isEqualTo(date.toString());
        }
        assertThat(ValueText.writeDate(new byte[ValueText.DATE_LENGTH], 0, LocalDate.of(10_000, 1, 1))).isEqualTo(-1);
        assertThat(ValueText.writeDate(new byte[ValueText.DATE_LENGTH], 0, LocalDate.of(-1, 1, 1))).isEqualTo(-1);
    }

    @Test
    void dateTimesMatchTheFormatter() {
        List<LocalDateTime> values = new ArrayList<>(List.of(LocalDateTime.of(2024, 1, 31, 23, 59, 59),
                LocalDateTime.of(2024, 1, 31, 0, 0, 0, 123_000), LocalDateTime.of(1, 1, 1, 0, 0),
                LocalDateTime.of(2024, 6, 1, 12, 0, 0, 999_999_999), LocalDateTime.of(9999, 12, 31, 0, 0, 0, 10_000),
                LocalDateTime.of(2024, 6, 1, 12, 0, 0, 1_000), LocalDateTime.of(2024, 6, 1, 12, 0, 0, 100_000_000)));
        for (int i = 0; i < 20_000; i++) {
            int nanos = switch (i % 3) {
                case 0 -> 0;
                case 1 -> this.random.nextInt(1_000_000) * 1_000;
                default -> this.random.nextInt(1_000_000_000);
            };
            values.add(LocalDateTime.of(this.random.nextInt(10_000), 1 + this.random.nextInt(12),
                    1 + this.random.nextInt(28), this.random.nextInt(24), this.random.nextInt(60),
                    this.random.nextInt(60), nanos));
        }
        for (LocalDateTime value : values) {
            byte[] out = new byte[StarRocksJson.DATE_TIME_LENGTH + 3];
            int end = ValueText.writeDateTime(out, 3, value);
            assertThat(new String(out, 3, end - 3, StandardCharsets.US_ASCII)).as("%s", value)
                .isEqualTo(StarRocksJson.DATE_TIME.format(value));
        }
        assertThat(ValueText.writeDateTime(new byte[32], 0, LocalDateTime.of(10_000, 1, 1, 0, 0))).isEqualTo(-1);
    }

}
