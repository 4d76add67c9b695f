package io.github.srboot.test.streamload;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body read off the connection, framed by {@code Content-Length} or chunked transfer coding, counting the
 * bytes it delivers. Reading stops exactly at the end of the body so the connection can carry the next request.
 */
final class BodyInputStream extends InputStream {

    private final InputStream in;

    private final boolean chunked;

    private long remaining;

    private boolean finished;

    private long bytesRead;

    private boolean sawChunk;

    private final byte[] single = new byte[1];

    private final AtomicLong received;

    private BodyInputStream(InputStream in, boolean chunked, long length, AtomicLong received) {
        this.in = in;
        this.received = received;
        this.chunked = chunked;
        this.remaining = chunked ? 0 : length;
        this.finished = !chunked && length == 0;
    }

    static BodyInputStream of(InputStream in, RequestHead head, AtomicLong received) throws IOException {
        String transferEncoding = head.header("transfer-encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new BodyInputStream(in, true, 0, received);
        }
        String contentLength = head.header("content-length");
        if (contentLength == null) {
            return new BodyInputStream(in, false, 0, received);
        }
        try {
            long length = Long.parseLong(contentLength.trim());
            if (length < 0) {
                throw new IOException("Negative Content-Length: " + contentLength);
            }
            return new BodyInputStream(in, false, length, received);
        }
        catch (NumberFormatException ex) {
            throw new IOException("Invalid Content-Length: " + contentLength);
        }
    }

    long bytesRead() {
        return this.bytesRead;
    }

    boolean isFinished() {
        return this.finished;
    }

    @Override
    public int read() throws IOException {
        int n = read(this.single, 0, 1);
        return (n == -1) ? -1 : (this.single[0] & 0xff);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (this.finished) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        if (this.remaining == 0 && this.chunked) {
            nextChunk();
            if (this.finished) {
                return -1;
            }
        }
        int n = this.in.read(buffer, offset, (int) Math.min(length, this.remaining));
        if (n == -1) {
            throw new EOFException("Connection closed before the end of the request body");
        }
        this.remaining -= n;
        this.bytesRead += n;
        this.received.addAndGet(n);
        if (this.remaining == 0 && !this.chunked) {
            this.finished = true;
        }
        return n;
    }

    private void nextChunk() throws IOException {
        if (this.sawChunk) {
            String end = RequestHead.readLine(this.in, false);
            if (!end.isEmpty()) {
                throw new IOException("Malformed chunked body: expected CRLF after a chunk");
            }
        }
        this.sawChunk = true;
        String sizeLine = RequestHead.readLine(this.in, false);
        int semicolon = sizeLine.indexOf(';');
        String size = ((semicolon < 0) ? sizeLine : sizeLine.substring(0, semicolon)).trim();
        try {
            this.remaining = Long.parseLong(size, 16);
        }
        catch (NumberFormatException ex) {
            throw new IOException("Malformed chunk size: " + sizeLine);
        }
        if (this.remaining == 0) {
            String trailer;
            do {
                trailer = RequestHead.readLine(this.in, false);
            }
            while (!trailer.isEmpty());
            this.finished = true;
        }
    }

    /**
     * Reads and drops the rest of the body.
     */
    void discard() throws IOException {
        byte[] buffer = new byte[16 * 1024];
        while (read(buffer, 0, buffer.length) != -1) {
            // dropped on purpose: the request was answered without its body
        }
    }

}
