package io.github.srboot.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubColumn;
import io.github.srboot.test.streamload.TableContents;

/**
 * A read-only web page of a running stub, for a person: its tables (key model, columns, rows, loads) at {@code /}
 * and each table's rows at {@code /tables/<database>/<table>}. Served by the JDK's HTTP server on 127.0.0.1, apart
 * from the FE and BE listeners, whose answers imitate StarRocks and so have no place for a page of the stub's own.
 */
final class StubConsole implements AutoCloseable {

    /** Most rows shown on a table's page. */
    static final int MAX_ROWS = 1000;

    private final StreamLoadStubServer stub;

    private final HttpServer server;

    private final ExecutorService executor;

    private StubConsole(StreamLoadStubServer stub, HttpServer server, ExecutorService executor) {
        this.stub = stub;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves the page of {@code stub} on {@code port} (0: any free port).
     */
    static StubConsole start(StreamLoadStubServer stub, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + " for the stub's console", ex);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor((runnable) -> {
            Thread thread = new Thread(runnable, "stream-load-stub-console");
            thread.setDaemon(true);
            return thread;
        });
        StubConsole console = new StubConsole(stub, server, executor);
        server.createContext("/", console::handle);
        server.setExecutor(executor);
        server.start();
        return console;
    }

    /** {@code http://127.0.0.1:<port>/}. */
    URI url() {
        return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, page("Method not allowed", "<p>The console is read-only.</p>"));
            }
            else if (path.equals("/")) {
                send(exchange, 200, page("Stream Load stub", tablesHtml()));
            }
            else if (path.startsWith("/tables/") && path.split("/").length == 4) {
                String[] parts = path.split("/");
                TableContents table = find(parts[2], parts[3]);
                if (table == null) {
                    send(exchange, 404, page("No such table", "<p>No table " + escape(parts[2] + "." + parts[3])
                            + ". <a href=\"/\">All tables</a></p>"));
                }
                else {
                    send(exchange, 200, page(parts[2] + "." + parts[3], rowsHtml(table)));
                }
            }
            else {
                send(exchange, 404, page("Not found", "<p><a href=\"/\">All tables</a></p>"));
            }
        }
    }

    private TableContents find(String database, String name) {
        return this.stub.tables()
            .stream()
            .filter((table) -> table.table().database().equals(database) && table.table().name().equals(name))
            .findFirst()
            .orElse(null);
    }

    private String tablesHtml() {
        StringBuilder html = new StringBuilder();
        html.append("<p>FE ").append(escape(String.valueOf(this.stub.frontendUrls()))).append(", BE ")
            .append(escape(String.valueOf(this.stub.backendUrls()))).append(", user ")
            .append(escape(this.stub.username())).append(". Loads committed: ").append(this.stub.loadsCommitted())
            .append(".</p>");
        List<TableContents> tables = this.stub.tables();
        if (tables.isEmpty()) {
            return html.append("<p>No tables. Start the stub with --ddl schema.sql to create some.</p>").toString();
        }
        html.append("<table><tr><th>table</th><th>key model</th><th>columns</th><th>rows</th>"
                + "<th>loads committed</th><th>rows loaded</th></tr>");
        for (TableContents table : tables) {
            String qualified = table.table().database() + "." + table.table().name();
            html.append("<tr><td><a href=\"/tables/").append(escape(table.table().database())).append('/')
                .append(escape(table.table().name())).append("\">").append(escape(qualified)).append("</a></td><td>")
                .append(table.table().keyModel()).append("</td><td>");
            for (StubColumn column : table.table().columns()) {
                html.append(escape(column.name() + " " + column.type())).append("<br>");
            }
            html.append("</td><td>").append(table.storesRows() ? String.valueOf(table.rowCount()) : "not stored")
                .append("</td><td>").append(table.committedLoads()).append("</td><td>").append(table.loadedRows())
                .append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    private static String rowsHtml(TableContents table) {
        StringBuilder html = new StringBuilder("<p><a href=\"/\">All tables</a></p>");
        if (!table.storesRows()) {
            return html.append("<p>The stub counts rows without storing them (--counting-only).</p>").toString();
        }
        List<Map<String, String>> rows = table.rows();
        html.append("<p>").append(rows.size()).append(" rows").append((rows.size() > MAX_ROWS)
                ? ", the first " + MAX_ROWS + " shown" : "").append(".</p><table><tr>");
        for (StubColumn column : table.table().columns()) {
            html.append("<th>").append(escape(column.name())).append("</th>");
        }
        html.append("</tr>");
        for (Map<String, String> row : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            html.append("<tr>");
            for (StubColumn column : table.table().columns()) {
                String value = row.get(column.name());
                html.append("<td>").append((value != null) ? escape(value) : "<i>NULL</i>").append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>"
                + "body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                + "padding:2px 6px;text-align:left;vertical-align:top}</style></head><body><h1>" + escape(title)
                + "</h1>" + body + "</body></html>";
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * HTML text escaping; written here because the standalone jar carries no web library (spring-web's HtmlUtils
     * is not on its classpath).
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public void close() {
        this.server.stop(0);
        this.executor.shutdownNow();
    }

}
