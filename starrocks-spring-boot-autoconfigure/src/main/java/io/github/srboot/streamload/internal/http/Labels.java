package io.github.srboot.streamload.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.srboot.streamload.internal.encoding.PooledChunks;

/**
 * Label rules and generation: {@code <prefix>_<table>_<unique part>}, characters {@code [0-9A-Za-z_-]}, at most 128.
 * Generated labels are unique; the labels of a stream the caller gave a prefix are derived from each batch
 * ({@link #ofStreamBatch}).
 *
 * <p>The unique part is the start time of this JVM's generator (base 36), a random part and a counter, so labels
 * differ across restarts and processes without coordination.
 */
public final class Labels {

    static final int MAX_LENGTH = 128;

    /** Bytes of the SHA-256 digest a stream batch's label carries (hexadecimal: 30 characters). */
    private static final int STREAM_DIGEST_BYTES = 15;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String instance;

    private final AtomicLong counter = new AtomicLong();

    public Labels() {
        this.instance = Long.toString(System.currentTimeMillis(), 36) + Long.toString(RANDOM.nextLong() >>> 1, 36);
    }

    /**
     * A fresh label for one batch of {@code table}.
     */
    public String next(String prefix, String table) {
        return assemble(prefix, table, this.instance + "_" + Long.toString(this.counter.incrementAndGet(), 36));
    }

    /**
     * {@code <prefix>_<table>_<unique>}, the table cut to what fits in 128 characters (the unique part tells labels
     * apart, not the table's name).
     */
    private static String assemble(String prefix, String table, String unique) {
        String tablePart = sanitize(table);
        int room = MAX_LENGTH - prefix.length() - unique.length() - 2;
        if (room < 1) {
            throw new IllegalArgumentException("Label prefix '" + prefix + "' leaves no room for a unique label.");
        }
        if (tablePart.length() > room) {
            tablePart = tablePart.substring(0, room);
        }
        return prefix + "_" + tablePart + "_" + unique;
    }

    /**
     * The label of one batch of a stream that the caller named with a label prefix:
     * {@code <prefix>_<table>_<first row>-<digest>}. The digest covers the database, the table, the batch's position
     * and row count, its headers (but the label and the timeout) and its body, so the same rows cut the same way at the same place of
     * a stream under the same prefix make the same label (a re-subscribed stream's batch that committed before comes
     * back {@code Label Already Exists}), while any other batch makes another label: a label is never taken for rows
     * it did not carry.
     */
    public static String ofStreamBatch(String prefix, String database, String table, long firstRow, int rows,
            Map<String, String> headers, PooledChunks body) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            // every Java platform must provide SHA-256 (MessageDigest's contract)
            throw new IllegalStateException(ex);
        }
        digest.update((database + "\n" + table + "\n" + firstRow + "\n" + rows + "\n")
            .getBytes(StandardCharsets.UTF_8));
        new TreeMap<>(headers).forEach((name, value) -> {
            // the timeout decides nothing about what is loaded: a restart with another default keeps the labels
            if (!name.equalsIgnoreCase("label") && !name.equalsIgnoreCase("timeout")) {
                digest.update((name + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        body.digestInto(digest);
        // 120 bits: a collision needs two different batches at one position of one prefix and table
        // (the digest names the table in full, however much of its name the label has room for)
        return assemble(prefix, table, Long.toString(firstRow, 36) + "-"
                + HexFormat.of().formatHex(digest.digest(), 0, STREAM_DIGEST_BYTES));
    }

    public static void requireValidLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LENGTH || !validChars(label)) {
            throw new IllegalArgumentException("Invalid Stream Load label '" + label
                    + "': use 1 to 128 characters out of [0-9A-Za-z_-].");
        }
    }

    public static void requireValidPrefix(String prefix) {
        if (prefix.isEmpty() || prefix.length() > 64 || !validChars(prefix)) {
            throw new IllegalArgumentException("Invalid Stream Load label prefix '" + prefix
                    + "': use 1 to 64 characters out of [0-9A-Za-z_-].");
        }
    }

    private static boolean validChars(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!validChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean validChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
    }

    private static String sanitize(String table) {
        StringBuilder out = new StringBuilder(table.length());
        for (int i = 0; i < table.length(); i++) {
            char c = table.charAt(i);
            out.append(validChar(c) ? c : '_');
        }
        return out.toString();
    }

}
