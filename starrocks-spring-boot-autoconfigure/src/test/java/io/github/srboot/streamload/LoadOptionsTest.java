package io.github.srboot.streamload;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LoadOptionsTest {

    @Test
    void defaultsAreJsonWithNothingElseSet() {
        LoadOptions options = LoadOptions.json();
        assertThat(options.format()).isEqualTo(LoadFormat.JSON);
        assertThat(options.columns()).isEmpty();
        assertThat(options.timeout()).isNull();
        assertThat(options.compression()).isNull();
        assertThat(LoadOptions.csv().format()).isEqualTo(LoadFormat.CSV);
    }

    @Test
    void withMethodsReturnNewInstances() {
        LoadOptions base = LoadOptions.json();
        LoadOptions changed = base.withColumns("a", "b").withMaxFilterRatio(0.1).withStrictMode(true);
        assertThat(base.columns()).isEmpty();
        assertThat(changed.columns()).containsExactly("a", "b");
        assertThat(changed.maxFilterRatio()).isEqualTo(0.1);
    }

    @Test
    void badValuesAreRefusedNamingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.json().withMaxFilterRatio(1.5))
            .withMessageContaining("1.5");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.json().withTimeout(Duration.ofMillis(10)));
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.json().withLabel("no spaces"))
            .withMessageContaining("no spaces");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.csv().withSeparators(",", ","));
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.csv().withSeparators("\"", "\n"));
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.json().withHeader("Authorization", "x"))
            .withMessageContaining("Authorization");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.json().withHeader("label", "x"));
    }

    @Test
    void mergeCommitHeadersAreRefusedPointingToTheExplicitOption() {
        for (String header : new String[] { "enable_merge_commit", "Enable_Merge_Commit", "merge_commit_interval_ms",
                "merge_commit_parallel", "merge_commit_async" }) {
            assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.json().withHeader(header, "true"))
                .withMessageContaining("'" + header + "'")
                .withMessageContaining("loadWithMergeCommit");
        }
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new LoadOptions(LoadFormat.JSON, null, null, false, null, null, null, null, null, null,
                    null, "\t", "\n", ZoneOffset.UTC, Map.of("enable_merge_commit", "true")))
            .withMessageContaining("enable_merge_commit");
    }

    @Test
    void extraHeadersAreKept() {
        assertThat(LoadOptions.json().withHeader("where", "k > 1").withHeader("partitions", "p1").headers())
            .isEqualTo(Map.of("where", "k > 1", "partitions", "p1"));
    }

    @Test
    void separatorsPrintAsStarRocksHexWhenNotPrintable() {
        assertThat(LoadOptions.printable("\u0001")).isEqualTo("\\x01");
        assertThat(LoadOptions.printable("||")).isEqualTo("||");
        assertThat(LoadOptions.printable("\t")).isEqualTo("\\x09");
        assertThat(LoadOptions.printable("\u0001\u0002")).isEqualTo("\\x0102");
    }

    @Test
    void aSeparatorOutsideAsciiIsRefusedBecauseTheFeChangesIt() {
        // StarRocks' FE casts each hex byte to a signed char (Delimiter.convertDelimiter), so the BE would split on
        // other bytes than the data holds
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.csv().withSeparators("\u00a6", "\n"))
            .withMessageContaining("\\xC2A6")
            .withMessageContaining("outside ASCII");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.csv().withSeparators(",", "\u2028"))
            .withMessageContaining("outside ASCII");
        assertThat(LoadOptions.csv().withSeparators("\u0001", "\n").columnSeparator()).isEqualTo("\u0001");
    }

}
