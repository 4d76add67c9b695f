package io.github.srboot.streamload.internal.encoding;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import reactor.core.publisher.Flux;

/**
 * An output stream over a list of fixed-size pooled buffers: a batch body is written once, never copied or grown,
 * sent as many times as retries need, then released.
 *
 * <p>Not thread-safe: one writer fills it, then it is only read.
 */
public final class PooledChunks extends OutputStream {

    public static final int CHUNK_SIZE = 64 * 1024;

    private static final ByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;

    private final List<ByteBuf> chunks = new ArrayList<>();

    private ByteBuf current;

    private long size;

    private long allocated;

    private boolean released;

    @Override
    public void write(int b) {
        writable(1).writeByte(b);
        this.size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            ByteBuf target = writable(1);
            int count = Math.min(length, target.writableBytes());
            target.writeBytes(bytes, offset, count);
            offset += count;
            length -= count;
            this.size += count;
        }
    }

    /**
     * Takes over a buffer that already holds encoded bytes (pre-encoded bodies); the caller's reference moves here.
     */
    public void adopt(ByteBuf buffer) {
        requireOpen();
        this.current = null;
        this.chunks.add(buffer);
        this.size += buffer.readableBytes();
        this.allocated += buffer.capacity();
    }

    private ByteBuf writable(int needed) {
        requireOpen();
        if (this.current == null || this.current.writableBytes() < needed) {
            this.current = ALLOCATOR.directBuffer(CHUNK_SIZE, CHUNK_SIZE);
            this.chunks.add(this.current);
            this.allocated += CHUNK_SIZE;
        }
        return this.current;
    }

    private void requireOpen() {
        if (this.released) {
            throw new IllegalStateException("The batch buffers were already released.");
        }
    }

    /** Bytes written. */
    public long size() {
        return this.size;
    }

    /** Memory held, in bytes (what the in-flight budget counts). */
    public long allocated() {
        return this.allocated;
    }

    /**
     * The body as a new sequence of buffers sharing this memory: each subscription takes its own references to every
     * chunk at once (so a late subscription, after the load ended and the batch was released, fails cleanly instead
     * of touching freed memory), hands each one to the transport, which releases what it was given, and releases
     * the ones it never handed over when cancelled (a server that answered before reading the whole body).
     */
    public Flux<ByteBuf> body() {
        return Flux.defer(() -> {
            List<ByteBuf> references = retainAll();
            int[] next = { 0 };
            return Flux.<ByteBuf>generate((sink) -> {
                if (next[0] < references.size()) {
                    sink.next(references.get(next[0]++));
                }
                else {
                    sink.complete();
                }
            }).doFinally((signal) -> {
                while (next[0] < references.size()) {
                    references.get(next[0]++).release();
                }
            });
        });
    }

    private synchronized List<ByteBuf> retainAll() {
        requireOpen();
        List<ByteBuf> references = new ArrayList<>(this.chunks.size());
        for (ByteBuf chunk : this.chunks) {
            references.add(chunk.retainedDuplicate());
        }
        return references;
    }

    /** The body as one byte array (tests and small diagnostics only). */
    public byte[] toByteArray() {
        byte[] bytes = new byte[Math.toIntExact(this.size)];
        int offset = 0;
        for (ByteBuf chunk : this.chunks) {
            int count = chunk.readableBytes();
            chunk.getBytes(chunk.readerIndex(), bytes, offset, count);
            offset += count;
        }
        return bytes;
    }

    /** Feeds the body to {@code digest} chunk by chunk, without copying it. */
    public synchronized void digestInto(java.security.MessageDigest digest) {
        requireOpen();
        for (ByteBuf chunk : this.chunks) {
            digest.update(chunk.nioBuffer(chunk.readerIndex(), chunk.readableBytes()));
        }
    }

    /** Returns the memory to the pool (once the transport released its references too); idempotent. */
    public synchronized void release() {
        if (!this.released) {
            this.released = true;
            this.chunks.forEach(ByteBuf::release);
            this.chunks.clear();
            this.current = null;
        }
    }

    @Override
    public void close() {
        // The buffers outlive the encoder that closes this stream; release() frees them.
    }

}
