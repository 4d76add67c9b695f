package io.github.srboot.ddl;

import java.util.ArrayList;
import java.util.List;

import io.github.srboot.support.RandomSchemaObjects;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style round trips: for many seeded random valid objects, {@code parse(render(x))} gives back {@code x},
 * and a whole script of them parses back in order.
 */
class DdlParserPropertyTests {

    private static final int SAMPLES = 400;

    @Test
    void randomTablesSurviveRenderAndParse() {
        RandomSchemaObjects random = new RandomSchemaObjects(20241121L);
        for (int i = 0; i < SAMPLES; i++) {
            assertRoundTrip(random.table(), i);
        }
    }

    @Test
    void randomViewsAndMaterializedViewsSurviveRenderAndParse() {
        RandomSchemaObjects random = new RandomSchemaObjects(7L);
        for (int i = 0; i < SAMPLES; i++) {
            assertRoundTrip(random.view(), i);
            assertRoundTrip(random.materializedView(), i);
        }
    }

    @Test
    void tablesOfTheModelsOwnGeneratorParseBackExactly() {
        RandomTables tables = new RandomTables(20261121L, false);
        for (int i = 0; i < SAMPLES; i++) {
            Table table = tables.next();
            String rendered = Ddl.render(table);
            assertThat(Ddl.parse(rendered)).as("table %d:%n%s", i, rendered)
                .containsExactly(table);
        }
    }

    @Test
    void aScriptOfRandomObjectsParsesBackInOrder() {
        RandomSchemaObjects random = new RandomSchemaObjects(42L);
        List<SchemaObject> objects = new ArrayList<>();
        StringBuilder script = new StringBuilder("-- generated script\n");
        for (int i = 0; i < 30; i++) {
            SchemaObject object = switch (i % 3) {
                case 0 -> random.table();
                case 1 -> random.view();
                default -> random.materializedView();
            };
            objects.add(object);
            script.append(Ddl.render(object)).append(";\n\n");
        }
        assertThat(Ddl.parse(script.toString())).containsExactlyElementsOf(objects);
    }

    private static void assertRoundTrip(SchemaObject object, int sample) {
        String rendered = Ddl.render(object);
        assertThat(Ddl.parse(rendered)).as("sample %d:%n%s", sample, rendered).containsExactly(object);
    }

}
