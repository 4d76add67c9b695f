package io.github.srboot.test.streamload;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import com.github.luben.zstd.ZstdInputStream;
import net.jpountz.lz4.LZ4FrameInputStream;

/**
 * Wraps a load body in the decoder its declared compression needs.
 */
final class Decompression {

    private Decompression() {
    }

    static InputStream wrap(InputStream body, LoadOptions.Compression compression) throws IOException {
        return switch (compression) {
            case NONE -> body;
            case GZIP -> new GZIPInputStream(body, 64 * 1024);
            case DEFLATE -> new InflaterInputStream(body);
            case LZ4_FRAME -> lz4Frame(body);
            case ZSTD -> zstd(body);
            case BZIP2 -> throw new IOException("bzip2 is not supported by the stub");
        };
    }

    // Separate methods, so that the lz4 and zstd classes are loaded only when a body needs them.

    private static InputStream lz4Frame(InputStream body) throws IOException {
        return new LZ4FrameInputStream(body);
    }

    private static InputStream zstd(InputStream body) throws IOException {
        return new ZstdInputStream(body);
    }

}
