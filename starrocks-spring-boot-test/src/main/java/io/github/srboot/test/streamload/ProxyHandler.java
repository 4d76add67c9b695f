package io.github.srboot.test.streamload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the stub's FE proxy answers: the nginx front of the StarRocks Kubernetes operator ({@code FeProxy}, its
 * {@code nginx.conf} in {@code pkg/subcontrollers/feproxy/feproxy_configmap.go}).
 *
 * <p>As nginx does, it takes the client's whole body first (answering {@code 100 Continue} itself when asked), then
 * passes the request to an FE over HTTP/1.0 with the client's {@code Expect} header, without the body for
 * {@code _stream_load} and {@code /api/transaction/load} ({@code proxy_pass_request_body off}). It catches a 307
 * ({@code proxy_intercept_errors}, {@code error_page 307}) and sends the same request to the {@code Location} itself,
 * with the body it took from the client when the target is not an FE, following further 307s, and returns the last
 * answer. So the client never sees the BE, and the BE receives exactly the body the client sent to the proxy: a
 * client that sends only headers to the FE address loads an empty body.
 */
final class ProxyHandler implements StubEndpoint.Handler {

    private static final Pattern BODY_OFF = Pattern.compile("^/api/[^/]+/[^/]+/_stream_load$|^/api/transaction/load$");

    private static final int MAX_REDIRECTS = 10;

    private final StreamLoadStubServer server;

    ProxyHandler(StreamLoadStubServer server) {
        this.server = server;
    }

    @Override
    public void handle(StubEndpoint endpoint, Exchange exchange) throws IOException {
        RequestHead head = exchange.head();
        if (head.path().equals("/nginx/health")) {
            exchange.respond(200, null, new byte[0], Map.of());
            return;
        }
        byte[] body = exchange.body().readAllBytes();
        endpoint.countLoadRequest();
        StubEndpoint frontend = this.server.frontends().stream().filter(StubEndpoint::isRunning).findFirst()
            .orElse(null);
        exchange.closeAfterResponse();
        if (frontend == null) {
            exchange.respond(502, "text/html", "502 Bad Gateway".getBytes(StandardCharsets.ISO_8859_1), Map.of());
            return;
        }
        boolean passBody = !BODY_OFF.matcher(head.path()).matches();
        Answer answer = send(frontend.port(), head.method(), head.target(), head.headers(), passBody ? body : null);
        for (int redirects = 0; answer.status() == 307 && redirects < MAX_REDIRECTS; redirects++) {
            URI location = URI.create(answer.headers().getOrDefault("location", ""));
            boolean toFrontend = this.server.frontends().stream().anyMatch((fe) -> fe.port() == location.getPort());
            String target = location.getRawPath() + ((location.getRawQuery() != null) ? "?" + location.getRawQuery()
                    : "");
            answer = send(location.getPort(), head.method(), target, head.headers(),
                    (toFrontend && !passBody) ? null : body);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String location = answer.headers().get("location");
        if (location != null) {
            headers.put("Location", location);
        }
        exchange.respond(answer.status(), answer.headers().get("content-type"), answer.body(), headers);
    }

    /**
     * One HTTP/1.0 exchange with a stub FE or BE on loopback; an interim {@code 100 Continue} is skipped.
     */
    private static Answer send(int port, String method, String target, Map<String, String> clientHeaders,
            byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(600_000);
            StringBuilder request = new StringBuilder(512);
            request.append(method).append(' ').append(target).append(" HTTP/1.0\r\n");
            request.append("Host: 127.0.0.1:").append(port).append("\r\n");
            for (Map.Entry<String, String> header : clientHeaders.entrySet()) {
                String name = header.getKey();
                if (!name.equals("host") && !name.equals("content-length") && !name.equals("transfer-encoding")
                        && !name.equals("connection")) {
                    request.append(name).append(": ").append(header.getValue()).append("\r\n");
                }
            }
            request.append("X-Real-IP: 127.0.0.1\r\nX-Forwarded-For: 127.0.0.1\r\nConnection: close\r\n");
            if (body != null) {
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Answer answer;
            do {
                answer = readAnswer(in);
            }
            while (answer.status() == 100);
            return answer;
        }
    }

    private static Answer readAnswer(InputStream in) throws IOException {
        String statusLine = RequestHead.readLine(in, false);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2) {
            throw new IOException("Malformed status line from upstream: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while (!(line = RequestHead.readLine(in, false)).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        if (status == 100) {
            return new Answer(status, headers, new byte[0]);
        }
        String length = headers.get("content-length");
        byte[] content = (length != null) ? in.readNBytes(Integer.parseInt(length.trim())) : in.readAllBytes();
        return new Answer(status, headers, content);
    }

    /**
     * An upstream answer.
     */
    private record Answer(int status, Map<String, String> headers, byte[] body) {
    }

}
