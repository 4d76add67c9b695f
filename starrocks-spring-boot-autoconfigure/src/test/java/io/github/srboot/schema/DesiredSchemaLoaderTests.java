package io.github.srboot.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Loading the desired schema from SQL files and beans.
 */
@ExtendWith(OutputCaptureExtension.class)
class DesiredSchemaLoaderTests {

    private final DesiredSchemaLoader loader = new DesiredSchemaLoader(new PathMatchingResourcePatternResolver());

    private static final Table BEAN_TABLE = Table.builder("audit").column("id", DataType.BIGINT)
            .distributedByHash(1, "id").build();

    @Test
    void readsEverySqlFileUnderTheLocationsInFileOrderThenTheBeans() {
        List<SchemaObject> objects = this.loader.load(List.of("classpath:schema/desired", "classpath:db/absent"),
                Map.of("auditTable", BEAN_TABLE));

        assertThat(objects).extracting(SchemaObject::name).containsExactly("events", "users", "v_events", "audit");
    }

    @Test
    void anObjectDefinedTwiceNamesBothPlaces() {
        assertThatExceptionOfType(DuplicateSchemaObjectException.class)
                .isThrownBy(() -> this.loader.load(List.of("classpath:schema/duplicate"), Map.of()))
                .satisfies(ex -> {
                    assertThat(ex.getObjectName()).isEqualTo("events");
                    assertThat(ex.getFirstLocation()).endsWith("schema/duplicate/a.sql");
                    assertThat(ex.getSecondLocation()).endsWith("schema/duplicate/b.sql");
                    assertThat(ex.getMessage()).contains("a.sql", "b.sql");
                });
    }

    @Test
    void aBeanDuplicatingAFileObjectNamesTheBean() {
        Table events = Table.builder("events").column("id", DataType.BIGINT).distributedByHash(1, "id").build();

        assertThatExceptionOfType(DuplicateSchemaObjectException.class)
                .isThrownBy(() -> this.loader.load(List.of("classpath:schema/desired"), Map.of("eventsTable", events)))
                .withMessageContaining("01-tables.sql").withMessageContaining("bean 'eventsTable'");
    }

    @Test
    void aFileThatDoesNotParseIsNamed() {
        assertThatExceptionOfType(SchemaSourceException.class)
                .isThrownBy(() -> this.loader.load(List.of("classpath:schema/broken/"), Map.of()))
                .withMessageContaining("schema/broken/bad.sql");
    }

    @Test
    void aTemporaryTableIsLeftOutWithAWarningAndAQualifierIsNotUsed(@TempDir Path directory, CapturedOutput output)
            throws IOException {
        // A temporary table (corpus show-create/0060) belongs to a session; a qualifier (ddl/tables/0287) is read.
        Files.writeString(directory.resolve("tables.sql"), """
                create temporary table if not exists `t0` (`c1` int) primary key(`c1`) distributed by hash(`c1`);
                CREATE TABLE `other_db`.`kept` (`id` BIGINT) DISTRIBUTED BY HASH(`id`);
                """);
        List<SchemaObject> objects = this.loader.load(List.of(directory.toUri().toString()), Map.of());

        assertThat(objects).extracting(SchemaObject::name).containsExactly("kept");
        assertThat(output).contains("Left the temporary table 't0'", "tables.sql",
                "The database qualifier 'other_db' of 'kept'");
    }

}
