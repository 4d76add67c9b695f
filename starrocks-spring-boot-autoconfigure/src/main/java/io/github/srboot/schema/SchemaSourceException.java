package io.github.srboot.schema;

/**
 * Thrown when the desired schema cannot be loaded: a file that cannot be read or parsed, or a duplicate definition.
 */
public class SchemaSourceException extends RuntimeException {

    /**
     * Creates the exception.
     * @param message what went wrong and where
     * @param cause the underlying failure, or null
     */
    public SchemaSourceException(String message, Throwable cause) {
        super(message, cause);
    }

}
