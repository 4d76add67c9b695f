package com.example.shop;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.SchemaDiff;
import io.github.srboot.schema.StarRocksSchemaDiff;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README examples: the schema diff, pure (run here) and as the auto-configured bean (compiled only: needs a
 * StarRocks).
 */
class SchemaDiffExamplesTests {

    @Test
    void compareTwoSchemas() {
        // tag::schema-diff[]
        List<SchemaObject> actual = Ddl.parse("""
                CREATE TABLE orders (id BIGINT NOT NULL, status VARCHAR(16))
                PRIMARY KEY (id) DISTRIBUTED BY HASH(id) BUCKETS 4""");
        List<SchemaObject> desired = Ddl.parse("""
                CREATE TABLE orders (id BIGINT NOT NULL, status VARCHAR(32), note STRING)
                PRIMARY KEY (id) DISTRIBUTED BY HASH(id) BUCKETS 4""");

        MigrationPlan plan = SchemaDiff.compare(actual, desired);
        System.out.println(plan);                  // each change with its flags (asynchronous, destructive) and SQL
        List<String> statements = plan.statements();
        // ALTER TABLE `orders`
        //   MODIFY COLUMN `status` VARCHAR(32) NULL,
        //   ADD COLUMN `note` STRING
        // end::schema-diff[]

        assertThat(statements).containsExactly("""
                ALTER TABLE `orders`
                  MODIFY COLUMN `status` VARCHAR(32) NULL,
                  ADD COLUMN `note` STRING""");
        assertThat(plan.changes()).singleElement().satisfies((change) -> assertThat(change.asynchronous()).isTrue());
    }

    /** Compiled, not run: needs a StarRocks. */
    void againstTheDatabase(StarRocksSchemaDiff schemaDiff) {
        // tag::schema-diff-bean[]
        MigrationPlan plan = schemaDiff.plan();            // db/schema/*.sql and SchemaObject beans vs starrocks.database
        Optional<Path> written = schemaDiff.writeMigration(Path.of("src/main/resources/db/migration"), "add_note");
        // written: V<highest + 1>__add_note.sql, or empty when there is nothing to run
        // end::schema-diff-bean[]
        assertThat(plan).isNotNull();
        assertThat(written).isNotNull();
    }

}
