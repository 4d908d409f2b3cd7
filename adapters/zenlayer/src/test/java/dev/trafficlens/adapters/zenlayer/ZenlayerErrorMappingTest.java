package dev.trafficlens.adapters.zenlayer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.ZenlayerCloudRouterDcPair;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.PlannedCall;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every documented Zenlayer error, and the SDKs' special cases, as the domain's error kinds. */
class ZenlayerErrorMappingTest {

    private static final RetryPolicy THREE_QUICK_ATTEMPTS =
            new RetryPolicy(3, Duration.ofMillis(5), 2.0, Duration.ofMillis(20), Duration.ofSeconds(10));
    private static final PlannedCall PC_DAY = new PlannedCall(new ZenlayerPrivateConnect("pc-1"),
            TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"), Step.FIVE_MINUTES,
            Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT));
    private static final PlannedCall CR_DAY = new PlannedCall(new ZenlayerCloudRouterDcPair("cr-1", "dc-a", "dc-z"),
            PC_DAY.window(), Step.FIVE_MINUTES, PC_DAY.metrics());

    private StubVendor vendor;
    private ZenlayerTrafficSource adapter;

    @BeforeEach
    void start() {
        vendor = StubVendor.start();
        adapter = new ZenlayerTrafficSource(ZenlayerConfig.builder()
                .endpoint(vendor.endpoint())
                .accessKeyId("errors-key")
                .accessKeyPassword("errors-password")
                .retryPolicy(THREE_QUICK_ATTEMPTS)
                .build());
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private SourceFailure failureOf(PlannedCall call) {
        return adapter.fetch(call).toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join().getLeft();
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2} after {3} attempt(s)")
    @CsvSource({
        "404, INVALID_PRIVATE_CONNECT_NOT_FOUND,         NOT_FOUND,          1",
        "404, INVALID_DATACENTER_NOT_FOUND,              NOT_FOUND,          1",
        "404, OPERATION_FAILED_RESOURCE_NOT_FOUND,       NOT_FOUND,          1",
        "404, OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND, NOT_FOUND,          1",
        "404, INVALID_CLOUD_ROUTER_NOT_FOUND,            NOT_FOUND,          1",
        "403, TIME_OUT_OF_RANGE,                         OUT_OF_RETENTION,   1",
        "403, INVALID_TIME_RANGE,                        VENDOR_ERROR,       1",
        "403, INVALID_START_TIME_MUST_BEFORE_END_TIME,   VENDOR_ERROR,       1",
        "403, INVALID_TIME_FORMAT,                       VENDOR_ERROR,       1",
        "403, OPERATION_FAILED_FOR_RECYCLE_RESOURCE,     VENDOR_ERROR,       1",
        "400, MISSING_PARAMETER,                         VENDOR_ERROR,       1",
        "400, INVALID_PARAMETER_TYPE,                    VENDOR_ERROR,       1",
        "400, INVALID_PARAMETER_DATE_FORMAT_ERROR,       VENDOR_ERROR,       1",
        "400, INVALID_PARAMETER_VALUE,                   VENDOR_ERROR,       1",
        "400, SOMETHING_NEW_AND_UNDOCUMENTED,            VENDOR_ERROR,       1",
        "401, AUTHFAILURE_INVALID_AUTHORIZATION,         UNAUTHENTICATED,    1",
        "401, AUTHFAILURE_SIGNATURE_FAILURE,             UNAUTHENTICATED,    1",
        "401, AUTHFAILURE_UNAUTHORIZED_OPERATION,        UNAUTHENTICATED,    1",
        "401, AUTHFAILURE_SIGNATURE_EXPIRED,             UNAUTHENTICATED,    1",
        "429, REQUEST_LIMIT_EXCEEDED,                    RATE_LIMITED,       3",
        "400, REQUEST_LIMIT_EXCEEDED,                    RATE_LIMITED,       3",
        "500, INTERNAL_SERVER_ERROR,                     VENDOR_UNAVAILABLE, 3",
        "503, SERVICE_TEMPORARY_UNAVAILABLE,             VENDOR_UNAVAILABLE, 3",
        "503, REQUEST_TIMED_OUT,                         VENDOR_UNAVAILABLE, 3"})
    void maps_each_error_code_keeping_the_code_and_request_id(int status, String code, ErrorKind kind, int attempts) {
        vendor.then(ZenlayerReplies.error(status, code, "Vendor words about " + code + "."));

        SourceFailure failure = failureOf(PC_DAY);

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.vendorCode()).hasValue(code);
        assertThat(failure.requestId()).hasValue(ZenlayerReplies.REQUEST_ID);
        assertThat(failure.message()).startsWith("zenlayer.private-connect private connect pc-1 over ")
                .contains(code, "HTTP " + status);
        assertThat(vendor.requests()).hasSize(attempts);
    }

    @Test
    void a_not_found_message_says_what_was_missing_and_quotes_the_vendor() {
        vendor.then(ZenlayerReplies.error(404, "INVALID_DATACENTER_NOT_FOUND", "The data center does not exist."));

        SourceFailure failure = failureOf(CR_DAY);

        assertThat(failure.source().id()).isEqualTo("zenlayer.cloud-router");
        assertThat(failure.message()).isEqualTo("zenlayer.cloud-router cloud router cr-1 from data centre dc-a to "
                + "dc-z over [2026-01-01T00:00:00Z, 2026-01-02T00:00:00Z): Zenlayer has no such data centre "
                + "(INVALID_DATACENTER_NOT_FOUND, HTTP 404; Zenlayer says: The data center does not exist.)");
    }

    @Test
    void an_authentication_failure_does_not_repeat_the_vendors_text() {
        vendor.then(ZenlayerReplies.error(401, "AUTHFAILURE_SIGNATURE_FAILURE",
                "expected string to sign ZC2-HMAC-SHA256 1700000000 abcdef"));

        SourceFailure failure = failureOf(PC_DAY);

        assertThat(failure.message()).doesNotContain("string to sign", "abcdef")
                .contains("refused the access key or its signature");
    }

    @Test
    void an_expired_signature_points_at_the_clock() {
        vendor.then(ZenlayerReplies.error(401, "AUTHFAILURE_SIGNATURE_EXPIRED", "Signature expired."));

        assertThat(failureOf(PC_DAY).message()).contains("clock is more than 5 minutes off");
    }

    @Test
    void throttling_honours_the_vendors_retry_after() {
        vendor.then(ZenlayerReplies.error(429, "REQUEST_LIMIT_EXCEEDED", "Slow down.").withHeader("Retry-After", "0"))
                .then(ZenlayerReplies.traffic(PC_DAY, java.util.Map.of(
                        Metric.BITRATE_IN, new double[288], Metric.BITRATE_OUT, new double[288])));

        assertThat(adapter.fetch(PC_DAY).toCompletableFuture().join().isRight()).isTrue();
        assertThat(vendor.requests()).hasSize(2);
    }

    @Test
    void a_cloudflare_challenge_is_vendor_unavailable_and_not_an_api_answer() {
        vendor.then(new StubVendor.Reply(403, java.util.Map.of("Content-Type", "text/html", "cf-mitigated", "challenge"),
                ZenlayerReplies.fixture("cloudflare-challenge.html").getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        SourceFailure failure = failureOf(PC_DAY);

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(failure.message()).contains("Cloudflare", "security challenge");
        assertThat(failure.vendorCode()).isEmpty();
        assertThat(vendor.requests()).as("a browser check does not pass on retry").hasSize(1);
    }

    @Test
    void a_403_without_the_challenge_header_is_read_as_an_api_answer() {
        vendor.then(ZenlayerReplies.error(403, "TIME_OUT_OF_RANGE", "Time out of range."));

        assertThat(failureOf(PC_DAY).kind()).isEqualTo(ErrorKind.OUT_OF_RETENTION);
    }

    @Test
    void http_451_is_a_blocked_request() {
        vendor.then(StubVendor.Reply.json(451, "<html>blocked</html>"));

        SourceFailure failure = failureOf(PC_DAY);

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_ERROR);
        assertThat(failure.message()).contains("blocked the request (HTTP 451)");
        assertThat(vendor.requests()).hasSize(1);
    }

    @Test
    void a_server_error_without_an_envelope_is_still_retried_and_reported_unavailable() {
        vendor.then(StubVendor.Reply.json(502, "<html>bad gateway</html>"));

        SourceFailure failure = failureOf(PC_DAY);

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(failure.vendorCode()).isEmpty();
        assertThat(vendor.requests()).hasSize(3);
    }

    @Test
    void a_401_without_an_envelope_is_unauthenticated() {
        vendor.then(StubVendor.Reply.json(401, ""));

        assertThat(failureOf(PC_DAY).kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
    }

    @Test
    void a_client_error_without_a_code_is_a_malformed_response() {
        vendor.then(StubVendor.Reply.json(404, "<html>no such path</html>"));

        SourceFailure failure = failureOf(PC_DAY);

        assertThat(failure.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(failure.message()).contains("HTTP 404");
    }
}
