package io.github.srboot.test.streamload;

import java.io.InputStream;
import java.util.Random;

/**
 * A body that arrives a few bytes per read, so that a reader meets a read boundary at every kind of position.
 */
final class Trickle extends InputStream {

    private final byte[] bytes;

    private final Random random;

    private final int mostPerRead;

    private int position;

    Trickle(byte[] bytes, Random random, int mostPerRead) {
        this.bytes = bytes;
        this.random = random;
        this.mostPerRead = mostPerRead;
    }

    @Override
    public int read() {
        return (this.position < this.bytes.length) ? this.bytes[this.position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (this.position >= this.bytes.length) {
            return -1;
        }
        int count = Math.min(Math.min(length, 1 + this.random.nextInt(this.mostPerRead)),
                this.bytes.length - this.position);
        System.arraycopy(this.bytes, this.position, buffer, offset, count);
        this.position += count;
        return count;
    }

}
