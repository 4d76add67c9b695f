package io.github.srboot.flyway;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.jdbc.ReflectedSchema;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.schema.ChangeKind;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.SchemaChange;
import io.github.srboot.schema.StarRocksSchemaDiff;
import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ServerVariables;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The drift check after {@code migrate}: off, warn or fail, and nothing without a desired schema.
 */
@ExtendWith(OutputCaptureExtension.class)
class SchemaDriftCheckCallbackTests {

    private static final String TABLE = "CREATE TABLE events (id BIGINT NOT NULL, v INT) DUPLICATE KEY(id) "
            + "DISTRIBUTED BY HASH(id) BUCKETS 4";

    private final AtomicInteger reflections = new AtomicInteger();

    /** The diff of a database holding TABLE, reflection replaced (and counted). */
    private StarRocksSchemaDiff diff(Supplier<List<SchemaObject>> desired) {
        StarRocksTemplate unused = new StarRocksTemplate(new ScriptedJdbc().dataSource());
        return new StarRocksSchemaDiff(unused, "shop", desired, false) {

            @Override
            public ReflectedSchema reflect() {
                SchemaDriftCheckCallbackTests.this.reflections.incrementAndGet();
                return new ReflectedSchema(Ddl.parse(TABLE), List.of());
            }

        };
    }

    @Test
    void warnLogsThePlan(CapturedOutput output) {
        StarRocksSchemaDiff diff = diff(() -> Ddl.parse(TABLE.replace("v INT", "v BIGINT")));

        MigrationPlan plan = new SchemaDriftCheckCallback(() -> diff, DriftCheck.WARN).check();

        assertThat(plan.changes()).extracting(SchemaChange::kind).containsExactly(ChangeKind.COLUMNS);
        assertThat(output).contains("differs from the desired schema").contains("MODIFY COLUMN `v` BIGINT");
    }

    @Test
    void failStopsWithThePlan() {
        StarRocksSchemaDiff diff = diff(() -> Ddl.parse(TABLE.replace("v INT", "v BIGINT")));

        assertThatExceptionOfType(SchemaDriftException.class)
            .isThrownBy(() -> new SchemaDriftCheckCallback(() -> diff, DriftCheck.FAIL).check())
            .withMessageContaining("'shop' differs")
            .withMessageContaining("MODIFY COLUMN `v` BIGINT")
            .satisfies((ex) -> assertThat(ex.getPlan().isEmpty()).isFalse());
    }

    @Test
    void failPassesWithoutDrift() {
        StarRocksSchemaDiff diff = diff(() -> Ddl.parse(TABLE));

        assertThat(new SchemaDriftCheckCallback(() -> diff, DriftCheck.FAIL).check().isEmpty()).isTrue();
    }

    /** After Flyway migrated MySQL, nothing is compared with a StarRocks schema, whatever the mode. */
    @Test
    void aMigratedMySqlDatabaseIsNotChecked() throws java.sql.SQLException {
        StarRocksSchemaDiff diff = diff(() -> Ddl.parse(TABLE.replace("v INT", "v BIGINT")));
        java.sql.Connection mysql = ServerVariables.mysql8(new ScriptedJdbc()).dataSource().getConnection();
        org.flywaydb.core.api.callback.Context context = (org.flywaydb.core.api.callback.Context) java.lang.reflect.Proxy
            .newProxyInstance(getClass().getClassLoader(), new Class<?>[] { org.flywaydb.core.api.callback.Context.class },
                    (proxy, method, arguments) -> method.getName().equals("getConnection") ? mysql : null);

        new SchemaDriftCheckCallback(() -> diff, DriftCheck.FAIL).handle(Event.AFTER_MIGRATE, context);

        assertThat(this.reflections).hasValue(0);
    }

    @Test
    void nothingIsCheckedWithoutADesiredSchema() {
        StarRocksSchemaDiff diff = diff(List::of);

        assertThat(new SchemaDriftCheckCallback(() -> diff, DriftCheck.FAIL).check().isEmpty()).isTrue();
        assertThat(this.reflections).hasValue(0);
    }

    @Test
    void withoutADatabaseWarnSaysSoAndFailFails(CapturedOutput output) {
        StarRocksTemplate unused = new StarRocksTemplate(new ScriptedJdbc().dataSource());
        StarRocksSchemaDiff diff = new StarRocksSchemaDiff(unused, null, () -> Ddl.parse(TABLE), false);

        assertThat(new SchemaDriftCheckCallback(() -> diff, DriftCheck.WARN).check().isEmpty()).isTrue();
        assertThat(output).contains("set starrocks.database");
        assertThatExceptionOfType(IllegalStateException.class)
            .isThrownBy(() -> new SchemaDriftCheckCallback(() -> diff, DriftCheck.FAIL).check())
            .withMessageContaining("starrocks.database");
    }

    @Test
    void offHandlesNoEvent() {
        StarRocksSchemaDiff diff = diff(() -> Ddl.parse(TABLE.replace("v INT", "v BIGINT")));

        assertThat(new SchemaDriftCheckCallback(() -> diff, DriftCheck.OFF).supports(Event.AFTER_MIGRATE)).isFalse();
        assertThat(new SchemaDriftCheckCallback(() -> diff, DriftCheck.WARN).supports(Event.AFTER_MIGRATE)).isTrue();
        assertThat(new SchemaDriftCheckCallback(() -> diff, DriftCheck.WARN).supports(Event.BEFORE_MIGRATE)).isFalse();
    }

}
