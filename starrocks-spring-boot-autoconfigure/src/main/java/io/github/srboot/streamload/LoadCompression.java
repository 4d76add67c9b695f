package io.github.srboot.streamload;

/**
 * Compression of a load body. For JSON it is sent as the {@code compression} header, for CSV as the compressed
 * {@code format} ({@code gzip}, {@code lz4}); {@code LZ4_FRAME} needs {@code at.yawk.lz4:lz4-java} on the classpath.
 */
public enum LoadCompression {

    /** Send the body as encoded (the default). */
    NONE(null, null),

    /** Gzip (JDK deflater). */
    GZIP("gzip", "gzip"),

    /** LZ4 frame format. */
    LZ4_FRAME("lz4_frame", "lz4");

    private final String jsonCompression;

    private final String csvFormat;

    LoadCompression(String jsonCompression, String csvFormat) {
        this.jsonCompression = jsonCompression;
        this.csvFormat = csvFormat;
    }

    /** The value of the {@code compression} header for JSON bodies, or {@code null} when uncompressed. */
    public String jsonCompression() {
        return this.jsonCompression;
    }

    /** The value of the {@code format} header for compressed CSV bodies, or {@code null} when uncompressed. */
    public String csvFormat() {
        return this.csvFormat;
    }

}
