package io.github.srboot.flyway;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.srboot.jdbc.AlterJobType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which migration statements start an asynchronous ALTER job. The statements are those of StarRocks' own SQL tests,
 * as collected in {@code ../shared/corpus/ddl/alters/} (file named in each row), plus shapes the corpus lacks.
 */
class AlterStatementsTests {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            # corpus file       | statement                                                                                | table                       | jobs
            alters/0002.sql     | alter table t0 add column b1 BOOLEAN;                                                    | t0                          | COLUMN
            alters/0003.sql     | alter table tab1 modify column c1 add field val1 int;                                    | tab1                        | COLUMN
            alters/0012.sql     | ALTER TABLE t1 MODIFY COLUMN k13 decimal(32, 10);                                        | t1                          | COLUMN
            alters/0014.sql     | alter table d modify column k comment 'k';                                               | d                           | COLUMN
            alters/0018.sql     | ALTER TABLE t0 ADD COLUMN v2 BIGINT, DROP COLUMN v2;                                     | t0                          | COLUMN
            alters/0019.sql     | alter table test2 add index test_bitmap(v1);                                             | test2                       | COLUMN
            alters/0021.sql     | ALTER TABLE t0 DROP COLUMN v1, DROP COLUMN v0;                                           | t0                          | COLUMN
            alters/0028.sql     | alter table t order by (k,c,v);                                                          | t                           | COLUMN
            alters/0048.sql     | ALTER TABLE test_pk_tbl1 add COLUMN (v6 bitmap not null, v7 bitmap);                     | test_pk_tbl1                | COLUMN
            alters/0055.sql     | ALTER TABLE decimal_complex ADD COLUMN arr_dec128 ARRAY<DECIMAL(38, 10)> DEFAULT [123456.1234567890, 654321.0987654321]; | decimal_complex | COLUMN
            alters/0077.sql     | ALTER TABLE expr_bucket_t DISTRIBUTED BY HASH(k1) DEFAULT BUCKETS 8;                     | expr_bucket_t               | OPTIMIZE
            alters/0092.sql     | ALTER TABLE t2_primary ADD INDEX gin_english(value) USING GIN ("parser" = "english");     | t2_primary                  | COLUMN
            alters/0093.sql     | ALTER TABLE ngram_index ADD INDEX idx_name1(username) USING NGRAMBF ('gram_num' = "4", "bloom_filter_fpp" = "0.01"); | ngram_index | COLUMN
            alters/0098.sql     | CREATE INDEX index_3 ON t_test_basic_create_index_dup (id4) USING GIN;                   | t_test_basic_create_index_dup | COLUMN
            alters/0149.sql     | alter table t distributed by hash(k) buckets 4;                                          | t                           | OPTIMIZE
            alters/0150.sql     | alter table t distributed by random;                                                     | t                           | OPTIMIZE
            alters/0154.sql     | alter table `t#t` distributed by hash(k) buckets 20;                                     | t#t                         | OPTIMIZE
            alters/0177.sql     | alter table `test_struct_schema_change_db`.`tab1` modify column item_appeasement__sms__a add field appitms.[*].supcnclqty int(11) AFTER shpqty; | test_struct_schema_change_db.tab1 | COLUMN
            alters/0206.sql     | CREATE INDEX index_vector2 ON t_test_vector_table (vector2) USING VECTOR ("metric_type" = "l2_distance", "dim"="4"); | t_test_vector_table | COLUMN
            alters/0207.sql     | ALTER TABLE t_test_vector_table add index index_vector2 (vector2) USING VECTOR ("metric_type" = "l2_distance"); | t_test_vector_table | COLUMN
            not in corpus       | ALTER TABLE shop.events SET ("bloom_filter_columns" = "name");                           | shop.events                 | COLUMN
            not in corpus       | ALTER TABLE events ADD ROLLUP r1 (id, name);                                             | events                      | ROLLUP
            not in corpus       | ALTER TABLE events ADD COLUMN m MAP<INT, VARCHAR(10)>, DISTRIBUTED BY HASH(id);          | events                      | COLUMN OPTIMIZE
            not in corpus       | DROP INDEX idx ON events;                                                                | events                      | COLUMN
            not in corpus       | CREATE MATERIALIZED VIEW mv_sum AS SELECT k1, SUM(v) FROM shop.base GROUP BY k1;         | shop.base                   | ROLLUP
            not in corpus       | -- a comment first\\nALTER TABLE events DROP COLUMN note;                                | events                      | COLUMN
            """)
    void startsAJob(String source, String sql, String table, String jobs) {
        Optional<AsyncAlter> alter = AlterStatements.classify(sql.replace("\\n", "\n"));

        assertThat(alter).as(source).isPresent();
        String qualified = (alter.get().table().database() != null)
                ? alter.get().table().database() + "." + alter.get().table().name() : alter.get().table().name();
        assertThat(qualified).isEqualTo(table);
        Set<AlterJobType> expected = Set.of(jobs.split(" ")).stream().map(AlterJobType::valueOf)
            .collect(Collectors.toSet());
        assertThat(alter.get().jobs()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            alters/0001.sql     | alter table expr_range_v2_partitioned_table add partition p4 values [('2024-01-04'), ('2024-01-05'));
            alters/0016.sql     | ALTER TABLE t0 SET ("storage_cooldown_ttl" = "2 DAY");
            alters/0030.sql     | alter table t_recharge_detail drop partition p20220401_hangzhou force;
            alters/0042.sql     | ALTER TABLE t2 SET ("colocate_with" = "u0_group1");
            alters/0066.sql     | ALTER TABLE t1 DROP PARTITIONS WHERE dt >= '2020-07-03';
            alters/0111.sql     | alter materialized view mv1 refresh manual;
            alters/0116.sql     | ALTER MATERIALIZED VIEW mv1 SWAP WITH mv2;
            alters/0159.sql     | alter table t1 add partitions start ("2024-01-05") end ("2024-01-10") every (interval 1 day);
            alters/0167.sql     | alter table t add partition p3 values less than ("30") distributed by random buckets 20;
            alters/0205.sql     | ALTER TABLE t_fk SET ("foreign_key_constraints" = "(fk) REFERENCES t_uk(uk)");
            not in corpus       | CREATE TABLE t (id INT) DISTRIBUTED BY HASH(id);
            not in corpus       | CREATE MATERIALIZED VIEW mv REFRESH ASYNC AS SELECT k1 FROM base;
            not in corpus       | CREATE MATERIALIZED VIEW mv DISTRIBUTED BY HASH(k1) AS SELECT k1 FROM base;
            not in corpus       | ALTER TABLE events RENAME events_old;
            not in corpus       | ALTER TABLE events COMMENT = "order by id";
            not in corpus       | INSERT INTO events VALUES (1, 'ALTER TABLE x ADD COLUMN y INT');
            not in corpus       | ALTER TABLE 'unterminated
            """)
    void startsNoJob(String source, String sql) {
        assertThat(AlterStatements.classify(sql)).as(source).isEmpty();
    }

}
