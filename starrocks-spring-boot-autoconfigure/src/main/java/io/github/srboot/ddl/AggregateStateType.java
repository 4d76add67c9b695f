package io.github.srboot.ddl;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The type of an aggregate-state column ({@code c sum(int)}, {@code c min_by(int, datetime)}): the intermediate state
 * of an aggregate function over argument types, merged on load like any other aggregation (StarRocks' grammar reads
 * it as the {@code aggStateDesc} of a column, {@code identifier '(' type, ... ')'}, with the column type left out).
 * Only a top-level column of an AGGREGATE KEY table can have it, never a key column, never with a DEFAULT.
 *
 * @param function the aggregate function's name as written, e.g. {@code sum}, {@code percentile_approx_weighted}
 * @param arguments the argument types, at least one
 */
public record AggregateStateType(String function, List<DataType> arguments) implements DataType {

    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Checks the function name is a plain name and there is at least one argument type.
     * @throws DdlValidationException when not
     */
    public AggregateStateType {
        if (function == null || !FUNCTION_NAME.matcher(function).matches()) {
            throw new DdlValidationException("aggregate state type",
                    "the function name must be a plain name, got " + ((function == null) ? "null" : function));
        }
        arguments = Lists.copy("aggregate state type " + function, arguments);
        if (arguments.isEmpty()) {
            throw new DdlValidationException("aggregate state type " + function, "needs at least one argument type");
        }
        for (DataType argument : arguments) {
            if (argument instanceof AggregateStateType) {
                throw new DdlValidationException("aggregate state type " + function,
                        "an argument type cannot itself be an aggregate state");
            }
        }
    }

    /** StarRocks' grammar has no aggregate state inside ARRAY, MAP or STRUCT: it is a column-level form only. */
    static void requireNotNested(String subject, DataType nested) {
        if (nested instanceof AggregateStateType) {
            throw new DdlValidationException(subject,
                    "an aggregate state type is a column type only; it cannot be nested in ARRAY, MAP or STRUCT");
        }
    }

    @Override
    public DataType canonical() {
        return new AggregateStateType(this.function.toLowerCase(Locale.ROOT),
                this.arguments.stream().map(DataType::canonical).toList());
    }

    @Override
    public DataType canonicalFromInformationSchema() {
        return new AggregateStateType(this.function.toLowerCase(Locale.ROOT),
                this.arguments.stream().map(DataType::canonicalFromInformationSchema).toList());
    }

}
