package io.github.srboot.flyway;

import java.util.List;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DdlStatement;
import io.github.srboot.schema.FlywayMigrationWriter;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.SchemaChange;
import io.github.srboot.schema.SchemaDiff;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a migration written by the schema diff says about waits is what the Flyway callback does: every statement the
 * file marks "waits" is one the callback waits after, and no two asynchronous jobs on one table follow each other
 * without such a wait.
 */
class WrittenMigrationWaitsTests {

    private static final String TABLE = """
            CREATE TABLE t (id BIGINT NOT NULL, v INT, name VARCHAR(20))
            DUPLICATE KEY(id)
            DISTRIBUTED BY HASH(id) BUCKETS 4
            PROPERTIES ("replication_num" = "1")""";

    private static final String CHANGED = """
            CREATE TABLE t (id BIGINT NOT NULL, v BIGINT, name VARCHAR(40), w INT,
                INDEX idx_name (name) USING GIN ("parser" = "english"))
            DUPLICATE KEY(id)
            DISTRIBUTED BY HASH(id) BUCKETS 8
            ORDER BY (v, id)
            PROPERTIES ("replication_num" = "1", "bloom_filter_columns" = "v")""";

    @Test
    void theCallbackWaitsWhereTheFileSaysItWaits() {
        MigrationPlan plan = SchemaDiff.compare(Ddl.parse(TABLE), Ddl.parse(CHANGED));

        int waits = 0;
        int asynchronousWithoutWait = 0;
        for (SchemaChange change : plan.changes()) {
            for (DdlStatement statement : change.statements()) {
                boolean fileWaits = FlywayMigrationWriter.waits(change, statement);
                boolean callbackWaits = AlterStatements.classify(Ddl.render(statement)).isPresent();
                if (fileWaits) {
                    waits++;
                    assertThat(callbackWaits).as(Ddl.render(statement)).isTrue();
                }
                else if (change.asynchronous()) {
                    asynchronousWithoutWait++;
                }
            }
        }
        assertThat(waits).isGreaterThanOrEqualTo(4);
        assertThat(asynchronousWithoutWait).isZero();
        List<String> waitLines = FlywayMigrationWriter.render(plan).lines()
            .filter((line) -> line.startsWith("--    waits:")).toList();
        assertThat(waitLines).hasSize(waits);
    }

}
