package io.github.srboot.benchmarks;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.sun.management.ThreadMXBean;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.github.srboot.ddl.ColumnOption;
import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DropObject;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.ddl.ObjectKind;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import io.github.srboot.ddl.Table;
import io.github.srboot.test.sql.EmbeddedStarRocksServer;

/**
 * The embedded StarRocks' SQL front end as a client sees it: statements per second over one Connector/J connection
 * (a SELECT of a variable, a point SELECT on a table, a one-row INSERT, a CREATE TABLE + DROP TABLE pair) and connection set-up time (a Connector/J
 * connection, and a HikariCP pool up to its first connection). Prints figures, asserts nothing about time.
 *
 * <p>Arguments: {@code [statements-per-run] [runs] [connections]} (defaults 5000, 3, 200). Client and server share
 * this JVM and talk over loopback; "client cpu" is the measuring thread's own CPU time, which does not include the
 * server's threads and so changes less with the load of a busy machine than wall time does.
 */
public final class SqlFrontendBenchmark {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final String DATABASE = "bench";

    private SqlFrontendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int statements = (args.length > 0) ? Integer.parseInt(args[0]) : 5000;
        int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
        int connections = (args.length > 2) ? Integer.parseInt(args[2]) : 200;
        try (EmbeddedStarRocksServer server = EmbeddedStarRocksServer.builder().build().start()) {
            System.out.printf(Locale.ROOT, "Embedded StarRocks %s, query port %d, Connector/J %s; %d statements "
                    + "per run, %d runs (median shown), %d connections%n", server.version(), server.queryPort(),
                    com.mysql.cj.Constants.CJ_VERSION, statements, runs, connections);
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
                    server.password()); Statement statement = connection.createStatement()) {
                statement.execute(Ddl.render(new io.github.srboot.ddl.CreateDatabase(DATABASE, false)));
            }
            List<Figure> figures = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(DATABASE), server.username(),
                    server.password())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(Ddl.render(new CreateObject(DATABASE, table("orders"), false, false)));
                }
                // a warm-up run of each (JIT, class loading), then the measured runs
                figures.add(measure("INSERT (one row, PRIMARY KEY table)", statements, runs,
                        (i) -> insert(connection, i)));
                figures.add(measure("SELECT @@version_comment (no table)", statements, runs,
                        (i) -> selectVariable(connection)));
                // the embedded StarRocks scans a table's rows for a WHERE: the table now holds 4 x statements rows
                figures.add(measure("SELECT ... WHERE id = ? (" + (statements * (runs + 1)) + "-row table)",
                        statements / 10, runs, (i) -> select(connection, i % statements)));
                figures.add(measure("CREATE TABLE + DROP TABLE (2 statements)", statements / 10, runs,
                        (i) -> createAndDrop(connection, i)));
            }
            figures.add(measure("Connector/J connection (handshake, auth, set-up queries) + close", connections, runs,
                    (i) -> DriverManager.getConnection(server.jdbcUrl(DATABASE), server.username(), server.password())
                        .close()));
            figures.add(measure("HikariCP pool start up to its first connection + close", connections / 10, runs,
                    (i) -> hikari(server)));
            System.out.println();
            System.out.printf(Locale.ROOT, "| %-64s | %12s | %14s | %14s | %12s |%n", "operation", "per second",
                    "wall µs/op", "client cpu µs", "client B/op");
            System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%n", "-".repeat(66), "-".repeat(14), "-".repeat(16),
                    "-".repeat(16), "-".repeat(14));
            for (Figure figure : figures) {
                System.out.printf(Locale.ROOT, "| %-64s | %,12.0f | %,14.1f | %,14.1f | %,12.0f |%n", figure.name(),
                        1e9 / figure.wallNanos(), figure.wallNanos() / 1e3, figure.cpuNanos() / 1e3,
                        (double) figure.allocatedBytes());
            }
        }
    }

    private static Table table(String name) {
        return Table.builder(name)
            .column("id", ScalarType.of(ScalarKind.BIGINT), ColumnOption.notNull())
            .column("name", ScalarType.of(ScalarKind.VARCHAR, 64))
            .column("amount", ScalarType.of(ScalarKind.DECIMAL, 12, 2))
            .primaryKey("id")
            .distributedByHash(1, "id")
            .property("replication_num", "1")
            .build();
    }

    private static void insert(Connection connection, int i) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO orders (id, name, amount) VALUES (?, ?, ?)")) {
            insert.setLong(1, i);
            insert.setString(2, "customer " + i);
            insert.setBigDecimal(3, java.math.BigDecimal.valueOf(i, 2));
            insert.executeUpdate();
        }
    }

    private static void selectVariable(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT @@version_comment");
                ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("no @@version_comment");
            }
        }
    }

    private static void select(Connection connection, int id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT name, amount FROM orders WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("row " + id + " is missing");
                }
            }
        }
    }

    private static void createAndDrop(Connection connection, int i) throws SQLException {
        String name = "t" + i;
        try (Statement statement = connection.createStatement()) {
            statement.execute(Ddl.render(new CreateObject(DATABASE, table(name), false, false)));
            statement.execute(Ddl.render(new DropObject(ObjectKind.TABLE, new ObjectName(DATABASE, name), false, false)));
        }
    }

    private static void hikari(EmbeddedStarRocksServer server) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl(DATABASE));
        config.setUsername(server.username());
        config.setPassword(server.password());
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config); Connection connection = pool.getConnection()) {
            if (!connection.isValid(1)) {
                throw new IllegalStateException("the pool's first connection is not valid");
            }
        }
    }

    /**
     * Runs an operation a warm-up round and {@code runs} measured rounds of {@code count} times on this thread;
     * the figures are the medians per operation. An INSERT round writes new keys each time (offset by the round).
     */
    private static Figure measure(String name, int count, int runs, Operation operation) throws Exception {
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        long[] allocated = new long[runs];
        long thread = Thread.currentThread().getId();
        for (int run = -1; run < runs; run++) {
            int offset = (run + 1) * count;
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                operation.run(offset + i);
            }
            long elapsed = System.nanoTime() - start;
            if (run >= 0) {
                wall[run] = elapsed / count;
                cpu[run] = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / count;
                allocated[run] = (THREADS.getThreadAllocatedBytes(thread) - allocatedBefore) / count;
            }
        }
        System.out.printf(Locale.ROOT, "%s: wall ns/op per run %s%n", name, Arrays.toString(wall));
        return new Figure(name, median(wall), median(cpu), median(allocated));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private record Figure(String name, long wallNanos, long cpuNanos, long allocatedBytes) {
    }

    @FunctionalInterface
    private interface Operation {

        void run(int i) throws Exception;

    }

}
