package dev.trafficlens.adapters.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import io.vavr.control.Either;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A source that keeps failing is left alone for a while, then tried again; the caller's own mistakes never count. */
class CircuitBreakerTest {

    private static final Source SOURCE = Source.QINGCLOUD_WAN;
    private static final Source OTHER = Source.ZENLAYER_CLOUD_ROUTER;
    private static final Duration OPEN_FOR = Duration.ofMillis(400);
    private static final CircuitBreakerPolicy FOUR_CALLS = CircuitBreakerPolicy.DEFAULT.withWindow(4, 4).withOpenFor(OPEN_FOR);

    private final StubVendor vendor = StubVendor.start();
    private final List<String> transitions = new CopyOnWriteArrayList<>();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final VendorExchange exchange = new VendorExchange(new HttpSettings(vendor.endpoint(), Duration.ofSeconds(1),
            Duration.ofSeconds(5), RateLimit.assumedPerSecond(1000), RetryPolicy.noRetries(Duration.ofSeconds(5)),
            FOUR_CALLS, new ExchangeListener() {
                @Override
                public void attemptEnded(Source source, int attempt, Duration took, java.util.OptionalInt status) {
                }

                @Override
                public void circuitChanged(Source source, String state) {
                    transitions.add(source.id() + " " + state);
                }
            }), "test:" + UUID.randomUUID(), clock);

    @AfterEach
    void stop() {
        vendor.close();
    }

    @Test
    void repeated_server_errors_open_the_circuit_and_later_calls_fail_at_once_without_reaching_the_vendor() {
        vendor.then(StubVendor.Reply.json(503, "{}"));
        for (int i = 0; i < 4; i++) {
            assertThat(send(SOURCE, this::bodyOnSuccess).getLeft().kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        }

        SourceFailure paused = send(SOURCE, this::bodyOnSuccess).getLeft();

        assertThat(vendor.requests()).hasSize(4);
        assertThat(paused.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(paused.message()).contains(SOURCE.id(), "100 % of its last 4 calls", "circuit open");
        assertThat(paused.retryAfter()).hasValue(OPEN_FOR);
        assertThat(transitions).containsExactly(SOURCE.id() + " OPEN");
    }

    @Test
    void the_circuit_closes_again_once_the_vendor_recovers() {
        vendor.then(StubVendor.Reply.json(503, "{}"));
        for (int i = 0; i < 4; i++) {
            send(SOURCE, this::bodyOnSuccess);
        }
        vendor.then(StubVendor.Reply.json(200, "{\"ok\":true}"));
        clock.moveOn(OPEN_FOR.minusMillis(1));
        SourceFailure stillPaused = send(SOURCE, this::bodyOnSuccess).getLeft();
        clock.moveOn(Duration.ofMillis(2));

        List<Either<SourceFailure, String>> trials = List.of(
                send(SOURCE, this::bodyOnSuccess), send(SOURCE, this::bodyOnSuccess), send(SOURCE, this::bodyOnSuccess));
        Either<SourceFailure, String> after = send(SOURCE, this::bodyOnSuccess);

        assertThat(stillPaused.message()).as("paused until the open time is over").contains("circuit open");
        assertThat(vendor.requests()).hasSize(4 + 4);
        assertThat(trials).allSatisfy(trial -> assertThat(trial.isRight()).isTrue());
        assertThat(after.get()).isEqualTo("{\"ok\":true}");
        assertThat(transitions).containsExactly(SOURCE.id() + " OPEN", SOURCE.id() + " HALF_OPEN", SOURCE.id() + " CLOSED");
    }

    @Test
    void one_failing_source_does_not_pause_another_source_of_the_same_vendor() {
        vendor.then(StubVendor.Reply.json(503, "{}"));
        for (int i = 0; i < 5; i++) {
            send(SOURCE, this::bodyOnSuccess);
        }
        vendor.then(StubVendor.Reply.json(200, "{}"));

        assertThat(send(OTHER, this::bodyOnSuccess).isRight()).isTrue();
    }

    @Test
    void the_callers_own_mistakes_never_open_the_circuit() {
        vendor.then(StubVendor.Reply.json(404, "{}"));
        Function<HttpResponse<byte[]>, Attempt<String>> notFound = response -> Attempt.failure(
                SourceFailure.of(ErrorKind.NOT_FOUND, SOURCE, "no such access point"));

        for (int i = 0; i < 10; i++) {
            assertThat(send(SOURCE, notFound).getLeft().kind()).isEqualTo(ErrorKind.NOT_FOUND);
        }

        assertThat(vendor.requests()).hasSize(10);
        assertThat(transitions).isEmpty();
    }

    @Test
    void an_exchange_without_a_breaker_keeps_calling() {
        vendor.then(StubVendor.Reply.json(503, "{}"));
        VendorExchange unguarded = new VendorExchange(new HttpSettings(vendor.endpoint(), Duration.ofSeconds(1),
                Duration.ofSeconds(5), RateLimit.assumedPerSecond(1000), RetryPolicy.noRetries(Duration.ofSeconds(5)),
                CircuitBreakerPolicy.OFF, ExchangeListener.NONE), "test:" + UUID.randomUUID());

        for (int i = 0; i < 8; i++) {
            unguarded.send(SOURCE, this::request, this::bodyOnSuccess).orTimeout(10, TimeUnit.SECONDS).join();
        }

        assertThat(vendor.requests()).hasSize(8);
    }

    private Either<SourceFailure, String> send(Source source, Function<HttpResponse<byte[]>, Attempt<String>> interpret) {
        return exchange.send(source, this::request, interpret).orTimeout(10, TimeUnit.SECONDS).join();
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(vendor.endpoint().resolve("/api")).GET();
    }

    private Attempt<String> bodyOnSuccess(HttpResponse<byte[]> response) {
        return VendorResponses.<String>transportFailure(SOURCE, response)
                .orElseGet(() -> Attempt.success(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)));
    }
}
