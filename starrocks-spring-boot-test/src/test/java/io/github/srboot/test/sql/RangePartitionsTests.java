package io.github.srboot.test.sql;

import java.util.List;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the embedded FE turns a RANGE partition clause into the ranges SHOW CREATE TABLE prints
 * ({@code catalog/RangePartitionInfo.toSql}: every partition as {@code [lower, upper)}, sorted by range).
 */
class RangePartitionsTests {

    @Test
    void aLessThanPartitionStartsAtTheTypesMinimumOrWhereTheRangeBelowEnds() {
        // show-create 0049: DATE starts at "0000-01-01"; 0056: INT at "-2147483648"; altered/1053: the next LESS THAN
        // partition starts where the previous one ends
        Table table = table("CREATE TABLE t (k BIGINT, d DATE) PARTITION BY RANGE(k) (PARTITION p1 VALUES LESS THAN "
                + "(\"-5\"), PARTITION p2 VALUES LESS THAN (\"20\"), PARTITION p3 VALUES LESS THAN MAXVALUE)");
        assertThat(RangePartitions.toSql(table)).isEqualTo("PARTITION BY RANGE(`k`)\n"
                + "(PARTITION p1 VALUES [(\"-9223372036854775808\"), (\"-5\")),\n"
                + "PARTITION p2 VALUES [(\"-5\"), (\"20\")),\n"
                + "PARTITION p3 VALUES [(\"20\"), (MAXVALUE)))");
    }

    @Test
    void integerBoundsAreOrderedAsNumbersNotAsText() {
        Table table = table("CREATE TABLE t (k INT) PARTITION BY RANGE(k) (PARTITION big VALUES [(\"100\"), "
                + "(\"1000\")), PARTITION small VALUES [(\"9\"), (\"100\")))");
        assertThat(RangePartitions.of(table)).extracting(RangePartitions.Range::name).containsExactly("small", "big");
    }

    @Test
    void aBoundWithFewerValuesThanColumnsIsFilledWithTheMinimum() {
        Table table = table("CREATE TABLE t (k1 INT, k2 DATE) PARTITION BY RANGE(k1, k2) "
                + "(PARTITION p1 VALUES LESS THAN (\"10\"))");
        assertThat(RangePartitions.of(table)).containsExactly(new RangePartitions.Range("p1",
                List.of("-2147483648", "0000-01-01"), List.of("10", "0000-01-01")));
    }

    @Test
    void startEndEveryMakesOnePartitionPerStepNamedByItsStart() {
        // show-create 0053 / altered/1048: from_unixtime keys are DATETIME, a DAY step is named pyyyyMMdd
        Table daily = table("CREATE TABLE t (ts BIGINT) PARTITION BY RANGE(from_unixtime(ts)) "
                + "(START (\"2021-01-01\") END (\"2021-01-03\") EVERY (INTERVAL 1 DAY))");
        assertThat(RangePartitions.toSql(daily)).isEqualTo("PARTITION BY RANGE(from_unixtime(ts))\n"
                + "(PARTITION p20210101 VALUES [(\"2021-01-01 00:00:00\"), (\"2021-01-02 00:00:00\")),\n"
                + "PARTITION p20210102 VALUES [(\"2021-01-02 00:00:00\"), (\"2021-01-03 00:00:00\")))");
        Table monthly = table("CREATE TABLE t (d DATE) PARTITION BY RANGE(d) "
                + "(START (\"2024-01-01\") END (\"2024-03-15\") EVERY (INTERVAL 1 MONTH))");
        assertThat(RangePartitions.of(monthly)).containsExactly(
                new RangePartitions.Range("p202401", List.of("2024-01-01"), List.of("2024-02-01")),
                new RangePartitions.Range("p202402", List.of("2024-02-01"), List.of("2024-03-01")),
                new RangePartitions.Range("p202403", List.of("2024-03-01"), List.of("2024-03-15")));
    }

    @Test
    void refusesWhatItCannotExpandNamingIt() {
        Table weekly = table("CREATE TABLE t (d DATE) PARTITION BY RANGE(d) "
                + "(START (\"2024-01-01\") END (\"2024-02-01\") EVERY (INTERVAL 1 WEEK))");
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> RangePartitions.of(weekly))
            .withMessageContaining("START/END/EVERY");
    }

    private static Table table(String ddl) {
        return (Table) Ddl.parse(ddl).get(0);
    }

}
