package io.github.srboot.test.streamload;

/**
 * A load the stub refuses as StarRocks would, answered with {@code Status: Fail} and this message.
 */
final class LoadFailedException extends Exception {

    LoadFailedException(String message) {
        super(message);
    }

}
