package dev.trafficlens.adapters.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import io.vavr.control.Either;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VendorExchangeTest {

    private static final Source SOURCE = Source.ZENLAYER_PRIVATE_CONNECT;
    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(5), 2, Duration.ofMillis(10),
            Duration.ofSeconds(10));

    private final StubVendor vendor = StubVendor.start();

    @AfterEach
    void stop() {
        vendor.close();
    }

    @Test
    void a_retried_server_error_is_followed_by_the_success() {
        vendor.then(StubVendor.Reply.json(503, "{}")).then(StubVendor.Reply.json(200, "{\"ok\":true}"));

        Either<SourceFailure, String> outcome = send(exchange(QUICK), this::bodyOnSuccess);

        assertThat(outcome.get()).isEqualTo("{\"ok\":true}");
        assertThat(vendor.requests()).hasSize(2);
    }

    @Test
    void the_listener_hears_every_attempt_with_its_number_and_status() {
        vendor.then(StubVendor.Reply.json(503, "{}")).then(StubVendor.Reply.json(200, "{}"));
        List<String> heard = new CopyOnWriteArrayList<>();
        ExchangeListener listener = (source, attempt, took, status) -> heard.add(
                source.id() + " #" + attempt + " " + (status.isPresent() ? status.getAsInt() : "none")
                        + (took.isNegative() ? " negative" : ""));
        HttpSettings listened = new HttpSettings(vendor.endpoint(), Duration.ofSeconds(1), Duration.ofSeconds(5),
                RateLimit.assumedPerSecond(1000), QUICK, CircuitBreakerPolicy.DEFAULT, listener);

        send(new VendorExchange(listened, credential()), this::bodyOnSuccess).get();

        assertThat(heard).containsExactly(SOURCE.id() + " #1 503", SOURCE.id() + " #2 200");
    }

    @Test
    void an_attempt_without_an_answer_is_heard_without_a_status() {
        vendor.then(request -> {
            sleep(600);
            return StubVendor.Reply.json(200, "{}");
        });
        List<Integer> attemptsWithoutStatus = new CopyOnWriteArrayList<>();
        ExchangeListener listener = (source, attempt, took, status) -> {
            if (status.isEmpty()) {
                attemptsWithoutStatus.add(attempt);
            }
        };
        HttpSettings listened = new HttpSettings(vendor.endpoint(), Duration.ofSeconds(1), Duration.ofMillis(100),
                RateLimit.assumedPerSecond(1000), new RetryPolicy(2, Duration.ofMillis(5), 2, Duration.ofMillis(10),
                Duration.ofSeconds(10)), CircuitBreakerPolicy.DEFAULT, listener);

        SourceFailure failure = send(new VendorExchange(listened, credential()), this::bodyOnSuccess).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(attemptsWithoutStatus).containsExactly(1, 2);
    }

    @Test
    void a_refused_connection_is_said_in_words_not_an_exception_name() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpSettings nowhere = new HttpSettings(java.net.URI.create("http://127.0.0.1:" + closedPort),
                Duration.ofSeconds(1), Duration.ofSeconds(1), RateLimit.assumedPerSecond(1000),
                RetryPolicy.noRetries(Duration.ofSeconds(5)));

        SourceFailure failure = new VendorExchange(nowhere, credential())
                .send(SOURCE, () -> HttpRequest.newBuilder(nowhere.resolve("/api")).GET(), this::bodyOnSuccess)
                .orTimeout(10, TimeUnit.SECONDS).join().getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(failure.message()).contains("refused the connection").doesNotContain("Exception");
    }

    @Test
    void a_listener_that_throws_fails_no_call() {
        vendor.then(StubVendor.Reply.json(200, "{\"ok\":true}"));
        ExchangeListener broken = (source, attempt, took, status) -> {
            throw new IllegalStateException("a broken metrics registry");
        };
        HttpSettings listened = new HttpSettings(vendor.endpoint(), Duration.ofSeconds(1), Duration.ofSeconds(5),
                RateLimit.assumedPerSecond(1000), QUICK, CircuitBreakerPolicy.DEFAULT, broken);

        Either<SourceFailure, String> outcome = send(new VendorExchange(listened, credential()), this::bodyOnSuccess);

        assertThat(outcome.get()).isEqualTo("{\"ok\":true}");
        assertThat(vendor.requests()).hasSize(1);
    }

    @Test
    void retry_after_is_honoured() {
        vendor.then(StubVendor.Reply.json(429, "{}").withHeader("Retry-After", "1"))
                .then(StubVendor.Reply.json(200, "{}"));

        send(exchange(QUICK), this::bodyOnSuccess).get();

        List<StubVendor.Request> requests = vendor.requests();
        long waitedMillis = (requests.get(1).receivedAtNanos() - requests.get(0).receivedAtNanos()) / 1_000_000;
        assertThat(waitedMillis).isGreaterThanOrEqualTo(950);
    }

    @Test
    void a_retry_after_beyond_the_deadline_is_reported_at_once_with_the_wait() {
        vendor.then(StubVendor.Reply.json(429, "{}").withHeader("Retry-After", "3600"));

        SourceFailure failure = send(exchange(QUICK), this::bodyOnSuccess).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(failure.retryAfter()).hasValue(Duration.ofHours(1));
        assertThat(vendor.requests()).hasSize(1);
    }

    @Test
    void a_vendor_slower_than_the_request_timeout_is_unavailable_after_bounded_attempts() {
        vendor.then(request -> {
            sleep(1500);
            return StubVendor.Reply.json(200, "{}");
        });
        HttpSettings slow = new HttpSettings(vendor.endpoint(), Duration.ofSeconds(1), Duration.ofMillis(200),
                RateLimit.assumedPerSecond(100), QUICK.withMaxAttempts(2));

        SourceFailure failure = send(new VendorExchange(slow, credential()), this::bodyOnSuccess).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(failure.message()).contains("did not answer within 200 ms", "gave up after 2 attempts");
    }

    @Test
    void the_deadline_bounds_the_whole_exchange() {
        vendor.then(StubVendor.Reply.json(503, "{}"));
        RetryPolicy patientButBounded = new RetryPolicy(50, Duration.ofMillis(100), 1, Duration.ofMillis(100),
                Duration.ofMillis(700));

        long started = System.nanoTime();
        SourceFailure failure = send(exchange(patientButBounded), this::bodyOnSuccess).getLeft();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(vendor.requests().size()).isBetween(2, 10);
        assertThat(tookMillis).as("gave up near the deadline, not after 50 attempts").isLessThan(5_000);
    }

    @Test
    void adapters_sharing_a_credential_share_its_rate_limit() {
        vendor.then(StubVendor.Reply.json(200, "{}"));
        String credential = credential();
        RetryPolicy shortDeadline = QUICK.withDeadline(Duration.ofMillis(300));
        HttpSettings twoPerMinute = new HttpSettings(vendor.endpoint(), Duration.ofSeconds(1), Duration.ofSeconds(1),
                new RateLimit(2, Duration.ofMinutes(1), false), shortDeadline);
        VendorExchange first = new VendorExchange(twoPerMinute, credential);
        VendorExchange second = new VendorExchange(twoPerMinute, credential);
        VendorExchange otherCredential = new VendorExchange(twoPerMinute, credential());

        List<Either<SourceFailure, String>> outcomes = IntStream.range(0, 4)
                .mapToObj(i -> send(i % 2 == 0 ? first : second, this::bodyOnSuccess)).toList();

        assertThat(outcomes).filteredOn(Either::isRight).hasSize(2);
        assertThat(outcomes).filteredOn(Either::isLeft).allSatisfy(outcome -> {
            assertThat(outcome.getLeft().kind()).isEqualTo(ErrorKind.RATE_LIMITED);
            assertThat(outcome.getLeft().message()).contains("client-side limit of 2 calls");
        });
        assertThat(send(otherCredential, this::bodyOnSuccess).isRight()).isTrue();
        assertThat(vendor.requests()).hasSize(3);
    }

    @Test
    void one_credential_configured_with_two_rates_still_has_one_rate_limit() {
        vendor.then(StubVendor.Reply.json(200, "{}"));
        String credential = credential();
        RetryPolicy shortDeadline = QUICK.withDeadline(Duration.ofMillis(300));
        VendorExchange twoPerMinute = new VendorExchange(new HttpSettings(vendor.endpoint(), Duration.ofSeconds(1),
                Duration.ofSeconds(1), new RateLimit(2, Duration.ofMinutes(1), false), shortDeadline), credential);
        VendorExchange threePerMinute = new VendorExchange(new HttpSettings(vendor.endpoint(), Duration.ofSeconds(1),
                Duration.ofSeconds(1), new RateLimit(3, Duration.ofMinutes(1), false), shortDeadline), credential);

        List<Either<SourceFailure, String>> outcomes = IntStream.range(0, 4)
                .mapToObj(i -> send(i % 2 == 0 ? twoPerMinute : threePerMinute, this::bodyOnSuccess)).toList();

        assertThat(outcomes).filteredOn(Either::isRight).hasSize(2);
        assertThat(outcomes).filteredOn(Either::isLeft).allSatisfy(outcome ->
                assertThat(outcome.getLeft().message()).contains("client-side limit of 2 calls"));
        assertThat(vendor.requests()).hasSize(2);
    }

    @Test
    void each_source_of_a_credential_has_its_own_rate_limit_as_each_api_action_does() {
        vendor.then(StubVendor.Reply.json(200, "{}"));
        HttpSettings twoPerMinute = new HttpSettings(vendor.endpoint(), Duration.ofSeconds(1), Duration.ofSeconds(1),
                new RateLimit(2, Duration.ofMinutes(1), false), QUICK.withDeadline(Duration.ofMillis(300)));
        VendorExchange exchange = new VendorExchange(twoPerMinute, credential());

        List<Either<SourceFailure, String>> privateConnect = IntStream.range(0, 3)
                .mapToObj(i -> exchange.send(Source.ZENLAYER_PRIVATE_CONNECT, this::request, this::bodyOnSuccess)
                        .orTimeout(30, TimeUnit.SECONDS).join()).toList();
        List<Either<SourceFailure, String>> cloudRouter = IntStream.range(0, 2)
                .mapToObj(i -> exchange.send(Source.ZENLAYER_CLOUD_ROUTER, this::request, this::bodyOnSuccess)
                        .orTimeout(30, TimeUnit.SECONDS).join()).toList();

        assertThat(privateConnect).filteredOn(Either::isRight).hasSize(2);
        assertThat(cloudRouter).allSatisfy(outcome -> assertThat(outcome.isRight()).isTrue());
    }

    @Test
    void an_interpreter_that_throws_yields_a_malformed_response() {
        vendor.then(StubVendor.Reply.json(200, "{}"));

        SourceFailure failure = send(exchange(QUICK), response -> {
            throw new IllegalStateException("shape");
        }).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(failure.message()).contains("IllegalStateException");
    }

    @Test
    void concurrent_exchanges_all_complete() {
        vendor.then(StubVendor.Reply.json(200, "{\"n\":1}"));
        VendorExchange exchange = exchange(QUICK);

        List<CompletableFuture<Either<SourceFailure, String>>> inFlight = IntStream.range(0, 40)
                .mapToObj(i -> exchange.send(SOURCE, this::request, this::bodyOnSuccess)).toList();

        assertThat(inFlight).allSatisfy(future ->
                assertThat(future.orTimeout(20, TimeUnit.SECONDS).join().isRight()).isTrue());
    }

    private VendorExchange exchange(RetryPolicy retries) {
        return new VendorExchange(new HttpSettings(vendor.endpoint(), Duration.ofSeconds(1), Duration.ofSeconds(5),
                RateLimit.assumedPerSecond(1000), retries), credential());
    }

    private Either<SourceFailure, String> send(
            VendorExchange exchange, Function<HttpResponse<byte[]>, Attempt<String>> interpret) {
        return exchange.send(SOURCE, this::request, interpret).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(vendor.endpoint().resolve("/api")).GET();
    }

    private Attempt<String> bodyOnSuccess(HttpResponse<byte[]> response) {
        return VendorResponses.<String>transportFailure(SOURCE, response)
                .orElseGet(() -> Attempt.success(new String(response.body(), StandardCharsets.UTF_8)));
    }

    private static String credential() {
        return "test:" + UUID.randomUUID();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
