package io.github.srboot.test.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DropDatabase;
import io.github.srboot.ddl.MaterializedView;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.View;
import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.SchemaChange;
import io.github.srboot.schema.SchemaDiff;
import io.github.srboot.schema.StarRocksSchemaDiff;
import io.github.srboot.test.support.EnabledIfStarRocksAvailable;
import io.github.srboot.test.support.StarRocksTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema diff's acid test against a real StarRocks: every table, view and materialized view of the
 * phantom-diff corpus is created from the user's DDL as written, reflected back, and compared with that DDL: the
 * plan must be empty. Then a plan with real changes is applied and the database converges (planning again is empty).
 */
@EnabledIfStarRocksAvailable
class SchemaDiffIT {

    /** The corpus of the autoconfigure module's unit tests: one directory per pair, the user DDL in desired.sql. */
    private static final Path CORPUS = Path.of("..", "starrocks-spring-boot-autoconfigure", "src", "test", "resources",
            "schema", "phantom-diff");

    private static final String DATABASE = "srboot_diff_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private static StarRocksTemplate template;

    private static List<SchemaObject> userSchema;

    @BeforeAll
    static void createTheCorpusFromUserDdl() throws IOException {
        template = new StarRocksTemplate(StarRocksTestCluster.get().dataSource(),
                new AlterJobPolling(Duration.ofMillis(500), Duration.ofMinutes(5)));
        template.createDatabase(DATABASE);
        List<String> ddl = new ArrayList<>();
        try (Stream<Path> pairs = Files.list(CORPUS)) {
            for (Path pair : pairs.filter(Files::isDirectory).sorted().toList()) {
                ddl.add(Files.readString(pair.resolve("desired.sql"), StandardCharsets.UTF_8).trim());
            }
        }
        // Tables before the views and materialized views that read them.
        ddl.sort(Comparator.comparingInt(SchemaDiffIT::creationOrder));
        userSchema = ddl.stream().flatMap(sql -> Ddl.parse(sql).stream()).toList();
        JdbcTemplate jdbc = (JdbcTemplate) template.getJdbcOperations();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            connection.setCatalog(DATABASE);
            try (Statement statement = connection.createStatement()) {
                for (String sql : ddl) {
                    statement.execute(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
                }
            }
            return null;
        });
    }

    private static int creationOrder(String sql) {
        SchemaObject object = Ddl.parse(sql).get(0);
        if (object instanceof MaterializedView) {
            return 2;
        }
        return (object instanceof View) ? 1 : 0;
    }

    @AfterAll
    static void dropDatabase() {
        if (template != null) {
            template.execute(new DropDatabase(DATABASE, true, true));
        }
    }

    @Test
    void theReflectedSchemaEqualsTheUserDdl() {
        MigrationPlan plan = SchemaDiff.compare(template.describeAll(DATABASE), userSchema);

        assertThat(plan.isEmpty()).as("%s", plan).isTrue();
    }

    @Test
    void anAppliedPlanConverges() {
        String table = "CREATE TABLE converge (id BIGINT NOT NULL, name VARCHAR(20), v INT) DUPLICATE KEY(id) "
                + "DISTRIBUTED BY HASH(id) BUCKETS 2 PROPERTIES (\"replication_num\" = \"1\")";
        template.create(DATABASE, Ddl.parse(table).get(0));
        String changed = table.replace("name VARCHAR(20)", "name VARCHAR(40) COMMENT 'the name'")
                .replace("v INT", "v BIGINT, added DATE")
                .replace("DISTRIBUTED", "COMMENT 'converged' DISTRIBUTED")
                .replace("BUCKETS 2", "BUCKETS 4");
        List<SchemaObject> desired = new ArrayList<>(userSchema);
        desired.addAll(Ddl.parse(changed));
        StarRocksSchemaDiff diff = new StarRocksSchemaDiff(template, DATABASE, () -> desired, false);

        List<SchemaChange> applied = diff.apply(diff.plan());

        assertThat(applied).isNotEmpty();
        MigrationPlan after = diff.plan();
        assertThat(after.isEmpty()).as("%s", after).isTrue();
    }

}
