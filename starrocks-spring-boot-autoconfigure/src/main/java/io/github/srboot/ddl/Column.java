package io.github.srboot.ddl;

/**
 * A column definition: {@code name type [KEY] [agg] [NULL | NOT NULL] [DEFAULT .. | AUTO_INCREMENT | AS expr]
 * [COMMENT ".."]}. The rules that involve only the column are checked here; the rules that involve the table are
 * checked by {@link Table}.
 *
 * @param name the column name, not blank
 * @param type the type
 * @param key whether the column-level {@code KEY} marker is written
 * @param aggregation the aggregation type, or null when none is written
 * @param nullable {@code TRUE} for {@code NULL}, {@code FALSE} for {@code NOT NULL}, null when not written
 * @param defaultValue the default, or null when none
 * @param autoIncrement whether the column is {@code AUTO_INCREMENT}
 * @param generatedAs the generation expression (whitespace-normalised text), or null for an ordinary column
 * @param comment the comment, or null when none is written
 */
public record Column(String name, DataType type, boolean key, AggregationType aggregation, Boolean nullable,
        DefaultValue defaultValue, boolean autoIncrement, String generatedAs, String comment) {

    /**
     * Checks the column's own rules.
     * @throws DdlValidationException when a rule is broken
     */
    public Column {
        Names.require("column", name);
        comment = Names.comment(comment);
        String subject = "column " + Names.display(name);
        if (type == null) {
            throw new DdlValidationException(subject, "the type must not be null");
        }
        if (generatedAs != null) {
            generatedAs = SqlText.expression(subject + " generation expression", generatedAs);
        }
        if (defaultValue != null) {
            checkDefault(subject, name, type, nullable, defaultValue);
        }
        if (defaultValue instanceof DefaultValue.CurrentTimestamp && !isScalar(type, ScalarKind.DATETIME)) {
            throw new DdlValidationException(subject, "DEFAULT CURRENT_TIMESTAMP needs a DATETIME column, not "
                    + DdlPrinter.type(type));
        }
        if (autoIncrement) {
            if (Boolean.TRUE.equals(nullable)) {
                // StarRocks' parser refuses it (recorded: StarRocks'
                // test/sql/test_auto_increment/R/test_auto_increment step 3).
                throw new DdlValidationException(subject, "AUTO_INCREMENT needs a BIGINT NOT NULL column, not NULL",
                        "AUTO_INCREMENT column " + name + " must be NOT NULL.");
            }
            if (!isScalar(type, ScalarKind.BIGINT)) {
                // FE CreateTableAnalyzer (recorded: CASE_074 step 5).
                throw new DdlValidationException(subject, "AUTO_INCREMENT needs a BIGINT NOT NULL column, not "
                        + DdlPrinter.type(type), "The AUTO_INCREMENT column must be BIGINT");
            }
            if (defaultValue != null) {
                throw new DdlValidationException(subject, "an AUTO_INCREMENT column cannot have a DEFAULT");
            }
            if (generatedAs != null) {
                throw new DdlValidationException(subject, "an AUTO_INCREMENT column cannot be generated");
            }
        }
        if (generatedAs != null) {
            if (defaultValue != null) {
                throw new DdlValidationException(subject, "a generated column cannot have a DEFAULT");
            }
            if (Boolean.FALSE.equals(nullable)) {
                // StarRocks' parser refuses it (recorded: StarRocks'
                // test/sql/test_materialized_column/R/test_materialized_column step 4).
                throw new DdlValidationException(subject, "a generated column must be nullable, not NOT NULL",
                        "Generated Column must be nullable column.");
            }
            if (key) {
                throw new DdlValidationException(subject, "a generated column cannot be a key column");
            }
            if (aggregation != null) {
                throw new DdlValidationException(subject, "a generated column cannot have an aggregation type");
            }
        }
        if (key && aggregation != null) {
            throw new DdlValidationException(subject, "a KEY column cannot have the aggregation type " + aggregation);
        }
    }

    /**
     * The rules of FE {@code ColumnDefAnalyzer.validateDefaultValue} that need no expression analysis, with its
     * reasons: a string literal never on ARRAY/MAP/STRUCT, only {@code ""} on BITMAP/HLL/VARBINARY, none on
     * PERCENTILE; a complex constant ({@code [..]}, {@code map{..}}, {@code row(..)}) only on ARRAY/MAP/STRUCT and
     * without NULL inside; no default at all on an aggregate state; no {@code DEFAULT NULL} on a NOT NULL column.
     */
    private static void checkDefault(String subject, String name, DataType type, Boolean nullable,
            DefaultValue value) {
        boolean complex = type instanceof ArrayType || type instanceof MapType || type instanceof StructType;
        String invalidDefault = "Invalid default value for '" + name + "'";
        if (type instanceof AggregateStateType) {
            throw new DdlValidationException(subject, "an aggregate state column cannot have a DEFAULT",
                    invalidDefault);
        }
        if (value instanceof DefaultValue.Null && Boolean.FALSE.equals(nullable)) {
            throw new DdlValidationException(subject, "a NOT NULL column cannot have DEFAULT NULL", invalidDefault);
        }
        if (value instanceof DefaultValue.Literal literal) {
            if (complex) {
                // StarRocks prints the type in its own way (MAP<INT,INT>, struct<`f` int(11)>); only ARRAY's is the
                // model's, so only its words are kept.
                throw new DdlValidationException(subject, "the default of a " + DdlPrinter.type(type)
                        + " column needs expression syntax ([..], map{..}, row(..)), not a string",
                        (type instanceof ArrayType) ? invalidDefault + ": Default value for complex type '"
                                + DdlPrinter.type(type.canonical()) + "' requires expression syntax (e.g., [], map{}, "
                                + "row())" : null);
            }
            Integer length = (type instanceof ScalarType scalar && (scalar.kind() == ScalarKind.CHAR
                    || scalar.kind() == ScalarKind.VARCHAR || scalar.kind() == ScalarKind.STRING))
                    ? ((scalar.length() != null) ? scalar.length() : Integer.valueOf(1)) : null;
            if (length != null && literal.value().length() > length) {
                // FE ColumnDefAnalyzer.validateDefaultValue: a CHAR/VARCHAR without length has length 1.
                throw new DdlValidationException(subject, "the default " + DdlPrinter.string(literal.value())
                        + " is longer than the column's " + length + " characters",
                        invalidDefault + ": Default value is too long: " + literal.value());
            }
            // BINARY is StarRocks' other spelling of VARBINARY.
            if ((isScalar(type, ScalarKind.BITMAP) || isScalar(type, ScalarKind.HLL)
                    || isScalar(type, ScalarKind.VARBINARY) || isScalar(type, ScalarKind.BINARY))
                    && !literal.value().isEmpty()) {
                // StarRocks names BITMAP and HLL as their type prints (recorded:
                // StarRocks' test/sql/test_default_value/R/test_hll_bitmap_default.sql steps 24-25); VARBINARY prints
                // with a length the model
                // does not know, so its message is left out.
                String typeName = ((ScalarType) type).kind().name();
                throw new DdlValidationException(subject, "type " + DdlPrinter.type(type)
                        + " only supports the empty string \"\" as default value",
                        (typeName.equals("BITMAP") || typeName.equals("HLL")) ? invalidDefault + ": Type '" + typeName
                                + "' only supports empty string \"\" as default value" : null);
            }
            if (isScalar(type, ScalarKind.JSON) && !JsonText.isValid(literal.value())) {
                // StarRocks goes on with Gson's own parse error, which the model does not reproduce
                // (recorded: StarRocks' test/sql/test_default_value/R/test_json_strict_validation.sql steps 7-10,
                // 23-27).
                throw new DdlValidationException(subject, "the default " + DdlPrinter.string(literal.value())
                        + " of a JSON column is not valid JSON (StarRocks: \"" + invalidDefault
                        + ": Invalid JSON format for default value: " + literal.value() + ". Error: ...\")");
            }
            if (isScalar(type, ScalarKind.PERCENTILE)) {
                throw new DdlValidationException(subject, "StarRocks cannot add a default value for type PERCENTILE",
                        invalidDefault + ": Cannot add default value for type 'PERCENTILE'");
            }
        }
        if (value instanceof DefaultValue.Complex constant) {
            if (!complex) {
                throw new DdlValidationException(subject, "the default " + constant.expression()
                        + " is an ARRAY, MAP or STRUCT constant and cannot be cast to " + DdlPrinter.type(type));
            }
            if (SqlText.containsWord(constant.expression(), "NULL")) {
                throw new DdlValidationException(subject, "NULL is not supported inside a complex type default value"
                        + " (only literals, arrays, maps and row() are)", invalidDefault + ": NULL literal is not "
                        + "supported in complex type default value. Only constant expressions (literals, arrays, "
                        + "maps, and row()) are allowed.");
            }
        }
        if (value instanceof DefaultValue.Expression expression) {
            checkDefaultFunction(subject, invalidDefault, type, expression.expression());
        }
    }

    /**
     * FE {@code ColumnDefAnalyzer.validateDefaultValue} for {@code DEFAULT (fn())}: {@code uuid()} on a VARCHAR of
     * 36 characters or more, {@code uuid_numeric()} on LARGEINT, {@code now()} on DATETIME, and no other function.
     */
    private static void checkDefaultFunction(String subject, String invalidDefault, DataType type, String expression) {
        java.util.regex.Matcher call = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(\\s*\\)")
            .matcher(expression);
        if (!call.matches()) {
            return;
        }
        String function = call.group(1).toLowerCase(java.util.Locale.ROOT);
        String typeName = DdlPrinter.type(type.canonical());
        String unsupported = switch (function) {
            case "uuid" -> isScalar(type, ScalarKind.VARCHAR) || isScalar(type, ScalarKind.STRING) ? null
                    : "Default function uuid() for type " + typeName + " is not supported";
            case "uuid_numeric" -> isScalar(type, ScalarKind.LARGEINT) ? null
                    : "Default function uuid_numeric() for type " + typeName + " is not supported";
            case "now" -> isScalar(type, ScalarKind.DATETIME) ? null
                    : "Default function now() for type " + typeName + " is not supported";
            default -> "Default expr for function " + function + " is not supported";
        };
        // a VARCHAR without length has length 1 (FE ColumnDefAnalyzer.analyze)
        if (unsupported == null && function.equals("uuid") && (((ScalarType) type).length() == null
                || ((ScalarType) type).length() < 36)) {
            unsupported = "Varchar type length must be greater than 36 for uuid function";
        }
        if (unsupported != null) {
            throw new DdlValidationException(subject, "DEFAULT (" + expression + ") is not supported here: "
                    + unsupported, invalidDefault + ": " + unsupported);
        }
    }

    private static boolean isScalar(DataType type, ScalarKind kind) {
        return type instanceof ScalarType scalar && scalar.kind() == kind;
    }

    /**
     * Creates a column with options.
     * @param name the name
     * @param type the type
     * @param options the options, see {@link ColumnOption}
     * @return the column
     */
    public static Column of(String name, DataType type, ColumnOption... options) {
        Builder builder = builder(name, type);
        for (ColumnOption option : options) {
            option.applyTo(builder);
        }
        return builder.build();
    }

    /**
     * Starts a column builder.
     * @param name the name
     * @param type the type
     * @return the builder
     */
    public static Builder builder(String name, DataType type) {
        return new Builder(name, type);
    }

    /**
     * Whether this is a generated ({@code AS expr}) column.
     * @return true when generated
     */
    public boolean isGenerated() {
        return this.generatedAs != null;
    }

    /**
     * A copy with another name.
     * @param newName the new name
     * @return the renamed column
     */
    public Column withName(String newName) {
        return new Column(newName, this.type, this.key, this.aggregation, this.nullable, this.defaultValue,
                this.autoIncrement, this.generatedAs, this.comment);
    }

    /**
     * Mutable builder of a {@link Column}; {@link #build()} checks the rules.
     */
    public static final class Builder {

        private String name;

        private DataType type;

        private boolean key;

        private AggregationType aggregation;

        private Boolean nullable;

        private DefaultValue defaultValue;

        private boolean autoIncrement;

        private String generatedAs;

        private String comment;

        private Builder(String name, DataType type) {
            this.name = name;
            this.type = type;
        }

        /**
         * Sets the name.
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the type.
         * @param type the type
         * @return this builder
         */
        public Builder type(DataType type) {
            this.type = type;
            return this;
        }

        /**
         * Sets the {@code KEY} marker.
         * @param key whether written
         * @return this builder
         */
        public Builder key(boolean key) {
            this.key = key;
            return this;
        }

        /**
         * Sets the aggregation type.
         * @param aggregation the aggregation, null for none
         * @return this builder
         */
        public Builder aggregation(AggregationType aggregation) {
            this.aggregation = aggregation;
            return this;
        }

        /**
         * Sets the nullability.
         * @param nullable true for NULL, false for NOT NULL, null when not written
         * @return this builder
         */
        public Builder nullable(Boolean nullable) {
            this.nullable = nullable;
            return this;
        }

        /**
         * Sets the default.
         * @param defaultValue the default, null for none
         * @return this builder
         */
        public Builder defaultValue(DefaultValue defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        /**
         * Sets {@code AUTO_INCREMENT}.
         * @param autoIncrement whether auto-increment
         * @return this builder
         */
        public Builder autoIncrement(boolean autoIncrement) {
            this.autoIncrement = autoIncrement;
            return this;
        }

        /**
         * Sets the generation expression.
         * @param generatedAs the expression, null for an ordinary column
         * @return this builder
         */
        public Builder generatedAs(String generatedAs) {
            this.generatedAs = generatedAs;
            return this;
        }

        /**
         * Sets the comment.
         * @param comment the comment, null for none
         * @return this builder
         */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /**
         * Builds the column.
         * @return the column
         * @throws DdlValidationException when a rule is broken
         */
        public Column build() {
            return new Column(this.name, this.type, this.key, this.aggregation, this.nullable, this.defaultValue,
                    this.autoIncrement, this.generatedAs, this.comment);
        }

    }

}
