package io.github.srboot.test.streamload;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The request line and headers of one HTTP/1.1 request, read byte by byte from the connection.
 *
 * @param method the method, upper case as sent
 * @param target the request target as sent (path and query)
 * @param path the decoded path
 * @param query the decoded query parameters
 * @param headers the headers by lower-case name (the last one wins)
 * @param version the protocol version, e.g. {@code HTTP/1.1}
 */
record RequestHead(String method, String target, String path, Map<String, String> query,
        Map<String, String> headers, String version) {

    private static final int MAX_LINE = 64 * 1024;

    private static final int MAX_HEADERS = 200;

    String header(String name) {
        return this.headers.get(name.toLowerCase(Locale.ROOT));
    }

    String rawQuery() {
        int question = this.target.indexOf('?');
        return (question < 0) ? "" : this.target.substring(question + 1);
    }

    /**
     * Reads the next request head, or returns {@code null} when the peer closed the connection between requests.
     */
    static RequestHead read(InputStream in) throws IOException {
        String requestLine = readLine(in, true);
        if (requestLine == null) {
            return null;
        }
        while (requestLine.isEmpty()) {
            requestLine = readLine(in, true);
            if (requestLine == null) {
                return null;
            }
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/")) {
            throw new IOException("Malformed request line: " + requestLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int count = 0;; count++) {
            String line = readLine(in, false);
            if (line.isEmpty()) {
                break;
            }
            if (count >= MAX_HEADERS) {
                throw new IOException("Too many request headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("Malformed header line: " + line);
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        String target = parts[1];
        int question = target.indexOf('?');
        String path = decode((question < 0) ? target : target.substring(0, question));
        Map<String, String> query = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : target.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                query.put(decode((equals < 0) ? pair : pair.substring(0, equals)),
                        (equals < 0) ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return new RequestHead(parts[0], target, path, Collections.unmodifiableMap(query),
                Collections.unmodifiableMap(headers), parts[2]);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /**
     * One CRLF (or bare LF) terminated line in ISO-8859-1; {@code null} at a clean end of stream when allowed.
     */
    static String readLine(InputStream in, boolean eofAllowed) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("Request line or header longer than " + MAX_LINE + " bytes");
            }
            line.append((char) b);
        }
        if (eofAllowed && line.length() == 0) {
            return null;
        }
        throw new EOFException("Connection closed in the middle of a request head");
    }

}
