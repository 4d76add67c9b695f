package io.github.srboot.test.sql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.mysql.cj.protocol.Security;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The pure parts of the server-side MySQL protocol: scramble check, packet framing, handshake response parsing.
 */
class MysqlProtocolTests {

    private static final byte[] SCRAMBLE = "abcdefghij0123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void acceptsTheScrambleConnectorJComputesAndNothingElse() throws Exception {
        // Connector/J's own mysql_native_password implementation is the independent oracle
        byte[] response = Security.scramble411("s3cret".getBytes(StandardCharsets.UTF_8), SCRAMBLE);
        assertThat(MysqlProtocol.checkNativePassword("s3cret", SCRAMBLE, response)).isTrue();
        assertThat(MysqlProtocol.checkNativePassword("other", SCRAMBLE, response)).isFalse();
        byte[] otherSeed = "ABCDEFGHIJ0123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(MysqlProtocol.checkNativePassword("s3cret", otherSeed, response)).isFalse();
        assertThat(MysqlProtocol.checkNativePassword("s3cret", SCRAMBLE, new byte[0])).isFalse();
    }

    @Test
    void anEmptyPasswordMatchesAnEmptyResponseOnly() {
        assertThat(MysqlProtocol.checkNativePassword("", SCRAMBLE, new byte[0])).isTrue();
        assertThat(MysqlProtocol.checkNativePassword("", SCRAMBLE, new byte[20])).isFalse();
    }

    @Test
    void splitsAndJoinsPayloadsOfSixteenMebibytes() throws Exception {
        byte[] payload = new byte[0xFFFFFF + 10];
        Arrays.fill(payload, (byte) 7);
        payload[payload.length - 1] = 9;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MysqlProtocol.Writer(out, 3).write(payload);
        byte[] written = out.toByteArray();
        // first packet: length 0xFFFFFF, sequence 3; second: length 10, sequence 4
        assertThat(Arrays.copyOfRange(written, 0, 4)).containsExactly(0xFF, 0xFF, 0xFF, 3);
        int second = 4 + 0xFFFFFF;
        assertThat(Arrays.copyOfRange(written, second, second + 4)).containsExactly(10, 0, 0, 4);
        MysqlProtocol.Packet read = MysqlProtocol.read(new ByteArrayInputStream(written));
        assertThat(read.sequence()).isEqualTo(4);
        assertThat(read.payload()).isEqualTo(payload);
    }

    @Test
    void readsNothingFromAClosedStreamAndRefusesATruncatedPacket() throws Exception {
        assertThat(MysqlProtocol.read(new ByteArrayInputStream(new byte[0]))).isNull();
        org.assertj.core.api.Assertions.assertThatExceptionOfType(java.io.EOFException.class)
            .isThrownBy(() -> MysqlProtocol.read(new ByteArrayInputStream(new byte[] { 5, 0, 0, 0, 1 })));
    }

    @Test
    void parsesAHandshakeResponseWithLengthEncodedAuthDataDatabaseAndPlugin() {
        int capabilities = MysqlProtocol.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA | MysqlProtocol.CLIENT_SECURE_CONNECTION
                | MysqlProtocol.CLIENT_CONNECT_WITH_DB | MysqlProtocol.CLIENT_PLUGIN_AUTH | 0x200;
        byte[] packet = new MysqlProtocol.Payload().int4(capabilities).int4(1 << 24).int1(33).raw(new byte[23])
            .nulString("loader").lengthEncoded(3).raw(new byte[] { 1, 2, 3 }).nulString("shop")
            .nulString("caching_sha2_password").bytes();
        MysqlProtocol.HandshakeResponse response = MysqlProtocol.parseHandshakeResponse(packet);
        assertThat(response.user()).isEqualTo("loader");
        assertThat(response.authResponse()).containsExactly(1, 2, 3);
        assertThat(response.database()).isEqualTo("shop");
        assertThat(response.plugin()).isEqualTo("caching_sha2_password");
    }

    @Test
    void parsesAnOldStyleResponseWithOneByteAuthLengthAndNoDatabase() {
        byte[] packet = new MysqlProtocol.Payload().int4(MysqlProtocol.CLIENT_SECURE_CONNECTION | 0x200).int4(0)
            .int1(33).raw(new byte[23]).nulString("root").int1(2).raw(new byte[] { 9, 8 }).bytes();
        MysqlProtocol.HandshakeResponse response = MysqlProtocol.parseHandshakeResponse(packet);
        assertThat(response.user()).isEqualTo("root");
        assertThat(response.authResponse()).containsExactly(9, 8);
        assertThat(response.database()).isNull();
        assertThat(response.plugin()).isNull();
    }

    @Test
    void refusesAResponseShorterThanItsFlagsAnnounce() {
        byte[] packet = new MysqlProtocol.Payload().int4(MysqlProtocol.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA).int4(0)
            .int1(33).raw(new byte[23]).nulString("root").lengthEncoded(40).raw(new byte[3]).bytes();
        assertThatIllegalArgumentException().isThrownBy(() -> MysqlProtocol.parseHandshakeResponse(packet))
            .withMessageContaining("Malformed packet");
    }

    @Test
    void writesTheHandshakeAsTheFrontendDoes() {
        byte[] handshake = MysqlProtocol.handshake("8.0.33", 7, SCRAMBLE);
        MysqlProtocol.Reader reader = new MysqlProtocol.Reader(handshake);
        // MysqlHandshakePacket.writeTo: protocol 10, version, connection id, 8 scramble bytes, filler
        assertThat(reader.int1()).isEqualTo(10);
        assertThat(reader.nulString()).isEqualTo("8.0.33");
        assertThat(reader.int4()).isEqualTo(7);
        assertThat(reader.bytes(8)).isEqualTo(Arrays.copyOf(SCRAMBLE, 8));
        assertThat(reader.int1()).isZero();
        int lower = reader.int2();
        assertThat(reader.int1()).isEqualTo(33);
        assertThat(reader.int2()).isZero();
        int capabilities = lower | (reader.int2() << 16);
        assertThat(capabilities).isEqualTo(MysqlProtocol.SERVER_CAPABILITIES);
        // MysqlCapability.DEFAULT_FLAGS offers no CLIENT_DEPRECATE_EOF: result sets end with EOF packets
        assertThat(capabilities & 0x01000000).isZero();
        assertThat(reader.int1()).isEqualTo(21);
        reader.skip(10);
        assertThat(reader.bytes(12)).isEqualTo(Arrays.copyOfRange(SCRAMBLE, 8, 20));
        assertThat(reader.int1()).isZero();
        assertThat(reader.nulString()).isEqualTo("mysql_native_password");
        assertThat(reader.remaining()).isZero();
    }

    @Test
    void mapsStarRocksTypesToMysqlColumnTypes() {
        // PrimitiveType.toMysqlType
        assertThat(List.of("BOOLEAN", "TINYINT", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE", "DATE", "DATETIME",
                "DECIMAL(10,2)", "LARGEINT", "VARCHAR(20)").stream().map(MysqlProtocol::columnType).toList())
            .containsExactly(1, 1, 2, 3, 8, 4, 5, 10, 12, 246, 254, 254);
    }

}
