package io.github.srboot.test.sql;

import java.util.Locale;

/**
 * {@code ADMIN SET FRONTEND CONFIG ("name" = "value")} ({@code AdminSetConfigStmt}): the embedded FE accepts the
 * configurations whose every value leaves what it does unchanged, and does not implement the others.
 */
final class FrontendConfigs {

    /** The configurations accepted: whatever their value, the embedded FE does the same. */
    private static final java.util.Set<String> WITHOUT_EFFECT = java.util.Set.of(
            // the FE hands each BE a range of AUTO_INCREMENT ids of this size; with the one embedded BE the ids of
            // new rows are 1, 2, 3... whatever the size
            "auto_increment_cache_size");

    private FrontendConfigs() {
    }

    static StatementResult adminSet(Tokens tokens) {
        tokens.expect("ADMIN", "SET", "FRONTEND", "CONFIG");
        tokens.expectSymbol("(");
        do {
            String name = tokens.next().value();
            tokens.expectSymbol("=");
            tokens.next();
            if (!WITHOUT_EFFECT.contains(name.toLowerCase(Locale.ROOT))) {
                throw tokens.unsupported();
            }
        }
        while (tokens.acceptSymbol(","));
        tokens.expectSymbol(")");
        tokens.requireEnd();
        return StatementResult.ok(0);
    }

}
