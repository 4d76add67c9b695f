package io.github.srboot.ddl;

/**
 * The {@code DEFAULT} of a column.
 */
public sealed interface DefaultValue {

    /**
     * {@code DEFAULT "value"}: a literal, written as a string even for numbers.
     *
     * @param value the value, unescaped
     */
    record Literal(String value) implements DefaultValue {

        /**
         * Checks the value is present.
         */
        public Literal {
            if (value == null) {
                throw new DdlValidationException("DEFAULT", "a literal default needs a value; use DefaultValue.NULL for NULL");
            }
        }

    }

    /**
     * {@code DEFAULT NULL}.
     */
    record Null() implements DefaultValue {
    }

    /**
     * {@code DEFAULT CURRENT_TIMESTAMP}.
     */
    record CurrentTimestamp() implements DefaultValue {
    }

    /**
     * {@code DEFAULT (expression)}, e.g. {@code uuid()}. The text is the expression inside the parentheses, kept as
     * written with whitespace runs collapsed to one space.
     *
     * @param expression the expression text, without the enclosing parentheses
     */
    record Expression(String expression) implements DefaultValue {

        /**
         * Normalises whitespace and checks the text is a self-contained expression.
         */
        public Expression {
            expression = SqlText.expression("DEFAULT expression", expression);
        }

    }

    /** {@code DEFAULT NULL}. */
    DefaultValue NULL = new Null();

    /** {@code DEFAULT CURRENT_TIMESTAMP}. */
    DefaultValue CURRENT_TIMESTAMP = new CurrentTimestamp();

    /**
     * A literal default.
     * @param value the value
     * @return the default
     */
    static DefaultValue literal(String value) {
        return new Literal(value);
    }

    /**
     * An expression default.
     * @param expression the expression without enclosing parentheses, e.g. {@code uuid()}
     * @return the default
     */
    static DefaultValue expression(String expression) {
        return new Expression(expression);
    }

}
