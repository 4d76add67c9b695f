package io.github.srboot.ddl;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The type of an aggregate-state column ({@code c sum(int)}, {@code c min_by(int, datetime)}): the intermediate state
 * of an aggregate function over argument types, merged on load like any other aggregation (StarRocks' grammar reads
 * it as the {@code aggStateDesc} of a column, {@code identifier '(' type, ... ')'}, with the column type left out).
 * Only a top-level column of an AGGREGATE KEY table can have it, never a key column, never with a DEFAULT. An
 * argument may say {@code NULL} or {@code NOT NULL} (StarRocks.g4: {@code aggStateDesc} takes
 * {@code typeWithNullable} arguments).
 *
 * @param function the aggregate function's name as written, e.g. {@code sum}, {@code percentile_approx_weighted}
 * @param arguments the argument types, at least one
 * @param argumentNullability per argument: {@code TRUE} for {@code NULL}, {@code FALSE} for {@code NOT NULL}, null
 * when not written; as long as {@code arguments}
 */
public record AggregateStateType(String function, List<DataType> arguments, List<Boolean> argumentNullability)
        implements DataType {

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
        // null entries (not written) are kept: List.copyOf would refuse them
        argumentNullability = (argumentNullability == null)
                ? java.util.Collections.nCopies(arguments.size(), (Boolean) null)
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(argumentNullability));
        if (argumentNullability.size() != arguments.size()) {
            throw new DdlValidationException("aggregate state type " + function, "has " + arguments.size()
                    + " argument types but " + argumentNullability.size() + " nullability markers");
        }
        for (DataType argument : arguments) {
            if (argument instanceof AggregateStateType) {
                throw new DdlValidationException("aggregate state type " + function,
                        "an argument type cannot itself be an aggregate state");
            }
        }
    }

    /**
     * An aggregate state without nullability markers on its arguments.
     * @param function the aggregate function's name
     * @param arguments the argument types, at least one
     */
    public AggregateStateType(String function, List<DataType> arguments) {
        this(function, arguments, null);
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
                this.arguments.stream().map(DataType::canonical).toList(), this.argumentNullability);
    }

    @Override
    public DataType canonicalFromInformationSchema() {
        return new AggregateStateType(this.function.toLowerCase(Locale.ROOT),
                this.arguments.stream().map(DataType::canonicalFromInformationSchema).toList(),
                this.argumentNullability);
    }

}
