package io.github.srboot.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.github.srboot.ddl.Ddl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Writing a plan as the next Flyway migration.
 */
class FlywayMigrationWriterTests {

    private static final String TABLE = "CREATE TABLE t (id BIGINT NOT NULL, v INT) DUPLICATE KEY(id) "
            + "DISTRIBUTED BY HASH(id) BUCKETS 4";

    @TempDir
    Path directory;

    private static MigrationPlan plan(String actual, String desired) {
        return SchemaDiff.compare(Ddl.parse(actual), Ddl.parse(desired));
    }

    @Test
    void theFirstMigrationIsVersionOne() throws IOException {
        assertThat(FlywayMigrationWriter.nextVersion(this.directory)).isEqualTo("1");
        assertThat(FlywayMigrationWriter.nextVersion(this.directory.resolve("missing"))).isEqualTo("1");
    }

    @Test
    void theNextVersionFollowsTheHighestExistingOne() throws IOException {
        Files.createDirectories(this.directory.resolve("sub"));
        for (String name : List.of("V1__init.sql", "V2__more.sql", "sub/V10__nested.sql", "R__view.sql",
                "V9__x.txt", "U11__undo.sql")) {
            Files.writeString(this.directory.resolve(name), "");
        }

        assertThat(FlywayMigrationWriter.nextVersion(this.directory)).isEqualTo("11");
    }

    @Test
    void dottedAndUnderscoredVersionsKeepTheirStyle() throws IOException {
        Files.writeString(this.directory.resolve("V1.9__a.sql"), "");
        Files.writeString(this.directory.resolve("V1.10__b.sql"), "");
        assertThat(FlywayMigrationWriter.nextVersion(this.directory)).isEqualTo("1.11");

        Files.writeString(this.directory.resolve("V2_3__c.sql"), "");
        assertThat(FlywayMigrationWriter.nextVersion(this.directory)).isEqualTo("2_4");
    }

    @Test
    void writesStatementsWithTheirFlagsAndRefusalsAsComments() throws IOException {
        Files.writeString(this.directory.resolve("V3__init.sql"), "");
        MigrationPlan plan = plan(TABLE, TABLE.replace("v INT", "v BIGINT").replace("DUPLICATE KEY(id)",
                "DUPLICATE KEY(id, v)"));

        Optional<Path> written = FlywayMigrationWriter.write(plan, this.directory, "widen v");

        assertThat(written).contains(this.directory.resolve("V4__widen_v.sql"));
        String script = Files.readString(written.get());
        assertThat(script).contains("-- 1. KEYS table t [refused]", "--    REFUSED: StarRocks cannot change the key",
                "--    Manual path: create the new table", "-- 2. COLUMNS table t [async]",
                "--    - column v: type INT -> BIGINT", "ALTER TABLE `t` MODIFY COLUMN `v` BIGINT NULL;");
        assertThat(script.lines().filter(line -> !line.isBlank() && !line.startsWith("--")))
                .containsExactly("ALTER TABLE `t` MODIFY COLUMN `v` BIGINT NULL;");
    }

    @Test
    void everyAsynchronousJobIsFollowedByAWait() {
        MigrationPlan plan = plan(TABLE, TABLE.replace("v INT", "v BIGINT, w INT").replace("BUCKETS 4", "BUCKETS 8")
                + " ORDER BY (v, id)");

        String script = FlywayMigrationWriter.render(plan);

        List<String> lines = script.lines().filter((line) -> !line.isBlank()).toList();
        List<String> alters = lines.stream().filter((line) -> line.startsWith("ALTER TABLE")).toList();
        assertThat(alters).hasSize(3);
        for (String alter : alters) {
            assertThat(lines.get(lines.indexOf(alter) - 1)).isEqualTo("--    waits: asynchronous job on t");
        }
        assertThat(script).contains("-- Statements marked \"waits\" start an asynchronous StarRocks job");
    }

    @Test
    void synchronousStatementsDoNotWait() {
        MigrationPlan plan = plan(TABLE, TABLE.replace("DUPLICATE KEY(id)", "DUPLICATE KEY(id) COMMENT 'c'"));

        assertThat(FlywayMigrationWriter.render(plan)).contains("ALTER TABLE `t` COMMENT = \"c\";")
            .doesNotContain("--    waits:");
    }

    @Test
    void nothingIsWrittenWithoutAStatementToRun() throws IOException {
        MigrationPlan refusedOnly = plan(TABLE, TABLE.replace("DUPLICATE KEY(id)", "DUPLICATE KEY(id, v)"));

        assertThat(FlywayMigrationWriter.write(new MigrationPlan(List.of()), this.directory, "none")).isEmpty();
        assertThat(FlywayMigrationWriter.write(refusedOnly, this.directory, "refused")).isEmpty();
        try (var files = Files.list(this.directory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDescriptionThatDoesNotFitAFileNameIsRejected() {
        MigrationPlan plan = plan(TABLE, TABLE.replace("v INT", "v BIGINT"));

        assertThatIllegalArgumentException().isThrownBy(() -> FlywayMigrationWriter.write(plan, this.directory, "../x"))
                .withMessageContaining("'../x'");
        assertThatIllegalArgumentException().isThrownBy(() -> FlywayMigrationWriter.write(plan, this.directory, "a__b"));
        assertThatIllegalArgumentException().isThrownBy(() -> FlywayMigrationWriter.write(plan, this.directory, " "));
    }

}
