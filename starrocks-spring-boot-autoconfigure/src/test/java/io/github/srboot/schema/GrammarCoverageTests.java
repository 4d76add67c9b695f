package io.github.srboot.schema;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.github.srboot.ddl.Ddl;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of change the diff can execute renders SQL that the independent StarRocks grammar parses. Kinds the
 * grammar (StarRocks ~3.2) predates are listed with the reason.
 */
class GrammarCoverageTests {

    private static final String TABLE = """
            CREATE TABLE t (
                id BIGINT NOT NULL,
                dt DATE NOT NULL,
                name VARCHAR(20) COMMENT 'n',
                v INT,
                INDEX idx_v (v) USING BITMAP
            )
            DUPLICATE KEY (id, dt)
            PARTITION BY RANGE (dt) (PARTITION p1 VALUES [('2024-01-01'), ('2024-02-01')))
            DISTRIBUTED BY HASH (id) BUCKETS 4
            PROPERTIES ("replication_num" = "1")
            """;

    private static final String CHANGED_TABLE = """
            CREATE TABLE t (
                id BIGINT NOT NULL,
                dt DATE NOT NULL,
                added INT DEFAULT '0',
                name VARCHAR(40) COMMENT 'the name',
                v BIGINT,
                INDEX idx_name (name) USING BITMAP
            )
            DUPLICATE KEY (id, dt)
            COMMENT 'changed'
            PARTITION BY RANGE (dt) (
                PARTITION p1 VALUES [('2024-01-01'), ('2024-02-01')),
                PARTITION p2 VALUES LESS THAN ('2024-03-01'),
                START ('2024-03-01') END ('2024-05-01') EVERY (INTERVAL 1 MONTH)
            )
            DISTRIBUTED BY HASH (id) BUCKETS 8
            ORDER BY (dt, id)
            PROPERTIES ("replication_num" = "2", "colocate_with" = "g1")
            """;

    private static final String VIEW = "CREATE VIEW v AS SELECT id FROM t";

    private static final String MATERIALIZED_VIEW = "CREATE MATERIALIZED VIEW mv REFRESH MANUAL "
            + "PROPERTIES (\"replication_num\" = \"1\") AS SELECT id FROM t";

    /** Kinds that never carry statements. */
    private static final Set<ChangeKind> WITHOUT_STATEMENTS = EnumSet.of(ChangeKind.UNEXPECTED_OBJECT, ChangeKind.UNREADABLE_OBJECT,
            ChangeKind.COLUMN, ChangeKind.KEYS, ChangeKind.PARTITION_SCHEME, ChangeKind.PARTITION,
            ChangeKind.IMMUTABLE_PROPERTY, ChangeKind.MATERIALIZED_VIEW_COMMENT);

    @Test
    void everyExecutableKindParses() {
        List<MigrationPlan> plans = new ArrayList<>();
        plans.add(SchemaDiff.compare(List.of(), Ddl.parse(TABLE + ";" + VIEW + ";" + MATERIALIZED_VIEW)));
        plans.add(SchemaDiff.compare(Ddl.parse(TABLE + ";" + VIEW + ";" + MATERIALIZED_VIEW), List.of(), true));
        plans.add(SchemaDiff.compare(Ddl.parse(TABLE), Ddl.parse(CHANGED_TABLE)));
        plans.add(SchemaDiff.compare(Ddl.parse(TABLE.replace("v INT,", "v INT, gone INT,")),
                Ddl.parse(TABLE), true));
        plans.add(SchemaDiff.compare(Ddl.parse(CHANGED_TABLE), Ddl.parse(CHANGED_TABLE.replace(
                "PARTITION p2 VALUES LESS THAN ('2024-03-01'),", "")), true));
        plans.add(SchemaDiff.compare(Ddl.parse(VIEW), Ddl.parse("CREATE VIEW v COMMENT 'c' AS SELECT 1 AS id")));
        plans.add(SchemaDiff.compare(Ddl.parse("CREATE TABLE v (id INT) DISTRIBUTED BY HASH(id) BUCKETS 1"),
                Ddl.parse(VIEW), true));
        plans.add(SchemaDiff.compare(Ddl.parse(MATERIALIZED_VIEW), Ddl.parse(MATERIALIZED_VIEW
                .replace("MANUAL", "ASYNC START ('2030-01-01 00:00:00') EVERY (INTERVAL 1 DAY)")
                .replace("\"1\"", "\"2\""))));
        plans.add(SchemaDiff.compare(Ddl.parse(MATERIALIZED_VIEW),
                Ddl.parse(MATERIALIZED_VIEW.replace("SELECT id", "SELECT id, 1 AS one")), true));

        Set<ChangeKind> seen = EnumSet.noneOf(ChangeKind.class);
        for (MigrationPlan plan : plans) {
            PlanGrammar.assertParses(plan);
            plan.changes().stream().filter(SchemaChange.Executable.class::isInstance)
                    .forEach(change -> seen.add(change.kind()));
        }
        Set<ChangeKind> executable = EnumSet.complementOf(EnumSet.copyOf(WITHOUT_STATEMENTS));
        assertThat(seen).isEqualTo(executable);
    }

}
