package io.github.srboot.actuate;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.SchemaDiff;
import io.github.srboot.schema.StarRocksSchemaDiff;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code starrocks.schema.drift} gauge over the cached plan.
 */
class StarRocksClusterMetricsTests {

    private static final String TABLE = "CREATE TABLE t (id BIGINT NOT NULL, v INT) DUPLICATE KEY(id) "
            + "DISTRIBUTED BY HASH(id) BUCKETS 4";

    private static CachedSchemaPlan plans(RuntimeException failure) {
        StarRocksSchemaDiff diff = new StarRocksSchemaDiff(new StarRocksTemplate(new SimpleDriverDataSource()),
                "analytics", List::of, false) {

            @Override
            public MigrationPlan plan() {
                if (failure != null) {
                    throw failure;
                }
                return SchemaDiff.compare(Ddl.parse(TABLE), Ddl.parse(TABLE.replace("v INT", "v BIGINT")));
            }

        };
        return new CachedSchemaPlan(diff, Duration.ZERO);
    }

    @Test
    void driftGaugeCountsPendingChanges() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new StarRocksClusterMetrics(null, plans(null)).bindTo(registry);

        assertThat(registry.get("starrocks.schema.drift").gauge().value()).isEqualTo(1.0);
        assertThat(registry.find("starrocks.frontends.available").gauge()).isNull();
    }

    @Test
    void driftGaugeIsNaNWhenNoPlanCanBeMade() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new StarRocksClusterMetrics(null, plans(new IllegalStateException("unreachable"))).bindTo(registry);

        assertThat(registry.get("starrocks.schema.drift").gauge().value()).isNaN();
    }

}
