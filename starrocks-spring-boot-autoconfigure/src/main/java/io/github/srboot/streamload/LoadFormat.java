package io.github.srboot.streamload;

/**
 * The body format of a Stream Load: JSON (an array of objects, the default) or delimited text.
 */
public enum LoadFormat {

    /** A JSON array of objects, sent with {@code strip_outer_array: true}; columns are matched by name. */
    JSON,

    /** Delimited text; {@code null} is written as {@code \N} and fields that need it are enclosed and escaped. */
    CSV

}
