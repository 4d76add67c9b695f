package io.github.srboot.test.containers;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import io.github.srboot.ddl.CreateDatabase;
import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DropObject;
import io.github.srboot.ddl.ObjectKind;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.ddl.Table;
import com.github.dockerjava.api.model.ContainerConfig;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A StarRocks cluster of one FE and one BE in a container ({@code starrocks/allin1-ubuntu}), usable wherever a
 * Testcontainers {@link JdbcDatabaseContainer} is: Spring Boot's {@code @ServiceConnection} derives the DataSource
 * from it, and {@link StarRocksContainerConnectionDetailsFactory} the FE HTTP address.
 *
 * <p>It is ready only when StarRocks can store data, which takes three stages: the FE answers {@code /api/health},
 * {@code SHOW BACKENDS} lists an alive BE, and a {@code CREATE TABLE} plus {@code INSERT} probe in the container's
 * database succeeds. The FE heap is lowered ({@link #withFrontendHeap(String)}) so that the container fits on small
 * machines; the FE still needs about 5 GB of free disk.
 *
 * <p>The BE registers as {@code 127.0.0.1}, so Stream Load redirects (307) point at an address only valid inside
 * the container: rewrite them to {@link #getBackendHttpUrl()}.
 */
public class StarRocksContainer extends JdbcDatabaseContainer<StarRocksContainer> {

    /** The image, without tag. */
    public static final DockerImageName IMAGE = DockerImageName.parse("starrocks/allin1-ubuntu");

    /** The pinned StarRocks 3.5 release the tests run against. */
    public static final String DEFAULT_TAG = "3.5.5";

    /** MySQL protocol port of the FE. */
    public static final int QUERY_PORT = 9030;

    /** HTTP port of the FE (health, Stream Load entry point). */
    public static final int FE_HTTP_PORT = 8030;

    /** HTTP port of the BE (Stream Load after the redirect). */
    public static final int BE_HTTP_PORT = 8040;

    /** The FE heap used unless told otherwise; the image's own default is 8 GB. */
    public static final String DEFAULT_FRONTEND_HEAP = "1g";

    static final String FE_CONF = "/data/deploy/starrocks/fe/conf/fe.conf";

    private static final Pattern HEAP_SIZE = Pattern.compile("[0-9]+[mMgG]");

    private static final String PROBE_TABLE = "srboot_readiness_probe";

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    /** How long each readiness stage may take by default: the FE first, then an alive BE and a writable table. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(5);

    private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;

    private String databaseName = "test";

    private String username = "root";

    private String password = "";

    private String frontendHeap = DEFAULT_FRONTEND_HEAP;

    /**
     * The pinned default image, {@code starrocks/allin1-ubuntu:3.5.5}.
     */
    public StarRocksContainer() {
        this(IMAGE.withTag(DEFAULT_TAG));
    }

    /**
     * @param image an {@code starrocks/allin1-ubuntu} image name with tag, e.g. {@code starrocks/allin1-ubuntu:3.5.5}
     */
    public StarRocksContainer(String image) {
        this(DockerImageName.parse(image));
    }

    /**
     * @param image an {@code starrocks/allin1-ubuntu} image (or one declared compatible with it)
     */
    public StarRocksContainer(DockerImageName image) {
        super(image);
        image.assertCompatibleWith(IMAGE);
        addExposedPorts(QUERY_PORT, FE_HTTP_PORT, BE_HTTP_PORT);
        // Stage one; the JDBC stages run in waitUntilContainerStarted().
        waitingFor(Wait.forHttp("/api/health").forPort(FE_HTTP_PORT).forStatusCode(200));
        withStartupTimeout(DEFAULT_STARTUP_TIMEOUT);
    }

    /**
     * Sets the FE's maximum heap ({@code -Xmx}), e.g. {@code "1g"} or {@code "1536m"}; {@code null} keeps the
     * image's default.
     */
    public StarRocksContainer withFrontendHeap(String heap) {
        if (heap != null && !HEAP_SIZE.matcher(heap).matches()) {
            throw new IllegalArgumentException("FE heap must look like 1g or 1536m, got '" + heap + "'");
        }
        this.frontendHeap = heap;
        return self();
    }

    /**
     * How long the FE may take to answer {@code /api/health}, and then how long the BE may take to be alive and
     * writable.
     */
    @Override
    public StarRocksContainer withStartupTimeout(Duration startupTimeout) {
        this.startupTimeout = startupTimeout;
        return super.withStartupTimeout(startupTimeout);
    }

    @Override
    public StarRocksContainer withDatabaseName(String databaseName) {
        if (databaseName == null || databaseName.isBlank()) {
            throw new IllegalArgumentException("A database name is required");
        }
        this.databaseName = databaseName;
        return self();
    }

    @Override
    public StarRocksContainer withUsername(String username) {
        this.username = username;
        return self();
    }

    @Override
    public StarRocksContainer withPassword(String password) {
        this.password = password;
        return self();
    }

    @Override
    protected void configure() {
        if (this.frontendHeap != null) {
            // fe.conf is rewritten before the image's own start command runs, so the FE starts with a small heap.
            String script = frontendHeapScript(this.frontendHeap, imageStartCommand());
            withCreateContainerCmdModifier((command) -> command.withEntrypoint("/bin/bash", "-c", script));
        }
    }

    /**
     * The image's start command (entrypoint then command), read from the pulled image.
     */
    private List<String> imageStartCommand() {
        ContainerConfig config = DockerClientFactory.instance()
            .client()
            .inspectImageCmd(getDockerImageName())
            .exec()
            .getConfig();
        List<String> command = new ArrayList<>();
        if (config != null && config.getEntrypoint() != null) {
            command.addAll(List.of(config.getEntrypoint()));
        }
        if (config != null && config.getCmd() != null) {
            command.addAll(List.of(config.getCmd()));
        }
        if (command.isEmpty()) {
            throw new ContainerLaunchException("Image " + getDockerImageName() + " declares no start command");
        }
        return command;
    }

    /**
     * A shell script that lowers every {@code -Xmx} in {@code fe.conf} (whichever {@code JAVA_OPTS} variant the
     * FE's JDK reads), then replaces itself with the image's start command. When {@code fe.conf} is not where
     * expected the FE starts with the image's heap and a line on stderr says so.
     */
    static String frontendHeapScript(String heap, List<String> startCommand) {
        StringBuilder script = new StringBuilder("sed -i -E 's/-Xmx[0-9]+[mMgG]/-Xmx").append(heap)
            .append("/g' ")
            .append(FE_CONF)
            .append(" || echo 'StarRocksContainer: could not lower the FE heap in ")
            .append(FE_CONF)
            .append("' >&2; exec");
        for (String part : startCommand) {
            script.append(" '").append(part.replace("'", "'\\''")).append('\'');
        }
        return script.toString();
    }

    @Override
    public String getDriverClassName() {
        return "com.mysql.cj.jdbc.Driver";
    }

    @Override
    public String getJdbcUrl() {
        return serverUrl() + this.databaseName + constructUrlParameters("?", "&");
    }

    private String serverUrl() {
        return "jdbc:mysql://" + getHost() + ":" + getMappedPort(QUERY_PORT) + "/";
    }

    @Override
    public String getDatabaseName() {
        return this.databaseName;
    }

    @Override
    public String getUsername() {
        return this.username;
    }

    @Override
    public String getPassword() {
        return this.password;
    }

    @Override
    protected String getTestQueryString() {
        return "SELECT 1";
    }

    /**
     * The FE HTTP base URL as seen from the host, e.g. {@code http://localhost:32768}.
     */
    public URI getFrontendHttpUrl() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(FE_HTTP_PORT));
    }

    /**
     * The BE HTTP base URL as seen from the host: where Stream Load redirects must be sent instead of the
     * {@code 127.0.0.1:8040} the BE reports.
     */
    public URI getBackendHttpUrl() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(BE_HTTP_PORT));
    }

    /**
     * The FE's MySQL port as seen from the host.
     */
    public int getQueryPort() {
        return getMappedPort(QUERY_PORT);
    }

    @Override
    protected void waitUntilContainerStarted() {
        getWaitStrategy().waitUntilReady(this);
        long deadline = System.nanoTime() + this.startupTimeout.toNanos();
        String lastProblem = "not tried";
        while (System.nanoTime() < deadline) {
            try (Connection connection = connectWithoutDatabase()) {
                if (!hasAliveBackend(connection)) {
                    lastProblem = "SHOW BACKENDS lists no alive BE yet";
                }
                else {
                    probeStorage(connection);
                    logger().info("StarRocks is ready: BE alive, {} writable", this.databaseName);
                    return;
                }
            }
            catch (SQLException ex) {
                lastProblem = ex.getMessage();
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new ContainerLaunchException("Interrupted while waiting for StarRocks", ex);
            }
        }
        throw new ContainerLaunchException("StarRocks did not become ready within " + this.startupTimeout + ": "
                + lastProblem);
    }

    private Connection connectWithoutDatabase() throws SQLException {
        Properties info = new Properties();
        info.put("user", this.username);
        info.put("password", this.password);
        Connection connection = getJdbcDriverInstance().connect(serverUrl(), info);
        if (connection == null) {
            throw new SQLException("The MySQL driver refused the URL " + serverUrl());
        }
        return connection;
    }

    private static boolean hasAliveBackend(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet backends = statement.executeQuery("SHOW BACKENDS")) {
            while (backends.next()) {
                if ("true".equalsIgnoreCase(backends.getString("Alive"))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Creates the container's database and proves a table can be created, written and dropped in it.
     */
    private void probeStorage(Connection connection) throws SQLException {
        Table probe = Table.builder(PROBE_TABLE)
            .column("k", DataType.INT)
            .duplicateKey("k")
            .distributedByHash(1, "k")
            .property("replication_num", "1")
            .build();
        ObjectName probeName = ObjectName.of(this.databaseName, PROBE_TABLE);
        try (Statement statement = connection.createStatement()) {
            statement.execute(Ddl.render(new CreateDatabase(this.databaseName, true)));
            statement.execute(Ddl.render(new CreateObject(this.databaseName, probe, true, false)));
            statement.execute("INSERT INTO " + Ddl.quoteIdentifier(this.databaseName) + "."
                    + Ddl.quoteIdentifier(PROBE_TABLE) + " VALUES (1)");
            statement.execute(Ddl.render(new DropObject(ObjectKind.TABLE, probeName, true, true)));
        }
    }

}
