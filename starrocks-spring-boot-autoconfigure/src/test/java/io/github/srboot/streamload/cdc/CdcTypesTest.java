package io.github.srboot.streamload.cdc;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import io.github.srboot.streamload.LoadFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CDC type table: what {@link CdcTypes#typeOf} infers, what it accepts into existing columns, and that
 * {@code docs/cdc.md} and the README print exactly {@link CdcTypes#MAPPINGS}.
 */
class CdcTypesTest {

    private static final CdcOptions OPTIONS = CdcOptions.builder().build();

    private static String type(Object value) {
        return Ddl.render(CdcTypes.typeOf("c", value, OPTIONS));
    }

    @Test
    void everyJavaTypeOfTheTableGetsItsStarRocksType() {
        assertThat(type(true)).isEqualTo("BOOLEAN");
        assertThat(type((byte) 1)).isEqualTo("TINYINT");
        assertThat(type((short) 1)).isEqualTo("SMALLINT");
        assertThat(type(1)).isEqualTo("INT");
        assertThat(type(1L)).isEqualTo("BIGINT");
        assertThat(type(BigInteger.ONE)).isEqualTo("LARGEINT");
        assertThat(type(1.5f)).isEqualTo("FLOAT");
        assertThat(type(1.5d)).isEqualTo("DOUBLE");
        assertThat(type(new BigDecimal("1.5"))).isEqualTo("DECIMAL(38, 9)");
        assertThat(type("x")).isEqualTo("STRING");
        assertThat(type('x')).isEqualTo("STRING");
        assertThat(type(LoadFormat.JSON)).isEqualTo("STRING");
        assertThat(type(UUID.randomUUID())).isEqualTo("VARCHAR(36)");
        assertThat(type(LocalDate.of(2024, 1, 31))).isEqualTo("DATE");
        assertThat(type(LocalDateTime.of(2024, 1, 31, 10, 0))).isEqualTo("DATETIME");
        assertThat(type(Instant.EPOCH)).isEqualTo("DATETIME");
        assertThat(type(OffsetDateTime.now())).isEqualTo("DATETIME");
        assertThat(type(ZonedDateTime.now())).isEqualTo("DATETIME");
        assertThat(type(LocalTime.NOON)).isEqualTo("VARCHAR(15)");
        assertThat(type(new byte[] { 1 })).isEqualTo("VARBINARY");
        assertThat(type(JsonNodeFactory.instance.objectNode())).isEqualTo("JSON");
        assertThat(type(List.of(1L, 2L))).isEqualTo("ARRAY<BIGINT>");
        assertThat(type(new String[] { null, "a" })).isEqualTo("ARRAY<STRING>");
        assertThat(type(Map.of("a", 1))).isEqualTo("JSON");
    }

    @Test
    void theDecimalAndStringTypesFollowTheOptions() {
        CdcOptions options = CdcOptions.builder().decimalType(ScalarType.of(ScalarKind.DECIMAL, 18, 2))
            .stringType(ScalarType.of(ScalarKind.VARCHAR, 255)).build();

        assertThat(Ddl.render(CdcTypes.typeOf("c", BigDecimal.ONE, options))).isEqualTo("DECIMAL(18, 2)");
        assertThat(Ddl.render(CdcTypes.typeOf("c", "x", options))).isEqualTo("VARCHAR(255)");
    }

    @Test
    void mapsMakeJsonColumnsOrMapColumnsWhenAsked() {
        CdcOptions options = CdcOptions.builder().mapsAsMapType(true).build();

        assertThat(type(Map.of("a", 1L))).isEqualTo("JSON");
        assertThat(Ddl.render(CdcTypes.typeOf("c", Map.of("a", 1L), options))).isEqualTo("MAP<STRING, BIGINT>");
        assertThatThrownBy(() -> CdcTypes.typeOf("attrs", Map.of(), options)).hasMessageContaining("'attrs'");
    }

    @Test
    void valuesWithoutATypeAreRefusedNamingTheColumn() {
        assertThatThrownBy(() -> CdcTypes.typeOf("note", null, OPTIONS)).hasMessageContaining("'note'")
            .hasMessageContaining("only NULL");
        assertThatThrownBy(() -> CdcTypes.typeOf("tags", List.of(), OPTIONS)).hasMessageContaining("'tags'")
            .hasMessageContaining("empty");
        assertThatThrownBy(() -> CdcTypes.typeOf("when", new java.util.Date(), OPTIONS))
            .hasMessageContaining("'when'").hasMessageContaining("java.util.Date");
    }

    @Test
    void compatibilityAcceptsSameKindsAndTextAndRefusesOthers() {
        DataType date = ScalarType.of(ScalarKind.DATE);
        assertThat(CdcTypes.compatible(date, CdcTypes.typeOf("c", LocalDateTime.now(), OPTIONS))).isTrue();
        assertThat(CdcTypes.compatible(date, CdcTypes.typeOf("c", "2024-01-31", OPTIONS))).isTrue();
        assertThat(CdcTypes.compatible(date, CdcTypes.typeOf("c", 42, OPTIONS))).isFalse();
        assertThat(CdcTypes.compatible(ScalarType.of(ScalarKind.BIGINT), CdcTypes.typeOf("c", 1, OPTIONS))).isTrue();
        assertThat(CdcTypes.compatible(ScalarType.of(ScalarKind.STRING), CdcTypes.typeOf("c", 1, OPTIONS))).isTrue();
        assertThat(CdcTypes.compatible(ScalarType.of(ScalarKind.INT), CdcTypes.typeOf("c", List.of(1), OPTIONS)))
            .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "docs/cdc.md", "README.md" })
    void theDocsPrintExactlyTheTableOfTruth(String file) throws IOException {
        Path docs = Path.of("..").resolve(file);
        Assumptions.assumeTrue(Files.exists(docs), file + " is not beside this module: " + docs.toAbsolutePath());
        List<String> lines = Files.readAllLines(docs, StandardCharsets.UTF_8);
        int header = lines.indexOf("| Java | StarRocks column | written as |");
        assertThat(header).as("the type table's header in " + file).isPositive();
        List<CdcTypes.Mapping> printed = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            printed.add(new CdcTypes.Mapping(cells[1].strip(), cells[2].strip(), cells[3].strip()));
        }
        assertThat(printed).isEqualTo(CdcTypes.MAPPINGS);
    }

}
