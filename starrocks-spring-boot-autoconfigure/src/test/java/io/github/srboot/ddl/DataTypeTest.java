package io.github.srboot.ddl;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.srboot.ddl.DataType.array;
import static io.github.srboot.ddl.DataType.decimal;
import static io.github.srboot.ddl.DataType.field;
import static io.github.srboot.ddl.DataType.map;
import static io.github.srboot.ddl.DataType.struct;
import static io.github.srboot.ddl.DataType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rendering, canonical forms and range rules of {@link DataType}.
 */
class DataTypeTest {

    @Test
    void rendersFactoriesAndNestedTypes() {
        assertThat(varchar(20).sql()).isEqualTo("VARCHAR(20)");
        assertThat(DataType.chars(10).sql()).isEqualTo("CHAR(10)");
        assertThat(decimal(10, 2).sql()).isEqualTo("DECIMAL(10, 2)");
        assertThat(DataType.binary(4).sql()).isEqualTo("BINARY(4)");
        assertThat(DataType.VARBINARY.sql()).isEqualTo("VARBINARY");
        assertThat(array(map(DataType.STRING, struct(field("a", DataType.INT), field("b c", array(DataType.DATE))))).sql())
            .isEqualTo("ARRAY<MAP<STRING, STRUCT<`a` INT, `b c` ARRAY<DATE>>>>");
        assertThat(Ddl.render(DataType.LARGEINT)).isEqualTo("LARGEINT");
    }

    @Test
    void canonicalDropsDisplayWidths() {
        assertThat(ScalarType.of(ScalarKind.INT, 11).canonical()).isEqualTo(DataType.INT);
        assertThat(ScalarType.of(ScalarKind.TINYINT, 4).canonical()).isEqualTo(DataType.TINYINT);
        assertThat(ScalarType.of(ScalarKind.SMALLINT, 6).canonical()).isEqualTo(DataType.SMALLINT);
        assertThat(ScalarType.of(ScalarKind.BIGINT, 20).canonical()).isEqualTo(DataType.BIGINT);
        assertThat(ScalarType.of(ScalarKind.LARGEINT, 40).canonical()).isEqualTo(DataType.LARGEINT);
    }

    @Test
    void canonicalSpellsStringAsVarchar65533() {
        assertThat(DataType.STRING.canonical()).isEqualTo(varchar(65533)).isEqualTo(varchar(65533).canonical());
        assertThat(DataType.STRING).isNotEqualTo(varchar(65533));
        assertThat(((ScalarType) DataType.STRING).length()).isEqualTo(65533);
    }

    @Test
    void canonicalFoldsLegacyDecimalSpellingsAndDefaults() {
        assertThat(ScalarType.of(ScalarKind.DECIMAL64, 10, 2).canonical()).isEqualTo(decimal(10, 2));
        assertThat(ScalarType.of(ScalarKind.DECIMAL32, 9, 3).canonical()).isEqualTo(decimal(9, 3));
        assertThat(ScalarType.of(ScalarKind.DECIMAL128, 38, 10).canonical()).isEqualTo(decimal(38, 10));
        assertThat(ScalarType.of(ScalarKind.DECIMAL).canonical()).isEqualTo(decimal(10, 0));
        assertThat(ScalarType.of(ScalarKind.DECIMAL, 5).canonical()).isEqualTo(decimal(5, 0));
        assertThat(ScalarType.of(ScalarKind.VARCHAR).canonical()).isEqualTo(varchar(1));
        assertThat(ScalarType.of(ScalarKind.CHAR).canonical()).isEqualTo(DataType.chars(1));
    }

    @Test
    void canonicalWorksThroughNestedTypes() {
        DataType shown = array(map(ScalarType.of(ScalarKind.INT, 11),
                struct(field("a", DataType.STRING), field("b", ScalarType.of(ScalarKind.DECIMAL64, 10, 2)))));
        assertThat(shown.canonical()).isEqualTo(
                array(map(DataType.INT, struct(field("a", varchar(65533)), field("b", decimal(10, 2))))));
    }

    @Test
    void tinyintOneIsBooleanOnlyWhenReadFromInformationSchema() {
        DataType tinyintOne = ScalarType.of(ScalarKind.TINYINT, 1);
        assertThat(tinyintOne.canonical()).isEqualTo(DataType.TINYINT);
        assertThat(tinyintOne.canonicalFromInformationSchema()).isEqualTo(DataType.BOOLEAN);
        assertThat(ScalarType.of(ScalarKind.TINYINT, 4).canonicalFromInformationSchema()).isEqualTo(DataType.TINYINT);
        assertThat(array(tinyintOne).canonicalFromInformationSchema()).isEqualTo(array(DataType.BOOLEAN));
        assertThat(map(tinyintOne, DataType.STRING).canonicalFromInformationSchema())
            .isEqualTo(map(DataType.BOOLEAN, varchar(65533)));
        assertThat(struct(field("f", tinyintOne)).canonicalFromInformationSchema())
            .isEqualTo(struct(field("f", DataType.BOOLEAN)));
    }

