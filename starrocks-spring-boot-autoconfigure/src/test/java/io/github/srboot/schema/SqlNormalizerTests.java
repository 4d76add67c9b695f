package io.github.srboot.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query and expression text that means the same compares equal; text that differs does not.
 */
class SqlNormalizerTests {

    @Test
    void ignoresWhitespaceBackquotesKeywordCaseAndTrailingSemicolon() {
        assertThat(SqlNormalizer.same("select a,\n  sum(b) as s\nfrom t group by a;",
                "SELECT `a`, SUM(`b`) AS `s` FROM `t` GROUP BY `a`")).isTrue();
    }

    @Test
    void ignoresParenthesesAroundTheWholeText() {
        assertThat(SqlNormalizer.same("(price * quantity)", "`price` * `quantity`")).isTrue();
        assertThat(SqlNormalizer.same("(a + b) * (c + d)", "a + b * c + d")).isFalse();
    }

    @Test
    void quotingOfStringLiteralsDoesNotMatterButTheirContentDoes() {
        assertThat(SqlNormalizer.same("WHERE d >= '2024-01-01'", "where d >= \"2024-01-01\"")).isTrue();
        assertThat(SqlNormalizer.same("WHERE c = 'Beijing'", "WHERE c = 'beijing'")).isFalse();
        assertThat(SqlNormalizer.same("WHERE c = 'it''s'", "WHERE c = 'it\\'s'")).isTrue();
    }

    @Test
    void commentsAndOperatorSpellingDoNotMatter() {
        assertThat(SqlNormalizer.same("SELECT a -- the key\nFROM t /* all */ WHERE a <> 1",
                "SELECT a FROM t WHERE a != 1")).isTrue();
    }

    @Test
    void differentQueriesDiffer() {
        assertThat(SqlNormalizer.same("SELECT a FROM t", "SELECT a FROM t LIMIT 1")).isFalse();
        assertThat(SqlNormalizer.same("SELECT 1.5", "SELECT 15")).isFalse();
    }

    @Test
    void partitionExpressionUnitsIgnoreCase() {
        assertThat(SqlNormalizer.normalizePartitionExpression("DATE_TRUNC('DAY', `k`)"))
                .isEqualTo(SqlNormalizer.normalizePartitionExpression("date_trunc('day', k)"));
        assertThat(SqlNormalizer.same("DATE_TRUNC('DAY', k)", "date_trunc('day', k)")).isFalse();
    }

    @Test
    void queriesIgnoreQualifiersAndRedundantAliases() {
        assertThat(SqlNormalizer.sameQuery("select site_id, sum(pv) as pv from events group by site_id",
                "SELECT `shop`.`events`.`site_id` AS `site_id`, sum(`shop`.`events`.`pv`) AS `pv` "
                        + "FROM `shop`.`events` GROUP BY `shop`.`events`.`site_id`")).isTrue();
        assertThat(SqlNormalizer.sameQuery("SELECT t.* FROM t", "SELECT * FROM `db`.`t`")).isTrue();
        assertThat(SqlNormalizer.sameQuery("SELECT a FROM t WHERE x = 1", "SELECT a FROM t WHERE x = 2")).isFalse();
        assertThat(SqlNormalizer.sameQuery("SELECT a AS b FROM t", "SELECT a FROM t")).isFalse();
        assertThat(SqlNormalizer.sameQuery("SELECT 1.5 AS x", "SELECT 1.5 AS x")).isTrue();
        assertThat(SqlNormalizer.sameQuery("SELECT a FROM t1", "SELECT a FROM t2")).isFalse();
    }

}
