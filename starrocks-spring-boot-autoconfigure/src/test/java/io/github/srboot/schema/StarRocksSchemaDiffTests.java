package io.github.srboot.schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.srboot.ddl.AlterTable;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DdlStatement;
import io.github.srboot.ddl.ObjectKind;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.jdbc.ReflectedSchema;
import io.github.srboot.jdbc.UnreadableObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The schema diff bean over a recorded database connection: planning, applying in order with waits after
 * asynchronous changes, and writing migrations.
 */
class StarRocksSchemaDiffTests {

    private static final String TABLE = "CREATE TABLE events (id BIGINT NOT NULL, v INT) DUPLICATE KEY(id) "
            + "DISTRIBUTED BY HASH(id) BUCKETS 4";

    private final RecordingTarget target = new RecordingTarget(Ddl.parse(TABLE));

    @TempDir
    Path directory;

    private StarRocksSchemaDiff diff(String desired) {
        return new StarRocksSchemaDiff(this.target, "analytics", () -> Ddl.parse(desired), false);
    }

    @Test
    void plansAgainstTheReflectedDatabase() {
        MigrationPlan plan = diff(TABLE.replace("v INT", "v BIGINT")).plan();

        assertThat(this.target.describedDatabases).containsExactly("analytics");
        assertThat(plan.statements()).containsExactly("ALTER TABLE `events` MODIFY COLUMN `v` BIGINT NULL");
    }

    @Test
    void anUnreadableObjectIsReportedAndLeftAloneWhileTheOthersAreCompared() throws Exception {
        this.target.unreadable.add(new UnreadableObject("new_syntax", ObjectKind.TABLE,
                "Could not read the definition of 'new_syntax': line 3, column 5: unexpected 'VECTOR'"));
        StarRocksSchemaDiff diff = new StarRocksSchemaDiff(this.target, "analytics", () -> Ddl.parse(
                TABLE.replace("v INT", "v BIGINT") + "; CREATE TABLE new_syntax (id INT) DISTRIBUTED BY HASH(id)"),
                true);

        MigrationPlan plan = diff.plan();

        assertThat(plan.changes()).extracting(SchemaChange::kind)
            .containsExactly(ChangeKind.UNREADABLE_OBJECT, ChangeKind.COLUMNS);
        assertThat(plan.changes().get(0).details()).containsExactly(
                "Could not read the definition of 'new_syntax': line 3, column 5: unexpected 'VECTOR'");
        assertThat(plan.statements()).containsExactly("ALTER TABLE `events` MODIFY COLUMN `v` BIGINT NULL");
        assertThat(diff.writeMigration(this.directory, "widen")).isPresent();
        assertThat(Files.readString(this.directory.resolve("V1__widen.sql")))
            .contains("-- 1. UNREADABLE_OBJECT table new_syntax [not applied]")
            .contains("unexpected 'VECTOR'");
        assertThat(diff.apply(plan)).extracting(SchemaChange::kind).containsExactly(ChangeKind.COLUMNS);
    }

    @Test
    void appliesQualifiedStatementsWaitingAfterAsynchronousOnes() {
        String desired = TABLE.replace("v INT", "v BIGINT").replace("BUCKETS 4", "BUCKETS 4 PROPERTIES "
                + "(\"replication_num\" = \"2\")") + "; CREATE VIEW v_events AS SELECT id FROM events";
        StarRocksSchemaDiff diff = diff(desired);
        MigrationPlan plan = diff.plan();

        List<SchemaChange> applied = diff.apply(plan);

        assertThat(applied).hasSize(3);
        assertThat(this.target.calls).containsExactly(
                "alterAndWait ALTER TABLE `analytics`.`events` MODIFY COLUMN `v` BIGINT NULL",
                "execute ALTER TABLE `analytics`.`events` SET (\"replication_num\" = \"2\")",
                "execute CREATE VIEW `analytics`.`v_events`\nAS SELECT id FROM events");
    }

    @Test
    void refusedChangesAreNotApplied() {
        StarRocksSchemaDiff diff = diff(TABLE.replace("DUPLICATE KEY(id)", "DUPLICATE KEY(id, v)"));

        assertThat(diff.apply(diff.plan())).isEmpty();
        assertThat(this.target.calls).isEmpty();
    }

    @Test
    void writesTheNextMigration() throws Exception {
        Files.writeString(this.directory.resolve("V1__init.sql"), "");

        Path written = diff(TABLE.replace("v INT", "v BIGINT")).writeMigration(this.directory, "widen").orElseThrow();

        assertThat(written.getFileName()).hasToString("V2__widen.sql");
        assertThat(Files.readString(written)).contains("ALTER TABLE `events` MODIFY COLUMN `v` BIGINT NULL;");
    }

    @Test
    void unmanagedTablesAreNeitherReportedNorDroppedUnlessDesired() {
        RecordingTarget withFlyway = new RecordingTarget(Ddl.parse(TABLE
                + "; CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL) PRIMARY KEY (installed_rank) "
                + "DISTRIBUTED BY HASH(installed_rank)"
                + "; CREATE TABLE flyway_schema_history_lock (generation BIGINT NOT NULL) PRIMARY KEY (generation) "
                + "DISTRIBUTED BY HASH(generation) BUCKETS 1"));
        List<String> flyway = List.of("flyway_schema_history", "flyway_schema_history_lock");

        assertThat(new StarRocksSchemaDiff(withFlyway, "analytics", () -> Ddl.parse(TABLE), true, flyway).plan()
            .isEmpty()).isTrue();
        // without them being named, allow-drop would drop Flyway's own tables
        assertThat(new StarRocksSchemaDiff(withFlyway, "analytics", () -> Ddl.parse(TABLE), true).plan().statements())
            .containsExactly("DROP TABLE `flyway_schema_history`", "DROP TABLE `flyway_schema_history_lock`");
        // a desired unmanaged table is compared like any other
        MigrationPlan desiredHistory = new StarRocksSchemaDiff(withFlyway, "analytics", () -> Ddl.parse(TABLE
                + "; CREATE TABLE flyway_schema_history (installed_rank BIGINT NOT NULL) PRIMARY KEY (installed_rank) "
                + "DISTRIBUTED BY HASH(installed_rank)"), true, flyway).plan();
        assertThat(desiredHistory.changes()).extracting((change) -> change.object().name())
            .containsExactly("flyway_schema_history");
    }

    @Test
    void withoutADatabaseItExplainsWhatToSet() {
        StarRocksSchemaDiff diff = new StarRocksSchemaDiff(this.target, null, List::of, false);

        assertThatIllegalStateException().isThrownBy(diff::plan).withMessageContaining("starrocks.database");
    }

    /** Records what the diff asks of the database. */
    static final class RecordingTarget implements StarRocksSchemaDiff.Target {

        private final List<SchemaObject> objects;

        final List<UnreadableObject> unreadable = new ArrayList<>();

        final List<String> describedDatabases = new ArrayList<>();

        final List<String> calls = new ArrayList<>();

        RecordingTarget(List<SchemaObject> objects) {
            this.objects = objects;
        }

        @Override
        public ReflectedSchema reflect(String database) {
            this.describedDatabases.add(database);
            return new ReflectedSchema(this.objects, this.unreadable);
        }

        @Override
        public void execute(DdlStatement statement) {
            this.calls.add("execute " + Ddl.render(statement));
        }

        @Override
        public void alterAndWait(AlterTable alter) {
            this.calls.add("alterAndWait " + Ddl.render(alter));
        }

    }

}
