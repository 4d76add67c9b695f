package io.github.srboot.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property values that mean the same compare equal.
 */
class PropertyRulesTests {

    @Test
    void enumLikeValuesIgnoreCase() {
        assertThat(PropertyRules.sameValue("compression", "ZSTD", "zstd")).isTrue();
        assertThat(PropertyRules.sameValue("storage_medium", "SSD", "ssd")).isTrue();
        assertThat(PropertyRules.sameValue("colocate_with", "Group", "group")).isFalse();
    }

    @Test
    void columnListsCompareAsSets() {
        assertThat(PropertyRules.sameValue("bloom_filter_columns", "b, a", "A,b")).isTrue();
        assertThat(PropertyRules.sameValue("bloom_filter_columns", "a, b", "a")).isFalse();
    }

    @Test
    void anAbsentPropertyEqualsADeclaredServerDefault() {
        assertThat(PropertyRules.sameValue("in_memory", null, "false")).isTrue();
        assertThat(PropertyRules.sameValue("storage_medium", null, "HDD")).isTrue();
        assertThat(PropertyRules.sameValue("storage_medium", null, "SSD")).isFalse();
        assertThat(PropertyRules.sameValue("replication_num", null, "3")).isFalse();
    }

    @Test
    void immutableAndAsynchronousProperties() {
        assertThat(PropertyRules.immutable("fast_schema_evolution")).isTrue();
        assertThat(PropertyRules.immutable("replication_num")).isFalse();
        assertThat(PropertyRules.asynchronous("bloom_filter_columns")).isTrue();
        assertThat(PropertyRules.asynchronous("colocate_with")).isFalse();
    }

}
