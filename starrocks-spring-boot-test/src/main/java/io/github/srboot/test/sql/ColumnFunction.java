package io.github.srboot.test.sql;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The scalar functions of one column the embedded FE evaluates in a select list, each ported from StarRocks' BE.
 */
enum ColumnFunction {

    /**
     * {@code hex(x)}: an integer as upper-case hexadecimal of its 64-bit two's complement ({@code hex_int}), any
     * other value as two upper-case hexadecimal digits per byte ({@code hex_string}), both in
     * {@code be/src/exprs/string_functions.cpp}.
     */
    HEX {
        @Override
        String apply(String value, int mysqlType) {
            if (isInteger(mysqlType)) {
                return Long.toHexString(new BigInteger(value).longValue()).toUpperCase(Locale.ROOT);
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                hex.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            return hex.toString();
        }
    };

    /** The value of the function for one non-NULL cell of a column of this MySQL type. */
    abstract String apply(String value, int mysqlType);

    /** The function of this name (any case), or {@code null}. */
    static ColumnFunction find(String name) {
        for (ColumnFunction function : values()) {
            if (function.name().equalsIgnoreCase(name)) {
                return function;
            }
        }
        return null;
    }

    /** TINYINT (and BOOLEAN), SMALLINT, INT, BIGINT: {@link MysqlProtocol#columnType(String)}'s codes. */
    private static boolean isInteger(int mysqlType) {
        return mysqlType == 1 || mysqlType == 2 || mysqlType == 3 || mysqlType == 8;
    }

}