    @Test
    void accessorsReadTheArguments() {
        ScalarType decimal = (ScalarType) decimal(12, 3);
        assertThat(decimal.precision()).isEqualTo(12);
        assertThat(decimal.scale()).isEqualTo(3);
        assertThat(decimal.length()).isNull();
        assertThat(((ScalarType) varchar(9)).length()).isEqualTo(9);
        assertThat(((ScalarType) ScalarType.of(ScalarKind.INT, 11)).length()).isNull();
        assertThat(((ScalarType) DataType.INT).precision()).isNull();
    }

    @Test
    void decimalPrecisionAndScaleAreChecked() {
        // FE TypeDefAnalyzer: precision 1..max of the kind (DECIMAL is stored as DECIMAL32/64/128/256, so up to 76).
        assertThatThrownBy(() -> decimal(0, 0)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("precision 0 is outside 1..76");
        assertThatThrownBy(() -> decimal(77, 2)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("precision 77 is outside 1..76");
        assertThat(decimal(76, 10).sql()).isEqualTo("DECIMAL(76, 10)");
        assertThat(ScalarType.of(ScalarKind.DECIMAL256, 50, 5).canonical()).isEqualTo(decimal(50, 5));
        assertThatThrownBy(() -> ScalarType.of(ScalarKind.DECIMAL128, 39, 2)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("outside 1..38");
        // DECIMALV2: precision up to 27 and scale at most 9; another storage type than DECIMAL, so not equal to it.
        assertThat(ScalarType.of(ScalarKind.DECIMALV2, 27, 9).sql()).isEqualTo("DECIMALV2(27, 9)");
        assertThatThrownBy(() -> ScalarType.of(ScalarKind.DECIMALV2, 28, 2)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("outside 1..27");
        assertThatThrownBy(() -> ScalarType.of(ScalarKind.DECIMALV2, 20, 10)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("scale 10 is outside 0..9");
        assertThat(ScalarType.of(ScalarKind.DECIMALV2, 10, 2).canonical()).isNotEqualTo(decimal(10, 2));
        assertThatThrownBy(() -> ScalarType.of(ScalarKind.DECIMAL32, 10, 2)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("outside 1..9");
        assertThatThrownBy(() -> ScalarType.of(ScalarKind.DECIMAL64, 19, 2)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("outside 1..18");
        assertThatThrownBy(() -> decimal(5, 6)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("scale 6 is outside 0..5");
        assertThatThrownBy(() -> decimal(5, -1)).isInstanceOf(DdlValidationException.class);
        assertThatThrownBy(() -> ScalarType.of(ScalarKind.DECIMAL, 10, 2, 1)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("at most 2");
        assertThat(decimal(38, 38).sql()).isEqualTo("DECIMAL(38, 38)");
        assertThat(decimal(1, 0).sql()).isEqualTo("DECIMAL(1, 0)");
    }

    @Test
    void stringLengthsAreChecked() {
        assertThatThrownBy(() -> varchar(0)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("type VARCHAR")
            .hasMessageContaining("length 0 is outside 1..1048576");
        assertThatThrownBy(() -> varchar(1048577)).isInstanceOf(DdlValidationException.class);
        assertThatThrownBy(() -> DataType.chars(256)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("length 256 is outside 1..255");
        assertThatThrownBy(() -> DataType.chars(0)).isInstanceOf(DdlValidationException.class);
        assertThat(varchar(1048576).sql()).isEqualTo("VARCHAR(1048576)");
        assertThat(DataType.chars(255).sql()).isEqualTo("CHAR(255)");
    }

    @Test
    void argumentsOnlyWhereTheTypeTakesThem() {
        assertThatThrownBy(() -> ScalarType.of(ScalarKind.DATE, 1)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("takes no arguments");
        assertThatThrownBy(() -> ScalarType.of(ScalarKind.STRING, 10)).isInstanceOf(DdlValidationException.class);
        assertThatThrownBy(() -> ScalarType.of(ScalarKind.INT, 256)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("display width 256");
        assertThatThrownBy(() -> ScalarType.of(ScalarKind.VARCHAR, 1, 2)).isInstanceOf(DdlValidationException.class);
        assertThatThrownBy(() -> new ScalarType(null, List.of())).isInstanceOf(DdlValidationException.class);
    }

    @Test
    void nestedTypesNeedTheirParts() {
        assertThatThrownBy(() -> array(null)).isInstanceOf(DdlValidationException.class);
        assertThatThrownBy(() -> map(DataType.INT, null)).isInstanceOf(DdlValidationException.class);
        assertThatThrownBy(DataType::struct).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("at least one field");
        assertThatThrownBy(() -> struct(field("a", DataType.INT), field("A", DataType.INT)))
            .isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> field(" ", DataType.INT)).isInstanceOf(DdlValidationException.class)
            .hasMessageContaining("must not be empty");
    }

    @Test
    void typesAreValuesAndImmutable() {
        assertThat(varchar(10)).isEqualTo(ScalarType.of(ScalarKind.VARCHAR, 10)).hasSameHashCodeAs(varchar(10));
        assertThat(ScalarType.of(ScalarKind.INT, 11)).isNotEqualTo(DataType.INT);
        List<Integer> arguments = new java.util.ArrayList<>(List.of(5));
        ScalarType type = new ScalarType(ScalarKind.VARCHAR, arguments);
        arguments.set(0, 6);
        assertThat(type.length()).isEqualTo(5);
        assertThatThrownBy(() -> type.arguments().add(1)).isInstanceOf(UnsupportedOperationException.class);
    }

}
