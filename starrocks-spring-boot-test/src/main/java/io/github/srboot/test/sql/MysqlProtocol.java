package io.github.srboot.test.sql;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The server side of the MySQL client/server protocol, as StarRocks' FE speaks it: the only place that knows the
 * byte layout of packets.
 *
 * <p>Packets supported (FE {@code mysql/} package: {@code MysqlProto}, {@code MysqlHandshakePacket},
 * {@code MysqlCapability}, {@code MysqlAuthPacket}, {@code MysqlPassword}, {@code MysqlOkPacket},
 * {@code MysqlEofPacket}, {@code MysqlErrPacket}, {@code MysqlColDef}):
 * <ul>
 * <li>packet framing: 3-byte length, 1-byte sequence id (payloads of 16 MiB - 1 and more are split and joined);</li>
 * <li>Handshake v10 with the FE's capability flags and a 20-byte scramble, plugin {@code mysql_native_password};</li>
 * <li>HandshakeResponse41 (user, auth response in any of its three encodings, database, plugin name, attributes
 * skipped) and the AuthSwitchRequest the FE sends when the client names another plugin;</li>
 * <li>{@code mysql_native_password} scramble check and {@code mysql_clear_password};</li>
 * <li>OK, ERR (with {@code #} and SQLSTATE) and EOF (4.1 layout; the FE does not offer
 * {@code CLIENT_DEPRECATE_EOF}, so result sets end with EOF packets);</li>
 * <li>text result sets: column count, ColumnDefinition41 per column, EOF, rows of length-encoded strings (0xFB for
 * NULL), EOF.</li>
 * </ul>
 * Commands are read by {@link QueryConnection}; binary (prepared-statement) results, compression and SSL are not
 * supported, as the FE does not offer them by default ({@code CLIENT_SSL} only with a key store configured).
 *
 * <p>Why hand-written: no maintained Java library serves the server side of MySQL in a small dependency. Checked:
 * the MySQL-protocol artifacts on Maven Central that this build can use are all clients (Connector/J, MariaDB
 * Connector/J, r2dbc-mysql, the Vert.x MySQL client); the server sides we know of come inside a whole proxy
 * (Apache ShardingSphere-Proxy) or in another language (Dolt's go-mysql-server). The part StarRocks uses is a few
 * hundred lines.
 */
final class MysqlProtocol {

    /**
     * The FE's capability flags ({@code MysqlCapability.DEFAULT_FLAGS}): PROTOCOL_41, CONNECT_WITH_DB,
     * SECURE_CONNECTION, PLUGIN_AUTH, LONG_FLAG, CONNECT_ATTRS, PLUGIN_AUTH_LENENC_CLIENT_DATA.
     */
    static final int SERVER_CAPABILITIES = 0x00000200 | 0x00000008 | 0x00008000 | 0x00080000 | 0x00000004
            | 0x00100000 | 0x00200000;

    static final int CLIENT_CONNECT_WITH_DB = 0x00000008;

    static final int CLIENT_SECURE_CONNECTION = 0x00008000;

    static final int CLIENT_PLUGIN_AUTH = 0x00080000;

    static final int CLIENT_CONNECT_ATTRS = 0x00100000;

    static final int CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA = 0x00200000;

    static final String NATIVE_PASSWORD = "mysql_native_password";

    static final String CLEAR_PASSWORD = "mysql_clear_password";

    /** Character set 33, utf8_general_ci: the only one the FE announces ({@code MysqlHandshakePacket}). */
    static final int UTF8_GENERAL_CI = 33;

    /** {@code MysqlColType.MYSQL_TYPE_STRING}, what the FE sends for SHOW columns ({@code MysqlColDef.fromName}). */
    static final int TYPE_STRING = 254;

    /**
     * The MySQL column type of a StarRocks type ({@code PrimitiveType.toMysqlType}): BOOLEAN and TINYINT TINY,
     * SMALLINT SHORT, INT LONG, BIGINT LONGLONG, FLOAT, DOUBLE, DATE, DATETIME, decimals NEWDECIMAL; LARGEINT and
     * every other type STRING.
     */
    static int columnType(String starRocksType) {
        String name = starRocksType.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9].*", "");
        return switch (name) {
            case "BOOLEAN", "TINYINT" -> 1;
            case "SMALLINT" -> 2;
            case "INT", "INTEGER" -> 3;
            case "BIGINT" -> 8;
            case "FLOAT" -> 4;
            case "DOUBLE" -> 5;
            case "DATE" -> 10;
            case "DATETIME" -> 12;
            case "DECIMAL", "DECIMALV2", "DECIMAL32", "DECIMAL64", "DECIMAL128", "DECIMAL256" -> 246;
            default -> TYPE_STRING;
        };
    }

    private static final int MAX_PAYLOAD = 0xFFFFFF;

    private MysqlProtocol() {
    }

    /** One packet as read: its sequence id and payload. */
    record Packet(int sequence, byte[] payload) {
    }

    /** What a client sent in its HandshakeResponse41 ({@code MysqlAuthPacket.readFrom}). */
    record HandshakeResponse(int capabilities, String user, byte[] authResponse, String database, String plugin) {
    }

    /**
     * Reads one logical packet, joining continuation packets; {@code null} when the client closed the connection
     * before a new packet began.
     */
    static Packet read(InputStream in) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        int sequence;
        int length;
        boolean first = true;
        do {
            byte[] header = new byte[4];
            int got = in.readNBytes(header, 0, 4);
            if (got == 0 && first) {
                return null;
            }
            if (got < 4) {
                throw new EOFException("The client closed the connection inside a packet header");
            }
            length = (header[0] & 0xFF) | ((header[1] & 0xFF) << 8) | ((header[2] & 0xFF) << 16);
            sequence = header[3] & 0xFF;
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException("The client closed the connection inside a packet");
            }
            payload.writeBytes(body);
            first = false;
        }
        while (length == MAX_PAYLOAD);
        return new Packet(sequence, payload.toByteArray());
    }

    /**
     * Writes packets with consecutive sequence ids, starting after the id of the packet being answered.
     */
    static final class Writer {

        private final OutputStream out;

        private int sequence;

        Writer(OutputStream out, int firstSequence) {
            this.out = out;
            this.sequence = firstSequence;
        }

        void write(byte[] payload) throws IOException {
            int offset = 0;
            while (true) {
                int length = Math.min(MAX_PAYLOAD, payload.length - offset);
                this.out.write(length & 0xFF);
                this.out.write((length >> 8) & 0xFF);
                this.out.write((length >> 16) & 0xFF);
                this.out.write(this.sequence & 0xFF);
                this.sequence++;
                this.out.write(payload, offset, length);
                offset += length;
                if (length < MAX_PAYLOAD) {
                    break;
                }
            }
        }

        void flush() throws IOException {
            this.out.flush();
        }

        /** A whole text result set: column count, definitions, EOF, rows, EOF. */
        void resultSet(List<String> columns, List<Integer> types, List<List<String>> rows) throws IOException {
            write(new Payload().lengthEncoded(columns.size()).bytes());
            for (int i = 0; i < columns.size(); i++) {
                write(columnDefinition(columns.get(i), types.get(i)));
            }
            write(eof());
            for (List<String> row : rows) {
                Payload payload = new Payload();
                for (String value : row) {
                    if (value == null) {
                        payload.int1(0xFB);
                    }
                    else {
                        payload.lengthEncodedString(value);
                    }
                }
                write(payload.bytes());
            }
            write(eof());
            flush();
        }

    }

    /**
     * The Handshake v10 packet ({@code MysqlHandshakePacket.writeTo}): protocol 10, server version, connection id,
     * the scramble in two parts (8 + 12 bytes, then one 0 to reach 13), capabilities, character set 33, status 0,
     * and the plugin name.
     */
    static byte[] handshake(String serverVersion, int connectionId, byte[] scramble) {
        Payload payload = new Payload()
            .int1(10)
            .nulString(serverVersion)
            .int4(connectionId)
            .raw(Arrays.copyOfRange(scramble, 0, 8))
            .int1(0)
            .int2(SERVER_CAPABILITIES & 0xFFFF)
            .int1(UTF8_GENERAL_CI)
            .int2(0)
            .int2(SERVER_CAPABILITIES >>> 16)
            .int1(scramble.length + 1)
            .raw(new byte[10])
            .raw(Arrays.copyOfRange(scramble, 8, 20))
            .int1(0)
            .nulString(NATIVE_PASSWORD);
        return payload.bytes();
    }

    /** The AuthSwitchRequest ({@code MysqlHandshakePacket.buildAuthSwitchRequest}): 0xFE, plugin, scramble, 0. */
    static byte[] authSwitchRequest(byte[] scramble) {
        return new Payload().int1(0xFE).nulString(NATIVE_PASSWORD).raw(scramble).int1(0).bytes();
    }

    /**
     * Parses a HandshakeResponse41 the way {@code MysqlAuthPacket.readFrom} does.
     * @throws IllegalArgumentException when the packet is too short for what its flags announce
     */
    static HandshakeResponse parseHandshakeResponse(byte[] packet) {
        Reader reader = new Reader(packet);
        int capabilities = reader.int4();
        reader.skip(4 + 1 + 23); // max packet size, character set, reserved
        String user = reader.nulString();
        byte[] auth;
        if ((capabilities & CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA) != 0) {
            auth = reader.bytes((int) reader.lengthEncoded());
        }
        else if ((capabilities & CLIENT_SECURE_CONNECTION) != 0) {
            auth = reader.bytes(reader.int1());
        }
        else {
            auth = reader.nulBytes();
        }
        String database = null;
        if ((capabilities & CLIENT_CONNECT_WITH_DB) != 0 && reader.remaining() > 0) {
            database = reader.nulString();
        }
        String plugin = null;
        if ((capabilities & CLIENT_PLUGIN_AUTH) != 0 && reader.remaining() > 0) {
            plugin = reader.nulString();
        }
        return new HandshakeResponse(capabilities, user, auth, database, plugin);
    }

    /**
     * Whether {@code response} proves {@code password} for {@code scramble} ({@code MysqlPassword.checkScramble}):
     * SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))). An empty password matches an empty response only.
     */
    static boolean checkNativePassword(String password, byte[] scramble, byte[] response) {
        if (password.isEmpty()) {
            return response.length == 0;
        }
        if (response.length != 20) {
            return false;
        }
        byte[] stage1 = sha1(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha1(stage1);
        byte[] mix = new byte[scramble.length + stage2.length];
        System.arraycopy(scramble, 0, mix, 0, scramble.length);
        System.arraycopy(stage2, 0, mix, scramble.length, stage2.length);
        byte[] mask = sha1(mix);
        byte[] candidate = new byte[20];
        for (int i = 0; i < 20; i++) {
            candidate[i] = (byte) (response[i] ^ mask[i]);
        }
        return MessageDigest.isEqual(sha1(candidate), stage2);
    }

    /** OK ({@code MysqlOkPacket}): 0x00, affected rows, last insert id 0, status, warnings 0. */
    static byte[] ok(long affectedRows) {
        return new Payload().int1(0).lengthEncoded(affectedRows).lengthEncoded(0).int2(0).int2(0).bytes();
    }

    /** EOF ({@code MysqlEofPacket}): 0xFE, warnings 0, status 0. */
    static byte[] eof() {
        return new Payload().int1(0xFE).int2(0).int2(0).bytes();
    }

    /**
     * ERR ({@code MysqlErrPacket}): 0xFF, code, {@code #}, the five SQLSTATE characters, the message ("Unknown error"
     * when empty).
     */
    static byte[] error(int code, String sqlState, String message) {
        String text = (message == null || message.isEmpty()) ? "Unknown error" : message;
        return new Payload().int1(0xFF).int2(code).raw(("#" + sqlState).getBytes(StandardCharsets.US_ASCII))
            .raw(text.getBytes(StandardCharsets.UTF_8)).bytes();
    }

    /**
     * ColumnDefinition41 as {@code MysqlColDef} writes it: catalog {@code def}, empty schema and tables, name twice,
     * character set 33, length 255, the column's MySQL type, no flags or decimals.
     */
    static byte[] columnDefinition(String name, int type) {
        return new Payload().lengthEncodedString("def").lengthEncodedString("").lengthEncodedString("")
            .lengthEncodedString("").lengthEncodedString(name).lengthEncodedString(name).lengthEncoded(0x0C)
            .int2(UTF8_GENERAL_CI).int4(255).int1(type).int2(0).int1(0).int2(0).bytes();
    }

    private static byte[] sha1(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(input);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", ex);
        }
    }

    /** Builds a payload in little-endian MySQL encodings. */
    static final class Payload {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Payload int1(int value) {
            this.bytes.write(value & 0xFF);
            return this;
        }

        Payload int2(int value) {
            return int1(value).int1(value >> 8);
        }

        Payload int3(int value) {
            return int2(value).int1(value >> 16);
        }

        Payload int4(int value) {
            return int2(value).int2(value >> 16);
        }

        Payload int8(long value) {
            return int4((int) value).int4((int) (value >>> 32));
        }

        Payload lengthEncoded(long value) {
            if (value < 251) {
                return int1((int) value);
            }
            if (value < (1 << 16)) {
                return int1(0xFC).int2((int) value);
            }
            if (value < (1 << 24)) {
                return int1(0xFD).int3((int) value);
            }
            return int1(0xFE).int8(value);
        }

        Payload lengthEncodedString(String value) {
            byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
            lengthEncoded(encoded.length);
            return raw(encoded);
        }

        Payload nulString(String value) {
            raw(value.getBytes(StandardCharsets.UTF_8));
            return int1(0);
        }

        Payload raw(byte[] value) {
            this.bytes.writeBytes(value);
            return this;
        }

        byte[] bytes() {
            return this.bytes.toByteArray();
        }

    }

    /** Reads little-endian MySQL encodings from a payload. */
    static final class Reader {

        private final byte[] data;

        private int position;

        Reader(byte[] data) {
            this.data = data;
        }

        int remaining() {
            return this.data.length - this.position;
        }

        void skip(int count) {
            require(count);
            this.position += count;
        }

        int int1() {
            require(1);
            return this.data[this.position++] & 0xFF;
        }

        int int2() {
            return int1() | (int1() << 8);
        }

        int int3() {
            return int2() | (int1() << 16);
        }

        int int4() {
            return int2() | (int2() << 16);
        }

        long lengthEncoded() {
            int first = int1();
            return switch (first) {
                case 0xFC -> int2();
                case 0xFD -> int3();
                case 0xFE -> (int4() & 0xFFFFFFFFL) | ((long) int4() << 32);
                default -> first;
            };
        }

        byte[] bytes(int count) {
            require(count);
            byte[] result = Arrays.copyOfRange(this.data, this.position, this.position + count);
            this.position += count;
            return result;
        }

        byte[] nulBytes() {
            int end = this.position;
            while (end < this.data.length && this.data[end] != 0) {
                end++;
            }
            byte[] result = Arrays.copyOfRange(this.data, this.position, end);
            this.position = Math.min(end + 1, this.data.length);
            return result;
        }

        String nulString() {
            return new String(nulBytes(), StandardCharsets.UTF_8);
        }

        String rest() {
            String text = new String(this.data, this.position, remaining(), StandardCharsets.UTF_8);
            this.position = this.data.length;
            return text;
        }

        private void require(int count) {
            if (count < 0 || remaining() < count) {
                throw new IllegalArgumentException("Malformed packet: " + count + " byte(s) needed at offset "
                        + this.position + ", " + remaining() + " left");
            }
        }

    }

}
