package io.github.srboot.test.streamload;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A raw-socket HTTP/1.1 client for protocol tests: it sends exactly the bytes a test asks for, waits for
 * {@code 100 Continue} by hand and can observe a connection close or reset, which the JDK HttpClient cannot.
 */
final class RawHttp implements Closeable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Socket socket;

    private final InputStream in;

    private final OutputStream out;

    RawHttp(int port) throws IOException {
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        // only a guard against a hung test: no assertion depends on it (a loaded CI machine once took over 5 s)
        this.socket.setSoTimeout(60_000);
        this.in = new BufferedInputStream(this.socket.getInputStream());
        this.out = this.socket.getOutputStream();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    void sendHead(String method, String target, Map<String, String> headers) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1:").append(this.socket.getPort()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        this.out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        this.out.flush();
    }

    void sendBody(byte[] body) throws IOException {
        this.out.write(body);
        this.out.flush();
    }

    void sendChunked(byte[]... chunks) throws IOException {
        for (byte[] chunk : chunks) {
            this.out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            this.out.write(chunk);
            this.out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        this.out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        this.out.flush();
    }

    /**
     * Reads one response (an interim 100 Continue counts as one).
     */
    Response readResponse() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("Connection closed before a response");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while (!(line = readLine()).isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body = new byte[0];
        String length = headers.get("content-length");
        if (length != null) {
            body = this.in.readNBytes(Integer.parseInt(length));
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Whether the server closed the connection (end of stream or reset) within the read timeout.
     */
    boolean closedByPeer() throws IOException {
        try {
            return this.in.read() == -1;
        }
        catch (SocketTimeoutException ex) {
            return false;
        }
        catch (java.net.SocketException ex) {
            return true;
        }
    }

    void readTimeout(int millis) throws IOException {
        this.socket.setSoTimeout(millis);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = this.in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return (line.size() == 0) ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        this.socket.close();
    }

    /**
     * Runs a whole Stream Load the way a correct client does: PUT to the FE with {@code Expect: 100-continue},
     * follow the 307 with the same headers, wait for {@code 100 Continue} at the BE, send the body.
     */
    static Response streamLoad(StreamLoadStubServer stub, String database, String table, Map<String, String> headers,
            byte[] body) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Authorization", basic(stub.username(), stub.password()));
        all.put("Expect", "100-continue");
        all.put("Content-Length", String.valueOf(body.length));
        all.putAll(headers);
        URI location;
        try (RawHttp fe = new RawHttp(stub.frontend().port())) {
            fe.sendHead("PUT", "/api/" + database + "/" + table + "/_stream_load", all);
            Response redirect = fe.readResponse();
            if (redirect.status() != 307) {
                return redirect;
            }
            location = URI.create(redirect.headers().get("location"));
        }
        try (RawHttp be = new RawHttp(location.getPort())) {
            be.sendHead("PUT", location.getRawPath() + (location.getRawQuery() != null ? "?"
                    + location.getRawQuery() : ""), all);
            Response interim = be.readResponse();
            if (interim.status() != 100) {
                return interim;
            }
            be.sendBody(body);
            return be.readResponse();
        }
    }

    static Response streamLoad(StreamLoadStubServer stub, String database, String table, Map<String, String> headers,
            String body) throws IOException {
        return streamLoad(stub, database, table, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code GET /api/{db}/get_load_state?label=} at the first FE; returns the {@code state} field.
     */
    static String loadState(StreamLoadStubServer stub, String database, String label) throws IOException {
        try (RawHttp fe = new RawHttp(stub.frontend().port())) {
            fe.sendHead("GET", "/api/" + database + "/get_load_state?label=" + label,
                    Map.of("Authorization", basic(stub.username(), stub.password())));
            Response response = fe.readResponse();
            if (response.status() != 200) {
                throw new IOException("get_load_state answered HTTP " + response.status());
            }
            return response.json().get("state").asText();
        }
    }

    /**
     * A response as received.
     */
    record Response(int status, Map<String, String> headers, String body) {

        JsonNode json() throws IOException {
            return MAPPER.readTree(this.body);
        }

    }

}
