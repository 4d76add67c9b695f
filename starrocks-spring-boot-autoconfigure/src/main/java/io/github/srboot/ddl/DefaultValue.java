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

    /**
     * {@code DEFAULT [..]}, {@code DEFAULT map{..}}, {@code DEFAULT row(..)}: a constant of an ARRAY, MAP or STRUCT
     * column, written without enclosing parentheses. The text is kept as written with whitespace runs collapsed.
     *
     * @param expression the constant, e.g. {@code ['a', 'b']}, {@code map{'k': 1}}, {@code row(1, 'x')}
     */
    record Complex(String expression) implements DefaultValue {

        /**
         * Normalises whitespace and checks the text is an array, map or row constructor.
         */
        public Complex {
            expression = SqlText.expression("DEFAULT constant", expression);
            String lower = expression.toLowerCase(java.util.Locale.ROOT);
            if (!(expression.startsWith("[") || lower.matches("map\\s*\\{.*") || lower.matches("row\\s*\\(.*"))) {
                throw new DdlValidationException("DEFAULT constant", "expected [..], map{..} or row(..), got "
                        + DdlPrinter.string(expression));
            }
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
     * A complex constant default.
     * @param expression {@code [..]}, {@code map{..}} or {@code row(..)}
     * @return the default
     */
    static DefaultValue complex(String expression) {
        return new Complex(expression);
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
