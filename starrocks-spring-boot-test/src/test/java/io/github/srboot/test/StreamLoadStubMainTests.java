package io.github.srboot.test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.KeyModel;
import io.github.srboot.test.streamload.StubRole;
import io.github.srboot.test.streamload.StubTable;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.StreamLoadTemplate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The standalone launcher's options and its one-line-per-listener output.
 */
@ExtendWith(OutputCaptureExtension.class)
class StreamLoadStubMainTests {

    @Test
    void printsOneLinePerListener() throws Exception {
        int fixedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            fixedPort = probe.getLocalPort();
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        StreamLoadStubMain.Options options = StreamLoadStubMain.Options.parse(new String[] { "--fe-ports",
                fixedPort + ",0", "--be-ports", "0,0,0", "--user", "u", "--password", "p", "--fault-rate", "0.25",
                "--seed", "9", "--no-console" });
        try (StreamLoadStubMain.Standalone standalone = StreamLoadStubMain.start(options,
                new PrintStream(output, true, StandardCharsets.UTF_8))) {
            StreamLoadStubServer server = standalone.stub();
            List<String> lines = output.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).hasSize(5);
            assertThat(lines.get(0)).isEqualTo("FE http://127.0.0.1:" + fixedPort);
            assertThat(lines.get(1)).matches("FE http://127\\.0\\.0\\.1:\\d+");
            assertThat(lines.subList(2, 5)).allMatch((line) -> line.matches("BE http://127\\.0\\.0\\.1:\\d+"));
            assertThat(server.username()).isEqualTo("u");
            assertThat(server.password()).isEqualTo("p");
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void leaderAndProxyOptionsShapeTheCluster() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        StreamLoadStubMain.Options options = StreamLoadStubMain.Options.parse(new String[] { "--fe-ports", "0,0",
                "--leader", "1", "--proxy", "--no-console" });
        try (StreamLoadStubMain.Standalone standalone = StreamLoadStubMain.start(options,
                new PrintStream(output, true, StandardCharsets.UTF_8))) {
            StreamLoadStubServer server = standalone.stub();
            List<String> lines = output.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).last().isEqualTo("PROXY " + server.proxy().url());
            assertThat(server.proxy().isRunning()).isTrue();
        }
        assertThatIllegalArgumentException()
            .isThrownBy(() -> StreamLoadStubMain.Options.parse(new String[] { "--leader", "1" }))
            .withMessageContaining("--leader 1 names no FE");
    }

    @Test
    void faultRateAndSeedDriveRandomFaults() throws Exception {
        StreamLoadStubMain.Options options = StreamLoadStubMain.Options.parse(new String[] { "--fault-rate", "1",
                "--seed", "3" });
        try (StreamLoadStubMain.Standalone standalone = StreamLoadStubMain.start(options,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            StreamLoadStubServer server = standalone.stub();
            // A raw request: the JDK HttpClient hangs on a final answer to a request sent with expectContinue.
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.frontend().port())) {
                socket.setSoTimeout(60_000);
                socket.getOutputStream().write(("PUT /api/db/t/_stream_load HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Basic cm9vdDo=\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
                String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1)).readLine();
                assertThat(statusLine).matches("HTTP/1\\.1 (307|503) .*");
            }
            assertThat(server.faults().injected()).singleElement()
                .satisfies((injected) -> assertThat(injected.role()).isEqualTo(StubRole.FRONTEND));
        }
    }

    @Test
    void ddlFileDeclaresTablesInTheDatabaseItNames(@TempDir Path directory) throws Exception {
        Path ddl = directory.resolve("schema.sql");
        Files.writeString(ddl, """
                -- tables the way a user keeps them
                CREATE DATABASE IF NOT EXISTS shop;
                USE shop;
                create table orders (
                  id bigint not null,
                  status varchar(20) default "new",
                  amount decimal(10, 2) comment 'total; with a semicolon'
                ) primary key (id) distributed by hash(id) buckets 4;
                CREATE VIEW paid AS SELECT * FROM orders WHERE status = 'paid';
                USE audit;
                CREATE TABLE `log` (`at` datetime, `msg` string) DUPLICATE KEY(`at`);
                """);
        StreamLoadStubMain.Options options = StreamLoadStubMain.Options.parse(new String[] { "--ddl",
                ddl.toString() });
        try (StreamLoadStubMain.Standalone standalone = StreamLoadStubMain.start(options,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            StreamLoadStubServer server = standalone.stub();
            assertThat(server.tables()).extracting((table) -> table.table().database() + "." + table.table().name())
                .containsExactly("shop.orders", "audit.log");
            StubTable orders = server.table("shop", "orders").table();
            assertThat(orders.keyModel()).isEqualTo(KeyModel.PRIMARY);
            assertThat(orders.column("status")).hasValueSatisfying((column) -> {
                assertThat(column.type()).isEqualTo("VARCHAR(20)");
                assertThat(column.defaultValue()).isEqualTo("new");
            });
            assertThat(orders.column("id")).hasValueSatisfying((column) -> assertThat(column.nullable()).isFalse());
        }
    }

    @Test
    void queryPortServesSqlOverTheTablesOfTheStub(@TempDir Path directory) throws Exception {
        Path ddl = ordersDdl(directory);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        StreamLoadStubMain.Options options = StreamLoadStubMain.Options.parse(new String[] { "--ddl",
                ddl.toString(), "--query-port", "0", "--no-console", "--quiet" });
        try (StreamLoadStubMain.Standalone standalone = StreamLoadStubMain.start(options,
                new PrintStream(output, true, StandardCharsets.UTF_8))) {
            List<String> lines = output.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).last().isEqualTo("QUERY " + standalone.sql().jdbcUrl());
            assertThat(standalone.sql().stub()).isSameAs(standalone.stub());
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                    standalone.sql().jdbcUrl("shop"), "root", "");
                    java.sql.Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO orders VALUES (1, 'new')");
                try (java.sql.ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM orders")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getLong(1)).isEqualTo(1);
                }
            }
            assertThat(standalone.stub().table("shop", "orders").rows()).hasSize(1);
        }
    }

    @Test
    void ddlFileWithoutADatabaseOrWithBadSyntaxIsRefused(@TempDir Path directory) throws Exception {
        Path noDatabase = directory.resolve("t.sql");
        Files.writeString(noDatabase, "CREATE TABLE t (id INT)");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> StreamLoadStubMain.Options.parse(new String[] { "--ddl", noDatabase.toString() }))
            .withMessageContaining("'t' has no database");
        assertThat(StreamLoadStubMain.Options.parse(new String[] { "--ddl", noDatabase.toString(), "--database",
                "db" })).isNotNull();
        Path broken = directory.resolve("broken.sql");
        Files.writeString(broken, "USE db;\nCREATE TABLE t (id INTT)");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> StreamLoadStubMain.Options.parse(new String[] { "--ddl", broken.toString() }))
            .withMessageContaining("not valid StarRocks DDL");
    }

    @Test
    void refusesBadOptionsNamingThem() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> StreamLoadStubMain.Options.parse(new String[] { "--bogus", "1" }))
            .withMessageContaining("--bogus");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> StreamLoadStubMain.Options.parse(new String[] { "--fe-ports", "80a" }))
            .withMessageContaining("80a");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> StreamLoadStubMain.Options.parse(new String[] { "--fault-rate", "2" }))
            .withMessageContaining("--fault-rate");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> StreamLoadStubMain.Options.parse(new String[] { "--seed" }))
            .withMessageContaining("--seed");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> StreamLoadStubMain.Options.parse(new String[] { "--console-port", "1,2" }))
            .withMessageContaining("--console-port needs one port");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> StreamLoadStubMain.Options.parse(new String[] { "--query-port", "1,2" }))
            .withMessageContaining("--query-port needs one port");
    }

    @Test
    void helpPrintsTheOptions(CapturedOutput output) throws Exception {
        StreamLoadStubMain.main(new String[] { "--help" });
        assertThat(output.getOut()).startsWith("Usage: java -jar starrocks-spring-boot-test-<version>-standalone.jar")
            .contains("--ddl <file>", "--console-port <port>", "--query-port <port>", "--quiet");
    }

    @Test
    void logsEachRequestAndShowsTheTablesOnItsConsole(@TempDir Path directory) throws Exception {
        Path ddl = ordersDdl(directory);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        StreamLoadStubMain.Options options = StreamLoadStubMain.Options.parse(new String[] { "--ddl",
                ddl.toString() });
        try (StreamLoadStubMain.Standalone standalone = StreamLoadStubMain.start(options,
                new PrintStream(output, true, StandardCharsets.UTF_8))) {
            StreamLoadStubServer server = standalone.stub();
            assertThat(output.toString(StandardCharsets.UTF_8).lines())
                .contains("CONSOLE " + standalone.console().url());
            try (StreamLoadTemplate streamLoad = StreamLoadTemplate.builder()
                .frontends(server.frontendUrls())
                .credentials(server.username(), server.password())
                .database("shop")
                .build()) {
                streamLoad.load("orders", Flux.just(Map.of("id", 1, "status", "<new>"), Map.of("id", 2,
                        "status", "paid")), LoadOptions.json().withLabel("console_1")).block();
            }
            int frontend = server.frontend().port();
            int backend = server.backends().get(0).port();
            // the line is printed once the answer has been written, so the client may read the answer first
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    output.toString(StandardCharsets.UTF_8).lines())
                .anyMatch((line) -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} FE 127\\.0\\.0\\.1:" + frontend
                        + " PUT /api/shop/orders/_stream_load label=console_1 -> 307"))
                .anyMatch((line) -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} BE 127\\.0\\.0\\.1:" + backend
                        + " PUT /api/shop/orders/_stream_load label=console_1 -> 200")));

            HttpClient http = HttpClient.newHttpClient();
            String tables = http.send(HttpRequest.newBuilder(standalone.console().url()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(tables).contains("<a href=\"/tables/shop/orders\">shop.orders</a>")
                .contains("<td>PRIMARY</td>")
                .contains("<td>2</td>");
            HttpResponse<String> rows = http.send(HttpRequest.newBuilder(standalone.console().url()
                .resolve("/tables/shop/orders")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(rows.statusCode()).isEqualTo(200);
            assertThat(rows.body()).contains("2 rows.").contains("<td>&lt;new&gt;</td>").contains("<td>paid</td>");
            assertThat(http.send(HttpRequest.newBuilder(standalone.console().url().resolve("/tables/shop/nope"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void quietLogsNoRequest() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        StreamLoadStubMain.Options options = StreamLoadStubMain.Options.parse(new String[] { "--quiet",
                "--no-console" });
        try (StreamLoadStubMain.Standalone standalone = StreamLoadStubMain.start(options,
                new PrintStream(output, true, StandardCharsets.UTF_8))) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    standalone.stub().frontend().url().resolve("/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(standalone.console()).isNull();
            assertThat(output.toString(StandardCharsets.UTF_8).lines()).allMatch((line) -> line.matches("(FE|BE) .*"));
        }
    }

    /** A DDL file with one PRIMARY KEY table, {@code shop.orders(id, status)}. */
    private static Path ordersDdl(Path directory) throws java.io.IOException {
        Path ddl = directory.resolve("schema.sql");
        Files.writeString(ddl, """
                USE shop;
                CREATE TABLE orders (id BIGINT NOT NULL, status VARCHAR(20)) PRIMARY KEY (id)
                DISTRIBUTED BY HASH(id) BUCKETS 1;
                """);
        return ddl;
    }

}
