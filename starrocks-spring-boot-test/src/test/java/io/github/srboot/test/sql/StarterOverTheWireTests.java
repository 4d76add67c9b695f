package io.github.srboot.test.sql;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.github.srboot.actuate.StarRocksClusterProbe;
import io.github.srboot.actuate.StarRocksHealthContributors;
import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.Table;
import io.github.srboot.jdbc.ReflectedSchema;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.StarRocksSchemaDiff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's JDBC side against the embedded StarRocks over the wire, as an application gets it: a plain
 * {@code spring.datasource.url} (StarRocks recognised from what the FE answers), Flyway migrating at start-up through
 * the StarRocks database type, the drift check after it ({@code fail}: the context starts only without drift),
 * reflection, and the {@code jdbc} part of the {@code starrocks} health contributor.
 */
@SpringBootTest(classes = StarterOverTheWireTests.Config.class, properties = {
        "spring.main.web-application-type=none",
        "spring.flyway.locations=classpath:flyway/concurrent",
        "starrocks.schema.locations=classpath:schema/concurrent",
        "starrocks.schema.drift-check=fail" })
// the context, and the migration Flyway ran when it started, is shared by the tests: no reset between them
@EmbeddedStarRocks(database = "shop", resetAfterEach = false)
class StarterOverTheWireTests {

    @Autowired
    StarRocksTemplate starRocks;

    @Autowired
    StarRocksSchemaDiff schemaDiff;

    @Autowired
    StarRocksClusterProbe probe;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void flywayMigratedAtStartUpAndTheDriftCheckFoundNoDrift() {
        assertThat(this.jdbc.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank",
                String.class)).containsExactly("1", "2", "3");
        assertThat(this.schemaDiff.plan().isEmpty()).isTrue();
    }

    @Test
    void reflectsTheMigratedTables() {
        ReflectedSchema schema = this.starRocks.reflect("shop");
        assertThat(schema.objects()).extracting((object) -> object.name())
            .contains("orders", "customers", "flyway_schema_history");
        Table customers = (Table) this.starRocks.describe("shop", "customers").orElseThrow();
        assertThat(customers.columns()).extracting(Column::name).containsExactly("id", "name");
    }

    @Test
    void theDriftCheckSeesAColumnAddedBehindItsBack() {
        this.jdbc.execute("ALTER TABLE customers ADD COLUMN email VARCHAR(80)");
        try {
            MigrationPlan plan = this.schemaDiff.plan();
            assertThat(plan.isEmpty()).isFalse();
            assertThat(plan.toString()).contains("email");
        }
        finally {
            this.jdbc.execute("ALTER TABLE customers DROP COLUMN email");
        }
    }

    @Test
    void theJdbcHealthIsUpWithTheVersionTheFrontendAnswers() {
        CompositeHealthContributor starrocks = StarRocksHealthContributors.blocking(this.probe);
        Health jdbc = ((HealthIndicator) starrocks.getContributor("jdbc")).health();
        assertThat(jdbc.getStatus()).isEqualTo(Status.UP);
        // qe/GlobalVariable.java: versionComment = <version>-<commit>
        assertThat(jdbc.getDetails()).containsEntry("version", "3.5.5-e0b2fd4");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Config {

    }

}
