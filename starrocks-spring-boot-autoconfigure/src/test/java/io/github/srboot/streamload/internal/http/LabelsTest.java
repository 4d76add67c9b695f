package io.github.srboot.streamload.internal.http;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LabelsTest {

    private final Labels labels = new Labels();

    @Test
    void labelsArePrefixTableAndUniquePart() {
        String label = this.labels.next("app", "orders");
        assertThat(label).startsWith("app_orders_").matches("[0-9A-Za-z_-]+");
        Labels.requireValidLabel(label);
    }

    @Test
    void labelsAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(this.labels.next("p", "t"))).isTrue();
        }
        assertThat(new Labels().next("p", "t")).isNotIn(seen);
    }

    @Test
    void tableCharactersOutsideTheLabelAlphabetAreReplacedAndLongNamesTruncated() {
        assertThat(this.labels.next("p", "weird table.ü")).startsWith("p_weird_table___");
        String longLabel = this.labels.next("prefix", "t".repeat(300));
        assertThat(longLabel).hasSizeLessThanOrEqualTo(128);
        Labels.requireValidLabel(longLabel);
    }

    @Test
    void invalidLabelsAndPrefixesAreRefusedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> Labels.requireValidLabel("a b"))
            .withMessageContaining("'a b'");
        assertThatIllegalArgumentException().isThrownBy(() -> Labels.requireValidLabel("x".repeat(129)));
        assertThatIllegalArgumentException().isThrownBy(() -> Labels.requireValidPrefix("bad.prefix"))
            .withMessageContaining("bad.prefix");
    }

}
