package io.github.srboot.ddl;

import java.util.List;

/**
 * A non-nested type with its written arguments: a length ({@code VARCHAR(20)}), a precision and scale
 * ({@code DECIMAL(10, 2)}) or a MySQL display width ({@code INT(11)}); an empty list when none was written.
 *
 * @param kind the type
 * @param arguments the arguments as written, never null
 */
public record ScalarType(ScalarKind kind, List<Integer> arguments) implements DataType {

    /** The length STRING stands for. */
    static final int STRING_LENGTH = 65533;

    /**
     * Checks the arguments against the type's rules.
     * @throws DdlValidationException when an argument count or value is out of range
     */
    public ScalarType {
        if (kind == null) {
            throw new DdlValidationException("type", "the type kind must not be null");
        }
        arguments = (arguments != null) ? List.copyOf(arguments) : List.of();
        String subject = "type " + kind;
        int count = arguments.size();
        if (kind.isInteger()) {
            requireCount(subject, count, 1);
            if (count == 1 && (arguments.get(0) < 1 || arguments.get(0) > 255)) {
                throw new DdlValidationException(subject, "display width " + arguments.get(0) + " is outside 1..255");
            }
        }
        else if (kind.hasLength()) {
            requireCount(subject, count, 1);
            if (count == 1 && (arguments.get(0) < 1 || arguments.get(0) > kind.maxLength())) {
                throw new DdlValidationException(subject,
                        "length " + arguments.get(0) + " is outside 1.." + kind.maxLength());
            }
        }
        else if (kind.isDecimal()) {
            requireCount(subject, count, 2);
            if (count >= 1 && (arguments.get(0) < 1 || arguments.get(0) > kind.maxPrecision())) {
                throw new DdlValidationException(subject,
                        "precision " + arguments.get(0) + " is outside 1.." + kind.maxPrecision());
            }
            if (count == 2 && (arguments.get(1) < 0 || arguments.get(1) > kind.maxScale(arguments.get(0)))) {
                throw new DdlValidationException(subject, "scale " + arguments.get(1) + " is outside 0.."
                        + kind.maxScale(arguments.get(0)) + ((kind == ScalarKind.DECIMALV2)
                                ? " (at most the precision, and at most 9 for DECIMALV2)" : " (the precision)"));
            }
        }
        else {
            requireCount(subject, count, 0);
        }
    }

    private static void requireCount(String subject, int count, int max) {
        if (count > max) {
            throw new DdlValidationException(subject,
                    (max == 0) ? "takes no arguments" : "takes at most " + max + " argument(s), got " + count);
        }
    }

    /**
     * Creates a type without arguments.
     * @param kind the type
     * @return the type
     */
    public static ScalarType of(ScalarKind kind) {
        return new ScalarType(kind, List.of());
    }

    /**
     * Creates a type with arguments.
     * @param kind the type
     * @param arguments length, precision and scale, or display width
     * @return the type
     */
    public static ScalarType of(ScalarKind kind, Integer... arguments) {
        return new ScalarType(kind, List.of(arguments));
    }

    /**
     * The length of a CHAR/VARCHAR/BINARY/VARBINARY, 65533 for STRING.
     * @return the length, or null when not written or not a string type
     */
    public Integer length() {
        if (this.kind == ScalarKind.STRING) {
            return STRING_LENGTH;
        }
        return (this.kind.hasLength() && !this.arguments.isEmpty()) ? this.arguments.get(0) : null;
    }

    /**
     * The precision of a decimal type.
     * @return the precision, or null when not written or not a decimal
     */
    public Integer precision() {
        return (this.kind.isDecimal() && !this.arguments.isEmpty()) ? this.arguments.get(0) : null;
    }

    /**
     * The scale of a decimal type.
     * @return the scale, or null when not written or not a decimal
     */
    public Integer scale() {
        return (this.kind.isDecimal() && this.arguments.size() == 2) ? this.arguments.get(1) : null;
    }

    @Override
    public DataType canonical() {
        return canonical(false);
    }

    @Override
    public DataType canonicalFromInformationSchema() {
        return canonical(true);
    }

    private ScalarType canonical(boolean tinyintOneIsBoolean) {
        if (this.kind.isInteger()) {
            if (tinyintOneIsBoolean && this.kind == ScalarKind.TINYINT && this.arguments.equals(List.of(1))) {
                return of(ScalarKind.BOOLEAN);
            }
            return of(this.kind);
        }
        if (this.kind == ScalarKind.STRING) {
            return of(ScalarKind.VARCHAR, STRING_LENGTH);
        }
        if ((this.kind == ScalarKind.VARCHAR || this.kind == ScalarKind.CHAR) && this.arguments.isEmpty()) {
            // StarRocks gives CHAR and VARCHAR without a length the length 1.
            return of(this.kind, 1);
        }
        if (this.kind.isDecimal()) {
            // DECIMAL without precision is DECIMAL(10, 0) on the server, like MySQL. DECIMALV2 is another storage
            // type than the DECIMAL32/64/128/256 family, so it keeps its kind.
            int precision = this.arguments.isEmpty() ? 10 : this.arguments.get(0);
            int scale = (this.arguments.size() == 2) ? this.arguments.get(1) : 0;
            return of((this.kind == ScalarKind.DECIMALV2) ? ScalarKind.DECIMALV2 : ScalarKind.DECIMAL, precision,
                    scale);
        }
        return this;
    }

}
