package io.github.srboot.streamload;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HostRewriteTest {

    private static final URI LOCATION = URI.create("http://172.17.0.2:8040/api/db/t/_stream_load?a=1%202&b=x");

    @Test
    void replacesHostAndKeepsPortPathAndRawQuery() {
        assertThat(HostRewrite.parse("127.0.0.1").apply(LOCATION))
            .isEqualTo(URI.create("http://127.0.0.1:8040/api/db/t/_stream_load?a=1%202&b=x"));
    }

    @Test
    void replacesHostAndPort() {
        assertThat(HostRewrite.parse("127.0.0.1:18040").apply(LOCATION))
            .isEqualTo(URI.create("http://127.0.0.1:18040/api/db/t/_stream_load?a=1%202&b=x"));
    }

    @Test
    void refusesNonsense() {
        assertThatIllegalArgumentException().isThrownBy(() -> HostRewrite.parse("host:port"))
            .withMessageContaining("port");
        assertThatIllegalArgumentException().isThrownBy(() -> HostRewrite.parse(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> HostRewrite.parse("user@host"));
    }

}
