package io.github.srboot.streamload.internal.http;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Label rules and generation: {@code <prefix>_<table>_<unique part>}, characters {@code [0-9A-Za-z_-]}, at most 128.
 *
 * <p>The unique part is the start time of this JVM's generator (base 36), a random part and a counter, so labels
 * differ across restarts and processes without coordination.
 */
public final class Labels {

    static final int MAX_LENGTH = 128;

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
        String unique = this.instance + "_" + Long.toString(this.counter.incrementAndGet(), 36);
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
