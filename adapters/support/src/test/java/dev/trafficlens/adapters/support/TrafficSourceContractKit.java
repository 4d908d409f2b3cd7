package dev.trafficlens.adapters.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviours every vendor adapter must show, proven the same way for each (as Micrometer's registry kit does):
 * samples and gaps arrive exactly, vendor errors map to the domain's kinds with the vendor's code, server errors and
 * throttling are retried and then reported, unreadable answers never escape as exceptions, and the secret never
 * appears in what an adapter prints or reports. An adapter's test extends this and says how its vendor speaks.
 */
public abstract class TrafficSourceContractKit {

    /** The secret every kit adapter is built with; tests assert it never shows. */
    protected static final String SECRET = "kit-secret-Gu5t9xGARNpq86cd98joQYCN3";
    protected static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(3, Duration.ofMillis(5), 2.0, Duration.ofMillis(20), Duration.ofSeconds(10));

    protected StubVendor vendor;

    /** An adapter pointed at {@code endpoint} with {@link #SECRET}, the given retries and a generous rate limit. */
    protected abstract TrafficSource newSource(URI endpoint, RetryPolicy retries, RateLimit rateLimit);

    /**
     * A call this adapter serves: one day on its source's native step. The kit counts vendor requests per call, so an
     * adapter that sends one request per metric asks for one metric here and proves several in its own tests.
     */
    protected abstract PlannedCall aDay();

    /** The vendor's success answer holding exactly {@code values} for the call (NaN = the vendor's own gap form). */
    protected abstract StubVendor.Reply trafficReply(PlannedCall call, Map<Metric, double[]> values);

    /** The vendor's documented answer for an unknown resource, with {@code NOT_FOUND_CODE} and {@code REQUEST_ID}. */
    protected abstract StubVendor.Reply notFoundReply();

    /** The vendor's answer to a bad signature or unknown key. */
    protected abstract StubVendor.Reply authFailureReply();

    /** The vendor's throttling answer (HTTP 429 or its throttling code). */
    protected abstract StubVendor.Reply throttledReply();

    /** The vendor code {@link #notFoundReply()} carries. */
    protected abstract String notFoundCode();

    /** The request id {@link #notFoundReply()} carries, if the vendor sends one. */
    protected abstract String notFoundRequestId();

    @BeforeEach
    void startVendor() {
        vendor = StubVendor.start();
    }

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    protected TrafficSource source() {
        return newSource(vendor.endpoint(), FAST_RETRIES, RateLimit.assumedPerSecond(1000));
    }

    protected Either<SourceFailure, SourceAnswer> fetch(TrafficSource source, PlannedCall call) {
        return source.fetch(call).toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
    }

    /** A day of samples with a pattern and gaps: every 13th slot missing in every metric. */
    protected static Map<Metric, double[]> dayOfTraffic(PlannedCall call) {
        int size = call.window().sampleCount(call.step());
        Map<Metric, double[]> values = new LinkedHashMap<>();
        int offset = 0;
        for (Metric metric : call.metrics()) {
            double[] series = new double[size];
            for (int i = 0; i < size; i++) {
                series[i] = i % 13 == 5 ? Double.NaN : 1_000 * (1 + (i * 37 + offset) % 500);
            }
            values.put(metric, series);
            offset += 101;
        }
        return values;
    }

    @Test
    void returns_the_vendors_samples_exactly_with_gaps_as_missing() {
        PlannedCall call = aDay();
        Map<Metric, double[]> expected = dayOfTraffic(call);
        vendor.then(request -> trafficReply(call, expected));

        SourceAnswer answer = fetch(source(), call).get();

        for (Map.Entry<Metric, double[]> metric : expected.entrySet()) {
            TrafficSeries series = answer.series(metric.getKey()).orElseThrow(
                    () -> new AssertionError("no series for " + metric.getKey()));
            assertThat(series.start()).isEqualTo(call.window().from());
            assertThat(series.step()).isEqualTo(call.step());
            assertThat(Arrays.equals(series.values(), metric.getValue()))
                    .as("%s: %s", metric.getKey(), series).isTrue();
        }
    }

    @Test
    void an_unknown_resource_is_not_found_with_the_vendors_code() {
        vendor.then(notFoundReply());

        SourceFailure failure = fetch(source(), aDay()).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure.vendorCode()).hasValue(notFoundCode());
        if (notFoundRequestId() != null) {
            assertThat(failure.requestId()).hasValue(notFoundRequestId());
        }
        assertThat(vendor.requests()).as("not found is final: no retry").hasSize(1);
    }

    @Test
    void a_rejected_signature_is_unauthenticated_and_not_retried() {
        vendor.then(authFailureReply());

        SourceFailure failure = fetch(source(), aDay()).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
        assertThat(vendor.requests()).hasSize(1);
    }

    @Test
    void server_errors_are_retried_and_a_later_success_wins() {
        PlannedCall call = aDay();
        vendor.then(StubVendor.Reply.json(503, "{\"message\":\"busy\"}"))
                .then(StubVendor.Reply.json(502, "<html>bad gateway</html>"))
                .then(request -> trafficReply(call, dayOfTraffic(call)));

        assertThat(fetch(source(), call).isRight()).isTrue();
        assertThat(vendor.requests()).hasSize(3);
    }

    @Test
    void persistent_server_errors_give_vendor_unavailable_after_bounded_attempts() {
        vendor.then(StubVendor.Reply.json(500, "{\"message\":\"internal\"}"));

        SourceFailure failure = fetch(source(), aDay()).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(failure.message()).contains("gave up after 3 attempts");
        assertThat(vendor.requests()).hasSize(FAST_RETRIES.maxAttempts());
    }

    @Test
    void throttling_is_retried_then_reported_as_rate_limited() {
        vendor.then(throttledReply());

        SourceFailure failure = fetch(source(), aDay()).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(vendor.requests()).hasSize(FAST_RETRIES.maxAttempts());
    }

    @Test
    void unreadable_answers_are_malformed_responses_never_exceptions() {
        for (String body : new String[] {"{\"truncated\": [1, 2", "<html>maintenance</html>", "[]", "{}", ""}) {
            // A fresh vendor per body: a stub repeats its last reply, so queueing would replay the previous body.
            vendor.close();
            vendor = StubVendor.start();
            vendor.then(StubVendor.Reply.json(200, body));

            Either<SourceFailure, SourceAnswer> answer = fetch(source(), aDay());

            assertThat(vendor.requests()).as("body %s was served", body).isNotEmpty()
                    .allSatisfy(request -> assertThat(request.method()).isNotBlank());
            assertThat(answer.isLeft()).as("body %s", body).isTrue();
            assertThat(answer.getLeft().kind()).as("body %s", body).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        }
    }

    @Test
    void an_unreachable_vendor_is_unavailable() {
        URI nobody = vendor.endpoint();
        vendor.close();

        SourceFailure failure = fetch(newSource(nobody, FAST_RETRIES, RateLimit.assumedPerSecond(1000)), aDay())
                .getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
    }

    @Test
    void the_secret_never_appears_in_requests_in_clear_failures_or_descriptions() {
        vendor.then(authFailureReply()).then(notFoundReply()).then(throttledReply());
        TrafficSource source = source();

        StringBuilder everything = new StringBuilder(source.toString());
        for (int i = 0; i < 3; i++) {
            everything.append(fetch(source, aDay()).getLeft().toString());
        }
        for (StubVendor.Request request : vendor.requests()) {
            everything.append(request.rawQuery()).append(request.headers()).append(request.bodyText());
        }

        assertThat(everything.toString()).doesNotContain(SECRET);
    }
}
