package io.github.srboot.streamload.internal.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Choosing an FE once every FE is out of rotation: the choice probes them now instead of refusing until a probe
 * interval has passed, and loads that choose meanwhile share the probe under way.
 */
@ExtendWith(OutputCaptureExtension.class)
class FrontendsTest {

    private static final URI FE = URI.create("http://fe1:8030");

    /** Long enough that no probe of these tests is ever due by the interval alone. */
    private static final Duration PROBE_INTERVAL = Duration.ofHours(1);

    private static final java.io.IOException RESET = new java.io.IOException("Connection reset by peer");

    private final AtomicInteger probes = new AtomicInteger();

    /** FEs whose every health probe is counted and answers {@code answer}. */
    private Frontends probedAs(Mono<Boolean> answer, URI... urls) {
        return new Frontends(List.of(urls), (url) -> {
            this.probes.incrementAndGet();
            return answer;
        }, PROBE_INTERVAL);
    }

    @Test
    void transactionCallsTryTheFesInRotationFirstAndEjectAnFeThatRefuses() {
        // One FE choice for every path: an FE a load ejected is tried last by transaction and merge commit calls,
        // and an FE that refuses a transaction call is ejected for the loads as well.
        URI second = URI.create("http://fe2:8030");
        Frontends frontends = probedAs(Mono.just(false), FE, second);
        frontends.eject(FE, RESET);
        assertThat(frontends.inOrderOfHealth()).containsExactly(second, FE);

        Frontends shared = probedAs(Mono.just(false), FE, second);
        TransactionHttp http = new TransactionHttp(shared, null, new Redirects(null, 3));
        List<URI> asked = new java.util.ArrayList<>();
        String answer = http.firstReachable((url) -> {
            asked.add(url);
            return url.equals(FE) ? Mono.error(new java.net.ConnectException("Connection refused")) : Mono.just("ok");
        }).block();
        assertThat(answer).isEqualTo("ok");
        assertThat(asked).containsExactly(FE, second);
        assertThat(shared.isHealthy(FE)).isFalse();
        assertThat(shared.select().toFuture()).isCompletedWithValue(second);
    }

    @Test
    void theOnlyFeEjectedAfterOneResetIsProbedAtOnceAndChosenWhenHealthy() {
        Frontends frontends = probedAs(Mono.just(true), FE);
        frontends.eject(FE, RESET);

        assertThat(frontends.select().toFuture()).isCompletedWithValue(FE);
        assertThat(this.probes).hasValue(1);
        assertThat(frontends.isHealthy(FE)).isTrue();
    }

    @Test
    void choicesWhileAProbeIsUnderWayWaitForItsAnswerInsteadOfFailing() {
        Sinks.One<Boolean> answer = Sinks.one();
        Frontends frontends = probedAs(answer.asMono(), FE);
        frontends.eject(FE, RESET);

        CompletableFuture<URI> first = frontends.select().toFuture();
        CompletableFuture<URI> second = frontends.select().toFuture();
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();

        answer.tryEmitValue(true);
        assertThat(first).isCompletedWithValue(FE);
        assertThat(second).isCompletedWithValue(FE);
        assertThat(this.probes).as("one probe shared by both choices").hasValue(1);
    }

    @Test
    void anFeWhoseProbeSaysItCannotTakeLoadsIsStillRefused() {
        Frontends frontends = probedAs(Mono.just(false), FE);
        frontends.eject(FE, RESET);

        CompletableFuture<URI> chosen = frontends.select().toFuture();
        assertThatExceptionOfType(ExecutionException.class).isThrownBy(chosen::get)
            .withCauseInstanceOf(Frontends.NoFrontendException.class);
        assertThat(this.probes).hasValue(1);
        assertThat(frontends.isHealthy(FE)).isFalse();
    }

    @Test
    void withAHealthyFeLeftTheEjectedOneWaitsForItsProbeInterval() {
        URI other = URI.create("http://fe2:8030");
        Frontends frontends = probedAs(Mono.just(true), FE, other);
        frontends.eject(FE, RESET);

        assertThat(frontends.select().toFuture()).isCompletedWithValue(other);
        assertThat(frontends.select().toFuture()).isCompletedWithValue(other);
        assertThat(this.probes).hasValue(0);
    }

    @Test
    void anAddressThatRunsLoadsItselfIsNamedAsConfiguredNotByTheRequestThatShowedIt(CapturedOutput output) {
        Frontends frontends = probedAs(Mono.just(true), FE);
        frontends.markRunsLoads(URI.create("http://fe1:8030/api/transaction/load"));

        assertThat(frontends.runsLoads(URI.create("http://fe1:8030/api/shop/t/_stream_load"))).isTrue();
        assertThat(output.getOut() + output.getErr())
            .contains("StarRocks address http://fe1:8030 in starrocks.http.frontends runs Stream Loads itself")
            .doesNotContain("/api/transaction/load");
    }

}
