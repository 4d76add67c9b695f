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
import java.util.List;

import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.KeyModel;
import io.github.srboot.test.streamload.StubRole;
import io.github.srboot.test.streamload.StubTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The standalone launcher's options and its one-line-per-listener output.
 */
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
                "--seed", "9" });
        try (StreamLoadStubServer server = StreamLoadStubMain.start(options,
                new PrintStream(output, true, StandardCharsets.UTF_8))) {
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
                "--leader", "1", "--proxy" });
        try (StreamLoadStubServer server = StreamLoadStubMain.start(options,
                new PrintStream(output, true, StandardCharsets.UTF_8))) {
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
        try (StreamLoadStubServer server = StreamLoadStubMain.start(options,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
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
        try (StreamLoadStubServer server = StreamLoadStubMain.start(options,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
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
    }

}
