package io.github.srboot.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.srboot.actuate.StarRocksSchemaEndpoint.ChangeDescriptor;
import io.github.srboot.actuate.StarRocksSchemaEndpoint.SchemaDriftDescriptor;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.jdbc.StarRocksReflectionException;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.SchemaDiff;
import io.github.srboot.schema.StarRocksSchemaDiff;
import io.github.srboot.support.RecordedCatalog;
import io.github.srboot.support.RecordedCatalog.ColumnRow;
import io.github.srboot.support.ScriptedJdbc;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class StarRocksSchemaEndpointTests {

    private static final String TABLE = "CREATE TABLE t (id BIGINT NOT NULL, v INT) DUPLICATE KEY(id) "
            + "DISTRIBUTED BY HASH(id) BUCKETS 4";

    private static StarRocksSchemaEndpoint endpoint(MigrationPlan plan) {
        StarRocksSchemaDiff diff = new StarRocksSchemaDiff(new StarRocksTemplate(new SimpleDriverDataSource()),
                "analytics", List::of, false) {

            @Override
            public MigrationPlan plan() {
                return plan;
            }

        };
        return new StarRocksSchemaEndpoint(new CachedSchemaPlan(diff, Duration.ZERO));
    }

    /** A diff that counts its plans and fails when told to. */
    private static final class CountingDiff extends StarRocksSchemaDiff {

        private final AtomicInteger plans = new AtomicInteger();

        private final RuntimeException failure;

        CountingDiff(RuntimeException failure) {
            super(new StarRocksTemplate(new SimpleDriverDataSource()), "analytics", List::of, false);
            this.failure = failure;
        }

        @Override
        public MigrationPlan plan() {
            this.plans.incrementAndGet();
            if (this.failure != null) {
                throw this.failure;
            }
            return new MigrationPlan(List.of());
        }

    }

    @Test
    void reusesAPlanForTheTtl() {
        CountingDiff diff = new CountingDiff(null);
        MutableClock clock = new MutableClock();
        StarRocksSchemaEndpoint endpoint = new StarRocksSchemaEndpoint(
                new CachedSchemaPlan(diff, Duration.ofSeconds(30), clock));

        endpoint.drift();
        endpoint.drift();
        assertThat(diff.plans).hasValue(1);
        clock.advance(Duration.ofSeconds(30));
        SchemaDriftDescriptor drift = endpoint.drift();
        assertThat(diff.plans).hasValue(2);
        assertThat(drift.computedAt()).isEqualTo(clock.instant());
    }

    @Test
    void namesTheObjectItCouldNotRead() {
        String showCreate = "SHOW CREATE TABLE `analytics`.`events`";
        CountingDiff diff = new CountingDiff(
                new StarRocksReflectionException("SHOW CREATE returned no definition", showCreate, null));

        SchemaDriftDescriptor drift = new StarRocksSchemaEndpoint(new CachedSchemaPlan(diff, Duration.ZERO)).drift();

        assertThat(drift.drift()).isNull();
        assertThat(drift.unreadable()).singleElement()
            .satisfies((unreadable) -> {
                assertThat(unreadable.statement()).isEqualTo(showCreate);
                assertThat(unreadable.problem()).contains("SHOW CREATE returned no definition");
            });
    }

    @Test
    void reportsOtherFailuresWithoutThrowing() {
        CountingDiff diff = new CountingDiff(new IllegalStateException("desired schema: duplicate table t"));

        SchemaDriftDescriptor drift = new StarRocksSchemaEndpoint(new CachedSchemaPlan(diff, Duration.ZERO)).drift();

        assertThat(drift.drift()).isNull();
        assertThat(drift.unreadable()).isEmpty();
        assertThat(drift.error()).isEqualTo("desired schema: duplicate table t");
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            this.now = this.now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return this.now;
        }

    }

    @Test
    void showsNoDriftForAnEmptyPlan() {
        SchemaDriftDescriptor drift = endpoint(new MigrationPlan(List.of())).drift();

        assertThat(drift.database()).isEqualTo("analytics");
        assertThat(drift.drift()).isFalse();
        assertThat(drift.changes()).isEmpty();
        assertThat(drift.statements()).isEmpty();
    }

    @Test
    void showsTheChangesWithTheirFlagsAndTheSql() {
        MigrationPlan plan = SchemaDiff.compare(Ddl.parse(TABLE),
                Ddl.parse(TABLE.replace("v INT", "v BIGINT").replace("DUPLICATE KEY(id)", "DUPLICATE KEY(id, v)")));

        SchemaDriftDescriptor drift = endpoint(plan).drift();

        assertThat(drift.drift()).isTrue();
        assertThat(drift.statements()).containsExactly("ALTER TABLE `t` MODIFY COLUMN `v` BIGINT NULL");
        assertThat(drift.changes()).extracting(ChangeDescriptor::kind).containsExactly("KEYS", "COLUMNS");
        ChangeDescriptor refused = drift.changes().get(0);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.applicable()).isFalse();
        assertThat(refused.manualPath()).contains("SWAP WITH");
        ChangeDescriptor columns = drift.changes().get(1);
        assertThat(columns.object()).isEqualTo("table t");
        assertThat(columns.asynchronous()).isTrue();
        assertThat(columns.sql()).containsExactly("ALTER TABLE `t` MODIFY COLUMN `v` BIGINT NULL");
    }

    @Test
    void anObjectTheParserCannotReadIsReportedWhileTheOthersAreCompared() {
        ScriptedJdbc server = new ScriptedJdbc();
        new RecordedCatalog("analytics")
            .table("t", "DUP_KEYS", """
                    CREATE TABLE `t` (
                      `id` bigint(20) NOT NULL COMMENT "",
                      `v` int(11) NULL COMMENT ""
                    ) ENGINE=OLAP\s
                    DUPLICATE KEY(`id`)
                    DISTRIBUTED BY HASH(`id`) BUCKETS 4\s
                    PROPERTIES (
                    "replication_num" = "1"
                    );""", ColumnRow.of("id", "bigint(20)"), ColumnRow.of("v", "int(11)"))
            .table("future", "DUP_KEYS", "CREATE TABLE `future` (`id` int(11) NULL) SOME CLAUSE FROM 5.0",
                    ColumnRow.of("id", "int(11)"))
            .installOn(server);
        StarRocksSchemaDiff diff = new StarRocksSchemaDiff(new StarRocksTemplate(server.dataSource()), "analytics",
                () -> Ddl.parse(TABLE.replace("v INT", "v BIGINT")), false);

        SchemaDriftDescriptor drift = new StarRocksSchemaEndpoint(new CachedSchemaPlan(diff, Duration.ZERO)).drift();

        assertThat(drift.changes()).extracting(ChangeDescriptor::kind).containsExactly("UNREADABLE_OBJECT",
                "COLUMNS");
        assertThat(drift.changes().get(0).object()).isEqualTo("table future");
        assertThat(drift.changes().get(0).details()).singleElement().asString().contains("'future'");
        assertThat(drift.statements()).containsExactly("ALTER TABLE `t` MODIFY COLUMN `v` BIGINT NULL");
        assertThat(drift.drift()).isTrue();
        assertThat(drift.unreadable()).singleElement()
            .satisfies((unreadable) -> assertThat(unreadable.problem()).startsWith("table future: ").contains("'future'"));
    }

}
