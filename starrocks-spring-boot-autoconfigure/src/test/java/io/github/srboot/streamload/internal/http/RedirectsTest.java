package io.github.srboot.streamload.internal.http;

import java.net.URI;

import io.github.srboot.streamload.HostRewrite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one redirect rule: FE to BE (host rewrite applied) and FE to FE (label look-ups sent on to the leader, no host
 * rewrite) both resolve the Location against the answering address and both report an https FE that sends a
 * request on to plain http.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedirectsTest {

    private static final URI HTTPS_FE = URI.create("https://fe1.example:8443");

    private final Redirects redirects = new Redirects(new HostRewrite("127.0.0.1", 18040), 3);

    @Test
    void aBackendRedirectGetsTheHostRewrite() {
        // The FE's 307 names the BE by the address the cluster knows it by, always over http: RestBaseAction.redirectTo
        // (fe/fe-core/src/main/java/com/starrocks/http/rest/RestBaseAction.java) builds Location from "http", the
        // BE's host and HTTP port, and the request's path and query.
        assertThat(this.redirects.next(HTTPS_FE, HTTPS_FE, "http://be-internal:8040/api/db/t/_stream_load"))
            .isEqualTo(URI.create("http://127.0.0.1:18040/api/db/t/_stream_load"));
    }

    @Test
    void aLeaderRedirectKeepsTheLeadersAddressAndResolvesARelativeLocation() {
        // A follower FE sends get_load_state on to the leader: GetStreamLoadState calls redirectToLeader first
        // (fe/fe-core/src/main/java/com/starrocks/http/rest/GetStreamLoadState.java), which redirects to the leader's
        // IP and HTTP port over http (RestBaseAction.redirectTo).
        assertThat(this.redirects.toFrontend(HTTPS_FE, HTTPS_FE, "http://10.0.0.2:8030/api/db/get_load_state?label=a"))
            .isEqualTo(URI.create("http://10.0.0.2:8030/api/db/get_load_state?label=a"));
        // A relative Location (HTTP allows one; StarRocks builds absolute ones) resolves against the answering FE.
        assertThat(this.redirects.toFrontend(HTTPS_FE, HTTPS_FE, "/api/db/get_load_state?label=a"))
            .isEqualTo(URI.create("https://fe1.example:8443/api/db/get_load_state?label=a"));
    }

    @Test
    void aLabelLookUpSentFromHttpsToPlainHttpIsReportedOnce(CapturedOutput output) {
        this.redirects.toFrontend(HTTPS_FE, HTTPS_FE, "http://10.0.0.2:8030/api/db/get_load_state?label=a");
        this.redirects.next(HTTPS_FE, HTTPS_FE, "http://be-internal:8040/api/db/t/_stream_load");
        assertThat(output.getOut().split("\\(https\\) redirects", -1)).hasSize(2);
        assertThat(output).contains("https://fe1.example:8443 (https) redirects")
            .contains("http://10.0.0.2:8030 (plain http)");
    }

}
