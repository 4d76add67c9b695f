package io.github.srboot.ddl;

import java.util.Locale;

/**
 * Checks and folds identifiers of the model.
 */
final class Names {

    private Names() {
    }

    /**
     * Checks that a name is usable: not null, not blank, no control characters (they would let a name span lines).
     * @param what what the name names, for the error message (e.g. "column")
     * @param name the name
     * @return the name unchanged
     */
    static String require(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new DdlValidationException(what + " " + display(name), "the name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new DdlValidationException(what + " " + display(name),
                        "the name contains the control character U+" + String.format("%04X", (int) c));
            }
        }
        return name;
    }

    /**
     * A comment as the model keeps it: StarRocks makes no difference between an empty comment and none (SHOW CREATE
     * prints {@code COMMENT ""} for every column without one), so empty becomes {@code null}.
     * @param comment the comment, may be null
     * @return the comment, or null when absent or empty
     */
    static String comment(String comment) {
        return (comment == null || comment.isEmpty()) ? null : comment;
    }

    /**
     * A name as shown in messages: backquoted, with control characters made visible.
     * @param name the name, may be null
     * @return the display form
     */
    static String display(String name) {
        if (name == null) {
            return "<null>";
        }
        StringBuilder out = new StringBuilder("`");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return out.append('`').toString();
    }

    /**
     * The comparison form of a column name: StarRocks column names are case-insensitive.
     * @param name the name
     * @return the folded name
     */
    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

}
