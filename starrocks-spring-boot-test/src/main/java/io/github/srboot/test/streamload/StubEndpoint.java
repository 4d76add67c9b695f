package io.github.srboot.test.streamload;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One FE or BE listener of the stub on 127.0.0.1: its address, its counters, and the switch to take it down
 * (listener closed, open connections dropped) and bring it back on the same port.
 */
public final class StubEndpoint {

    private static final int READ_TIMEOUT_MILLIS = 600_000;

    private final StubRole role;

    private final int index;

    private final ExecutorService executor;

    private final Handler handler;

    private final AtomicLong requests = new AtomicLong();

    private final AtomicLong loadRequests = new AtomicLong();

    private final AtomicLong bodyBytes = new AtomicLong();

    private final AtomicLong loadStateRequests = new AtomicLong();

    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    private volatile int port;

    private volatile ServerSocket serverSocket;

    private Thread acceptor;

    /**
     * What a listener does with each request.
     */
    @FunctionalInterface
    interface Handler {

        void handle(StubEndpoint endpoint, Exchange exchange) throws IOException;

    }

    StubEndpoint(StubRole role, int index, int port, ExecutorService executor, Handler handler) {
        this.role = role;
        this.index = index;
        this.port = port;
        this.executor = executor;
        this.handler = handler;
    }

    /**
     * FE or BE.
     */
    public StubRole role() {
        return this.role;
    }

    /**
     * Position among the listeners of its role, from 0.
     */
    public int index() {
        return this.index;
    }

    /**
     * The port (the OS-chosen one once started).
     */
    public int port() {
        return this.port;
    }

    /**
     * {@code http://127.0.0.1:<port>}.
     */
    public URI url() {
        return URI.create("http://127.0.0.1:" + this.port);
    }

    /**
     * HTTP requests received (every kind).
     */
    public long requests() {
        return this.requests.get();
    }

    /**
     * Load requests received: Stream Load PUTs and transaction loads.
     */
    public long loadRequests() {
        return this.loadRequests.get();
    }

    /**
     * {@code get_load_state} requests received (an FE's count; those it redirected to the leader included), so
     * that a test can wait until a client has polled a label instead of waiting for time to pass.
     */
    public long loadStateRequests() {
        return this.loadStateRequests.get();
    }

    /**
     * Request body bytes received. At an FE these are body bytes a client sent without waiting for
     * {@code 100 Continue}, as far as they had arrived when the FE answered.
     */
    public long bodyBytes() {
        return this.bodyBytes.get();
    }

    /**
     * Whether the listener accepts connections.
     */
    public boolean isRunning() {
        return this.serverSocket != null;
    }

    /**
     * Brings the listener up, on the same port when it ran before.
     * @throws UncheckedIOException when the port cannot be bound
     */
    public synchronized void start() {
        if (this.serverSocket != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 1024);
            this.port = socket.getLocalPort();
            this.serverSocket = socket;
            this.acceptor = new Thread(() -> acceptLoop(socket),
                    "stream-load-stub-" + this.role.name().toLowerCase(java.util.Locale.ROOT) + "-" + this.port);
            this.acceptor.setDaemon(true);
            this.acceptor.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + this.port + " for the stub "
                    + this.role, ex);
        }
    }

    /**
     * Takes the listener down: new connections are refused and open ones are dropped.
     */
    public synchronized void stop() {
        ServerSocket socket = this.serverSocket;
        this.serverSocket = null;
        if (socket != null) {
            closeQuietly(socket);
            // The JDK releases a listening socket only once the thread blocked in accept() has left it; wait for
            // that, so that "down" means connections are refused from now on.
            try {
                this.acceptor.join(TimeUnit.SECONDS.toMillis(5));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            this.acceptor = null;
        }
        for (Socket connection : this.connections) {
            closeQuietly(connection);
        }
        this.connections.clear();
    }

    void resetCounters() {
        this.requests.set(0);
        this.loadRequests.set(0);
        this.bodyBytes.set(0);
        this.loadStateRequests.set(0);
    }

    void countLoadRequest() {
        this.loadRequests.incrementAndGet();
    }

    void countLoadStateRequest() {
        this.loadStateRequests.incrementAndGet();
    }

    void countBodyBytes(long bytes) {
        this.bodyBytes.addAndGet(bytes);
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket connection;
            try {
                connection = socket.accept();
            }
            catch (IOException ex) {
                return;
            }
            this.connections.add(connection);
            try {
                this.executor.execute(() -> serve(connection));
            }
            catch (RejectedExecutionException ex) {
                this.connections.remove(connection);
                closeQuietly(connection);
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            // a client that vanishes without closing must not hold a label (or a thread) forever; StarRocks
            // gives up on a load after its timeout, 600 s by default
            connection.setSoTimeout(READ_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(connection.getInputStream(), 64 * 1024);
            OutputStream out = new BufferedOutputStream(connection.getOutputStream(), 8 * 1024);
            while (true) {
                RequestHead head = RequestHead.read(in);
                if (head == null) {
                    return;
                }
                this.requests.incrementAndGet();
                Exchange exchange = new Exchange(connection, in, out, head, this.bodyBytes);
                try {
                    this.handler.handle(this, exchange);
                }
                catch (RuntimeException ex) {
                    // A stub bug must show up at the client as a server error, not as a silent hang up.
                    exchange.closeAfterResponse();
                    exchange.respond(500, "text/plain; charset=utf-8",
                            ("Stream load stub error: " + ex).getBytes(StandardCharsets.UTF_8),
                            Map.of());
                    throw ex;
                }
                if (!exchange.keepAlive() || connection.isClosed()) {
                    return;
                }
            }
        }
        catch (SocketException ex) {
            // the client went away or the stub was stopped
        }
        catch (IOException ex) {
            // a malformed request or a broken connection ends the connection, as a server does
        }
        finally {
            this.connections.remove(connection);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        }
        catch (IOException ex) {
            // closing for shutdown: nothing left to do
        }
    }

    @Override
    public String toString() {
        return switch (this.role) {
            case FRONTEND -> "FE ";
            case BACKEND -> "BE ";
            case PROXY -> "FE proxy ";
        } + url();
    }

}
