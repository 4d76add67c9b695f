package io.github.srboot.schema;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;

/**
 * Which column type changes StarRocks makes with {@code ALTER TABLE ... MODIFY COLUMN}, as data.
 *
 * <p>Taken from the FE's schema-change rules (StarRocks 3.x): integers widen to larger integers, {@code DOUBLE} and
 * {@code VARCHAR}; {@code FLOAT} widens to {@code DOUBLE}; {@code CHAR} and {@code VARCHAR} only grow; {@code
 * DECIMAL(p, s)} changes when neither the scale nor the integer digits ({@code p - s}) shrink; {@code DATE} and
 * {@code DATETIME} convert into each other; {@code VARCHAR} converts to numbers, {@code DATE}, {@code DECIMAL} and
 * {@code JSON} (failing on values that do not convert); nested types ({@code ARRAY}, {@code MAP}, {@code STRUCT})
 * and {@code BITMAP}, {@code HLL}, {@code PERCENTILE} never change type.
 */
final class TypeChanges {

    /** Conversions StarRocks makes; conversions to a longer CHAR/VARCHAR and between decimals are checked apart. */
    private static final Map<ScalarKind, Set<ScalarKind>> ALLOWED = new EnumMap<>(ScalarKind.class);

    /** Conversions that can lose information or fail on existing values. */
    private static final Map<ScalarKind, Set<ScalarKind>> LOSSY = new EnumMap<>(ScalarKind.class);

    static {
        ALLOWED.put(ScalarKind.TINYINT, EnumSet.of(ScalarKind.SMALLINT, ScalarKind.INT, ScalarKind.BIGINT,
                ScalarKind.LARGEINT, ScalarKind.DOUBLE, ScalarKind.VARCHAR));
        ALLOWED.put(ScalarKind.SMALLINT, EnumSet.of(ScalarKind.INT, ScalarKind.BIGINT, ScalarKind.LARGEINT,
                ScalarKind.DOUBLE, ScalarKind.VARCHAR));
        ALLOWED.put(ScalarKind.INT, EnumSet.of(ScalarKind.BIGINT, ScalarKind.LARGEINT, ScalarKind.DOUBLE,
                ScalarKind.DATE, ScalarKind.VARCHAR));
        ALLOWED.put(ScalarKind.BIGINT, EnumSet.of(ScalarKind.LARGEINT, ScalarKind.DOUBLE, ScalarKind.VARCHAR));
        ALLOWED.put(ScalarKind.LARGEINT, EnumSet.of(ScalarKind.VARCHAR));
        ALLOWED.put(ScalarKind.FLOAT, EnumSet.of(ScalarKind.DOUBLE, ScalarKind.VARCHAR));
        ALLOWED.put(ScalarKind.DOUBLE, EnumSet.of(ScalarKind.VARCHAR));
        ALLOWED.put(ScalarKind.CHAR, EnumSet.of(ScalarKind.CHAR, ScalarKind.VARCHAR));
        ALLOWED.put(ScalarKind.VARCHAR, EnumSet.of(ScalarKind.VARCHAR, ScalarKind.TINYINT, ScalarKind.SMALLINT,
                ScalarKind.INT, ScalarKind.BIGINT, ScalarKind.LARGEINT, ScalarKind.FLOAT, ScalarKind.DOUBLE,
                ScalarKind.DATE, ScalarKind.DECIMAL, ScalarKind.JSON));
        ALLOWED.put(ScalarKind.JSON, EnumSet.of(ScalarKind.VARCHAR));
        ALLOWED.put(ScalarKind.DATE, EnumSet.of(ScalarKind.DATETIME));
        ALLOWED.put(ScalarKind.DATETIME, EnumSet.of(ScalarKind.DATE));
        ALLOWED.put(ScalarKind.DECIMAL, EnumSet.of(ScalarKind.DECIMAL, ScalarKind.VARCHAR));

        // BIGINT and LARGEINT do not fit a DOUBLE exactly; INT to DATE and VARCHAR to anything parse values.
        LOSSY.put(ScalarKind.BIGINT, EnumSet.of(ScalarKind.DOUBLE));
        LOSSY.put(ScalarKind.INT, EnumSet.of(ScalarKind.DATE));
        LOSSY.put(ScalarKind.VARCHAR, EnumSet.of(ScalarKind.TINYINT, ScalarKind.SMALLINT, ScalarKind.INT,
                ScalarKind.BIGINT, ScalarKind.LARGEINT, ScalarKind.FLOAT, ScalarKind.DOUBLE, ScalarKind.DATE,
                ScalarKind.DECIMAL, ScalarKind.JSON));
        LOSSY.put(ScalarKind.DATETIME, EnumSet.of(ScalarKind.DATE));
    }

