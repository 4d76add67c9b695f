package io.github.srboot.schema;

import io.github.srboot.support.StarRocksGrammar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a plan's SQL against the independent StarRocks grammar (superior-starrocks-parser).
 */
final class PlanGrammar {

    private PlanGrammar() {
    }

    /**
     * Asserts that every statement of a plan parses as exactly one StarRocks statement.
     * @param plan the plan
     */
    static void assertParses(MigrationPlan plan) {
        assertThat(plan.statements()).isNotEmpty();
        for (String sql : plan.statements()) {
            try {
                StarRocksGrammar.parseSingle(sql);
            }
            catch (StarRocksGrammar.GrammarException ex) {
                throw new AssertionError("The independent grammar rejects: " + sql + "\n" + ex.getMessage(), ex);
            }
        }
    }

}
