package io.github.srboot.test.sql;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * One client connection on the query port: the handshake and authentication of {@code MysqlProto.negotiate}, then
 * the command loop of {@code ConnectProcessor.dispatch} (COM_QUIT, COM_INIT_DB, COM_QUERY, COM_PING; any other known
 * command is refused, an unknown one answered with ERR_UNKNOWN_COM_ERROR).
 */
final class QueryConnection implements Runnable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int COM_QUIT = 0x01;

    private static final int COM_INIT_DB = 0x02;

    private static final int COM_QUERY = 0x03;

    private static final int COM_PING = 0x0E;

    /** The highest command code {@code MysqlCommand} knows (COM_RESET_CONNECTION). */
    private static final int LAST_KNOWN_COMMAND = 0x1F;

    private final Socket socket;

    private final EmbeddedStarRocksServer server;

    private final Session session;

    QueryConnection(Socket socket, EmbeddedStarRocksServer server, int connectionId) {
        this.socket = socket;
        this.server = server;
        this.session = new Session(connectionId, server.variables(), socket.getInetAddress().getHostAddress(),
                server::currentVersion);
    }

    @Override
    public void run() {
        try (Socket client = this.socket) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            if (negotiate(in, out)) {
                serve(in, out);
            }
        }
        catch (IOException | RuntimeException ex) {
            // the client went away or sent garbage: the FE drops such connections too
            this.server.log("connection " + this.session.connectionId() + " closed: " + ex.getMessage());
        }
        finally {
            this.server.connectionClosed(this);
        }
    }

    void close() {
        try {
            this.socket.close();
        }
        catch (IOException ex) {
            // closing anyway
        }
    }

    private boolean negotiate(InputStream in, OutputStream out) throws IOException {
        byte[] scramble = new byte[20];
        for (int i = 0; i < scramble.length; i++) {
            // printable, non-zero bytes as MysqlPassword.createRandomString makes them
            scramble[i] = (byte) (33 + RANDOM.nextInt(94));
        }
        MysqlProtocol.Writer greeting = new MysqlProtocol.Writer(out, 0);
        greeting.write(MysqlProtocol.handshake(this.server.mysqlServerVersion(), this.session.connectionId(),
                scramble));
        greeting.flush();
        MysqlProtocol.Packet packet = MysqlProtocol.read(in);
        if (packet == null) {
            return false;
        }
        MysqlProtocol.HandshakeResponse response = MysqlProtocol.parseHandshakeResponse(packet.payload());
        int sequence = packet.sequence() + 1;
        byte[] authResponse = response.authResponse();
        String plugin = response.plugin();
        if (plugin != null && !plugin.equals(MysqlProtocol.NATIVE_PASSWORD)
                && !plugin.equals(MysqlProtocol.CLEAR_PASSWORD)) {
            // MysqlProto.negotiate: ask the client to switch to the FE's plugin and read its answer
            MysqlProtocol.Writer switchRequest = new MysqlProtocol.Writer(out, sequence);
            switchRequest.write(MysqlProtocol.authSwitchRequest(scramble));
            switchRequest.flush();
            MysqlProtocol.Packet switched = MysqlProtocol.read(in);
            if (switched == null) {
                return false;
            }
            authResponse = switched.payload();
            plugin = MysqlProtocol.NATIVE_PASSWORD;
            sequence = switched.sequence() + 1;
        }
        MysqlProtocol.Writer answer = new MysqlProtocol.Writer(out, sequence);
        if (!authenticated(response.user(), plugin, scramble, authResponse)) {
            // MysqlProto.authenticate -> ErrorCode.ERR_ACCESS_DENIED_ERROR
            SqlError denied = SqlError.accessDenied(response.user(), authResponse.length > 0);
            answer.write(MysqlProtocol.error(denied.code(), denied.sqlState(), denied.getMessage()));
            answer.flush();
            return false;
        }
        this.session.setUser(response.user());
        if (response.database() != null && !response.database().isEmpty()) {
            try {
                this.server.frontend().useDatabase(this.session, response.database());
            }
            catch (SqlError ex) {
                answer.write(MysqlProtocol.error(ex.code(), ex.sqlState(), ex.getMessage()));
                answer.flush();
                return false;
            }
        }
        answer.write(MysqlProtocol.ok(0));
        answer.flush();
        return true;
    }

    private boolean authenticated(String user, String plugin, byte[] scramble, byte[] response) {
        if (user == null || !user.equals(this.server.username())) {
            return false;
        }
        if (MysqlProtocol.CLEAR_PASSWORD.equals(plugin)) {
            String sent = new String(response, StandardCharsets.UTF_8);
            int end = sent.indexOf('\0');
            return ((end >= 0) ? sent.substring(0, end) : sent).equals(this.server.password());
        }
        return MysqlProtocol.checkNativePassword(this.server.password(), scramble, response);
    }

    private void serve(InputStream in, OutputStream out) throws IOException {
        while (true) {
            MysqlProtocol.Packet packet = MysqlProtocol.read(in);
            if (packet == null || packet.payload().length == 0) {
                return;
            }
            MysqlProtocol.Writer writer = new MysqlProtocol.Writer(out, packet.sequence() + 1);
            int command = packet.payload()[0] & 0xFF;
            String argument = new String(packet.payload(), 1, packet.payload().length - 1, StandardCharsets.UTF_8);
            switch (command) {
                case COM_QUIT -> {
                    return;
                }
                case COM_PING -> {
                    writer.write(MysqlProtocol.ok(0));
                    writer.flush();
                }
                case COM_INIT_DB -> answer(writer, () -> {
                    this.server.frontend().useDatabase(this.session, argument);
                    return StatementResult.ok(0);
                });
                case COM_QUERY -> answer(writer, () -> this.server.frontend().execute(this.session,
                        stripTrailingNul(argument)));
                default -> {
                    // ConnectProcessor.dispatch: an unknown code is ERR_UNKNOWN_COM_ERROR, a known but unhandled
                    // one "Unsupported command(...)" with the default error code of MysqlErrPacket
                    SqlError error = (command > LAST_KNOWN_COMMAND) ? SqlError.unknownCommand(command)
                            : SqlError.unsupportedCommand(command);
                    writer.write(MysqlProtocol.error(error.code(), error.sqlState(), error.getMessage()));
                    writer.flush();
                }
            }
        }
    }

    private void answer(MysqlProtocol.Writer writer, StatementAction action) throws IOException {
        StatementResult result;
        try {
            result = action.run();
        }
        catch (SqlError ex) {
            writer.write(MysqlProtocol.error(ex.code(), ex.sqlState(), ex.getMessage()));
            writer.flush();
            return;
        }
        catch (RuntimeException ex) {
            // a statement the embedded server mishandles must not cost the client its connection
            this.server.log("statement failed inside the embedded server: " + ex);
            writer.write(MysqlProtocol.error(1064, "HY000", "The embedded StarRocks failed on this statement: " + ex));
            writer.flush();
            return;
        }
        if (result instanceof StatementResult.Rows rows) {
            writer.resultSet(rows.columns(), rows.types(), rows.rows());
        }
        else {
            writer.write(MysqlProtocol.ok(((StatementResult.Ok) result).affectedRows()));
            writer.flush();
        }
    }

    /** {@code ConnectProcessor.handleQuery}: trailing NUL bytes are not part of the statement. */
    private static String stripTrailingNul(String statement) {
        int end = statement.length();
        while (end > 0 && statement.charAt(end - 1) == '\0') {
            end--;
        }
        return statement.substring(0, end);
    }

    /** A statement's execution, which may fail with a {@link SqlError}. */
    @FunctionalInterface
    private interface StatementAction {

        StatementResult run();

    }

}