    private TypeChanges() {
    }

    /**
     * Decides whether StarRocks changes a column from one type to another.
     * @param from the actual type (as the server reports it)
     * @param to the desired type
     * @return the verdict
     */
    static Verdict check(DataType from, DataType to) {
        // The actual side may come from information_schema, which spells BOOLEAN tinyint(1); a real TINYINT is
        // printed tinyint(4), so reading tinyint(1) as BOOLEAN there is safe.
        DataType source = from.canonicalFromInformationSchema();
        DataType target = to.canonical();
        if (source.equals(target)) {
            return Verdict.SAME;
        }
        if (!(source instanceof ScalarType sourceScalar) || !(target instanceof ScalarType targetScalar)) {
            return Verdict.refused("StarRocks does not change the type of ARRAY, MAP or STRUCT columns ("
                    + source.sql() + " -> " + target.sql() + ")");
        }
        ScalarKind sourceKind = sourceScalar.kind();
        ScalarKind targetKind = targetScalar.kind();
        String change = source.sql() + " -> " + target.sql();
        if (!ALLOWED.getOrDefault(sourceKind, Set.of()).contains(targetKind)) {
            return Verdict.refused("StarRocks cannot convert " + change);
        }
        if (isString(sourceKind) && isString(targetKind)) {
            if (targetScalar.length() < sourceScalar.length()) {
                return Verdict.refused("StarRocks cannot shorten a string column (" + change + ")");
            }
            return Verdict.ALLOWED;
        }
        if (sourceKind == ScalarKind.DECIMAL && targetKind == ScalarKind.DECIMAL) {
            int sourceScale = sourceScalar.scale();
            int targetScale = targetScalar.scale();
            int sourceDigits = sourceScalar.precision() - sourceScale;
            int targetDigits = targetScalar.precision() - targetScale;
            if (targetScale < sourceScale || targetDigits < sourceDigits) {
                return Verdict.refused("StarRocks only widens a DECIMAL: neither the scale nor the integer digits "
                        + "(precision - scale) may shrink (" + change + ")");
            }
            return Verdict.ALLOWED;
        }
        if (sourceKind == ScalarKind.DECIMAL && targetKind == ScalarKind.VARCHAR
                && targetScalar.length() < sourceScalar.precision() + 2) {
            return Verdict.refused("a VARCHAR must hold the decimal's digits, sign and point (" + change + ")");
        }
        if (LOSSY.getOrDefault(sourceKind, Set.of()).contains(targetKind)) {
            return Verdict.LOSSY;
        }
        return Verdict.ALLOWED;
    }

    private static boolean isString(ScalarKind kind) {
        return kind == ScalarKind.CHAR || kind == ScalarKind.VARCHAR;
    }

    /**
     * The answer for one type change.
     *
     * @param outcome whether it is made
     * @param reason why not, or null
     */
    record Verdict(Outcome outcome, String reason) {

        static final Verdict SAME = new Verdict(Outcome.SAME, null);

        static final Verdict ALLOWED = new Verdict(Outcome.ALLOWED, null);

        static final Verdict LOSSY = new Verdict(Outcome.LOSSY, null);

        static Verdict refused(String reason) {
            return new Verdict(Outcome.REFUSED, reason);
        }

    }

    /**
     * The possible answers.
     */
    enum Outcome {

        /** The canonical types are equal: no change. */
        SAME,

        /** StarRocks converts every value. */
        ALLOWED,

        /** StarRocks converts, but values can lose precision or fail to convert. */
        LOSSY,

        /** StarRocks refuses the conversion. */
        REFUSED

    }

}
