package io.github.srboot.test.streamload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One request on a stub connection and the means to answer it at byte level: {@code 100 Continue}, a response,
 * closing without reading the body, or a TCP reset.
 */
final class Exchange {

    private final Socket socket;

    private final InputStream in;

    private final OutputStream out;

    private final RequestHead head;

    private BodyInputStream body;

    private boolean close;

    private boolean responded;

    private int status;

    private final AtomicLong receivedBodyBytes;

    Exchange(Socket socket, InputStream in, OutputStream out, RequestHead head, AtomicLong receivedBodyBytes) {
        this.socket = socket;
        this.receivedBodyBytes = receivedBodyBytes;
        this.in = in;
        this.out = out;
        this.head = head;
    }

    RequestHead head() {
        return this.head;
    }

    String header(String name) {
        return this.head.header(name);
    }

    boolean expectsContinue() {
        String expect = this.head.header("expect");
        return expect != null && expect.trim().equalsIgnoreCase("100-continue");
    }

    /**
     * The request body; sends {@code 100 Continue} first when the client asked for it.
     */
    BodyInputStream body() throws IOException {
        if (this.body == null) {
            if (expectsContinue()) {
                this.out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                this.out.flush();
            }
            this.body = BodyInputStream.of(this.in, this.head, this.receivedBodyBytes);
        }
        return this.body;
    }

    /**
     * Bytes the client already sent beyond the head that nobody read (a body sent without waiting for
     * {@code 100 Continue}), as far as they have arrived.
     */
    long unreadBytesAvailable() {
        try {
            return this.in.available();
        }
        catch (IOException ex) {
            return 0;
        }
    }

    /**
     * Reads and drops the body, so that the connection can be kept or the client is not reset while sending.
     */
    void discardBody() throws IOException {
        body().discard();
    }

    void respondJson(int status, Object json) throws IOException {
        // the BE's send_reply_json type (corpus HTTP02)
        respond(status, "application/json", Json.write(json), Map.of());
    }

    void respond(int status, String contentType, byte[] content, Map<String, String> headers) throws IOException {
        boolean bodyPending = hasUnreadBody();
        if (bodyPending || !clientKeepsAlive()) {
            this.close = true;
        }
        StringBuilder response = new StringBuilder(256);
        response.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            response.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (contentType != null) {
            response.append("Content-Type: ").append(contentType).append("\r\n");
        }
        response.append("Content-Length: ").append(content.length).append("\r\n");
        response.append("Connection: ").append(this.close ? "close" : "keep-alive").append("\r\n\r\n");
        this.out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
        this.out.write(content);
        this.out.flush();
        this.responded = true;
        this.status = status;
    }

    /**
     * The status answered, or 0 when nothing was (a reset, a held or dropped connection).
     */
    int status() {
        return this.status;
    }

    /**
     * Marks the connection to be closed after this exchange.
     */
    void closeAfterResponse() {
        this.close = true;
    }

    boolean keepAlive() {
        return this.responded && !this.close;
    }

    /**
     * Resets the connection: RST instead of FIN, as a crashed or overloaded server does.
     */
    void reset() throws IOException {
        this.close = true;
        this.socket.setSoLinger(true, 0);
        this.socket.close();
    }

    /**
     * Keeps the connection open and silent until the client closes it (or the stub stops): a lost response.
     */
    void holdSilently() {
        this.close = true;
        try {
            byte[] buffer = new byte[8192];
            while (this.in.read(buffer) != -1) {
                // the client may still send bytes; nothing is ever answered
            }
        }
        catch (IOException ex) {
            // the client or the stub closed the connection: the hold is over
        }
    }

    private boolean hasUnreadBody() {
        if (this.body != null) {
            return !this.body.isFinished();
        }
        String transferEncoding = this.head.header("transfer-encoding");
        String contentLength = this.head.header("content-length");
        return transferEncoding != null || (contentLength != null && !contentLength.trim().equals("0"));
    }

    private boolean clientKeepsAlive() {
        String connection = this.head.header("connection");
        if (connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
            return false;
        }
        return "HTTP/1.1".equals(this.head.version())
                || (connection != null && connection.toLowerCase(Locale.ROOT).contains("keep-alive"));
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 307 -> "Temporary Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }

}
