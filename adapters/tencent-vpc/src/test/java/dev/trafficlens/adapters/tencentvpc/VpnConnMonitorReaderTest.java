package dev.trafficlens.adapters.tencentvpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.adapters.support.Fixtures;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.SourceFailure;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How DescribeVpnConnMonitor bodies are read: the API page's example, its loose shapes, and every error code. */
class VpnConnMonitorReaderTest {

    private final VpnConnMonitorReader reader =
            new VpnConnMonitorReader("VPN connection vpnx-1 in ap-guangzhou, outtraffic");

    @Test
    void the_seed_documents_own_example_has_a_trailing_comma_and_is_reported_malformed_not_guessed() {
        SourceFailure failure = failure(reader.read(200, Fixtures.bytes("tencentvpc", "documented-example-trailing-comma.json")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(failure.message()).contains("not JSON").contains("vpnx-1");
    }

    @Test
    void the_seed_example_with_its_comma_removed_reads_as_three_five_minute_values() {
        assertThat(values(reader.read(200, Fixtures.bytes("tencentvpc", "documented-example-corrected.json"))))
                .containsExactly(1221, 1212, 787);
    }

    @Test
    void data_nested_as_data_data_like_the_docs_table_is_read_too() {
        assertThat(values(reader.read(200, Fixtures.bytes("tencentvpc", "data-nested-as-the-doc-table-says.json"))))
                .containsExactly(1221, 1212, 787);
    }

    @Test
    void a_null_element_is_a_missing_sample_that_keeps_its_position() {
        assertThat(values(reader.read(200, Fixtures.bytes("tencentvpc", "gaps-as-nulls.json"))))
                .containsExactly(1221, Double.NaN, 787, Double.NaN, Double.NaN, 905);
    }

    @Test
    void numbers_sent_as_strings_and_unknown_fields_are_tolerated() {
        assertThat(values(reader.read(200, Fixtures.bytes("tencentvpc", "numbers-as-strings-and-extra-fields.json"))))
                .containsExactly(1221, 1212.5, 787);
    }

    @Test
    void an_empty_data_array_is_a_window_without_samples() {
        assertThat(values(reader.read(200, bytes("{\"code\":0,\"message\":\"\",\"data\":[]}")))).isEmpty();
    }

    @Test
    void code_5000_is_not_found_and_keeps_the_module_code() {
        SourceFailure failure = failure(reader.read(200, Fixtures.bytes("tencentvpc", "not-found-code-5000.json")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure.vendorCode()).hasValue("InvalidVpnConn.NotFound");
        assertThat(failure.message()).contains("tencent.vpn-connection").contains("vpnx-1")
                .contains("the VPN connection does not exist");
    }

    @Test
    void a_not_found_module_code_wins_over_the_generic_number_it_comes_with() {
        SourceFailure failure = failure(reader.read(200, Fixtures.bytes("tencentvpc", "not-found-vpc-module-code.json")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure.vendorCode()).hasValue("InvalidVpc.NotFound");
    }

    @Test
    void a_failed_signature_is_unauthenticated_and_final() {
        Attempt<VpnConnMonitorReply> attempt = reader.read(200, Fixtures.bytes("tencentvpc", "auth-failure-4100.json"));

        assertThat(attempt).isInstanceOf(Attempt.Failure.class);
        assertThat(failure(attempt).kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
        assertThat(failure(attempt).vendorCode()).hasValue("AuthFailure");
    }

    @Test
    void a_replay_or_expiry_points_at_clock_skew() {
        SourceFailure failure = failure(reader.read(200, Fixtures.bytes("tencentvpc", "replay-or-clock-skew-4500.json")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
        assertThat(failure.vendorCode()).hasValue("4500");
        assertThat(failure.message()).contains("clock");
    }

    @Test
    void a_server_side_failure_with_a_sub_code_in_the_message_is_retried_and_keeps_the_number() {
        Attempt<VpnConnMonitorReply> attempt = reader.read(200,
                Fixtures.bytes("tencentvpc", "server-error-with-module-code-in-message.json"));

        assertThat(attempt).isInstanceOf(Attempt.Retryable.class);
        assertThat(failure(attempt).kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(failure(attempt).vendorCode()).hasValue("5100");
        assertThat(failure(attempt).message()).contains("(100004) incorrect projectId");
    }

    @Test
    void request_limit_exceeded_is_retryable_throttling() {
        Attempt<VpnConnMonitorReply> attempt =
                reader.read(200, Fixtures.bytes("tencentvpc", "throttled-request-limit-exceeded.json"));

        assertThat(attempt).isInstanceOf(Attempt.Retryable.class);
        assertThat(failure(attempt).kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(failure(attempt).vendorCode()).hasValue("RequestLimitExceeded");
    }

    @ParameterizedTest(name = "code {0} is {1}, retried: {2}")
    @CsvSource({
            "4000, VENDOR_ERROR, false",
            "4100, UNAUTHENTICATED, false",
            "4101, UNAUTHENTICATED, false",
            "4102, UNAUTHENTICATED, false",
            "4103, UNAUTHENTICATED, false",
            "4104, UNAUTHENTICATED, false",
            "4105, UNAUTHENTICATED, false",
            "4106, UNAUTHENTICATED, false",
            "4110, UNAUTHENTICATED, false",
            "4200, UNAUTHENTICATED, false",
            "4300, UNAUTHENTICATED, false",
            "4400, RATE_LIMITED, false",
            "4500, UNAUTHENTICATED, false",
            "4600, VENDOR_ERROR, false",
            "5000, NOT_FOUND, false",
            "5100, VENDOR_UNAVAILABLE, true",
            "5200, VENDOR_UNAVAILABLE, true",
            "5300, VENDOR_UNAVAILABLE, true",
            "5301, VENDOR_UNAVAILABLE, true",
            "1234, VENDOR_ERROR, false",
            "-1, VENDOR_ERROR, false"})
    void every_legacy_code_maps_to_its_kind_keeping_the_number_as_vendor_code(
            int code, ErrorKind kind, boolean retried) {
        Attempt<VpnConnMonitorReply> attempt =
                reader.read(200, bytes("{\"code\":" + code + ",\"message\":\"vendor words\"}"));

        assertThat(failure(attempt).kind()).isEqualTo(kind);
        assertThat(failure(attempt).vendorCode()).hasValue(Integer.toString(code));
        assertThat(attempt).isInstanceOf(retried ? Attempt.Retryable.class : Attempt.Failure.class);
        assertThat(failure(attempt).message()).contains("vendor words").contains("code " + code);
    }

    @Test
    void not_authorised_codes_say_the_credentials_lack_permission() {
        for (int code : new int[] {4101, 4102, 4103, 4300}) {
            assertThat(failure(reader.read(200, bytes("{\"code\":" + code + ",\"message\":\"\"}"))).message())
                    .as("code %d", code).contains("not authorised");
        }
    }

    @Test
    void an_expired_request_points_at_clock_skew_too() {
        assertThat(failure(reader.read(200, bytes("{\"code\":4200,\"message\":\"expired\"}"))).message())
                .contains("clock");
    }

    @ParameterizedTest(name = "codeDesc {0} is NOT_FOUND")
    @ValueSource(strings = {"InvalidVpc.NotFound", "InvalidVpnGw.NotFound", "InvalidVpnConn.NotFound"})
    void every_documented_not_found_module_code_is_not_found(String codeDesc) {
        SourceFailure failure = failure(reader.read(200,
                bytes("{\"code\":4000,\"message\":\"x\",\"codeDesc\":\"" + codeDesc + "\"}")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure.vendorCode()).hasValue(codeDesc);
    }

    @Test
    void an_unknown_module_code_keeps_the_legacy_numbers_kind_and_is_quoted_as_the_vendor_code() {
        SourceFailure failure = failure(reader.read(200,
                bytes("{\"code\":4000,\"message\":\"state\",\"codeDesc\":\"InvalidVpnConnState\"}")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_ERROR);
        assertThat(failure.vendorCode()).hasValue("InvalidVpnConnState");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {
            "", "   ", "[]", "{}", "null", "<html>maintenance</html>", "{\"code\": 0, \"data\": [1, 2",
            "{\"code\":0,\"message\":\"ok\"}",
            "{\"code\":0,\"data\":{\"points\":[1,2]}}",
            "{\"code\":0,\"data\":\"1221,1212\"}",
            "{\"code\":0,\"data\":[1221,{\"value\":1212}]}",
            "{\"code\":0,\"data\":[1221,true]}",
            "{\"code\":0,\"data\":[1221,\"n/a\"]}",
            "{\"code\":0,\"data\":[1221,-5]}",
            "{\"code\":\"zero\",\"data\":[1]}",
            "{\"code\":0.5,\"data\":[1]}",
            "{\"message\":\"ok\",\"data\":[1]}"})
    void unreadable_bodies_are_malformed_responses(String body) {
        Attempt<VpnConnMonitorReply> attempt = reader.read(200, bytes(body));

        assertThat(attempt).isInstanceOf(Attempt.Failure.class);
        assertThat(failure(attempt).kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
    }

    @Test
    void a_legacy_error_envelope_is_read_whatever_the_http_status() {
        SourceFailure failure = failure(reader.read(400, Fixtures.bytes("tencentvpc", "not-found-code-5000.json")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void an_http_refusal_without_the_envelope_is_unauthenticated() {
        SourceFailure failure = failure(reader.read(403, bytes("<html>Forbidden</html>")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
        assertThat(failure.message()).contains("HTTP 403");
    }

    @Test
    void another_client_error_without_the_envelope_is_a_vendor_error_naming_the_status() {
        SourceFailure failure = failure(reader.read(404, bytes("<html>no such page</html>")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_ERROR);
        assertThat(failure.message()).contains("HTTP 404").contains("no such page");
    }

    @Test
    void a_success_envelope_under_a_client_error_status_is_not_trusted() {
        SourceFailure failure = failure(reader.read(404, Fixtures.bytes("tencentvpc", "documented-example-corrected.json")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_ERROR);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static double[] values(Attempt<VpnConnMonitorReply> attempt) {
        assertThat(attempt).isInstanceOf(Attempt.Success.class);
        return ((Attempt.Success<VpnConnMonitorReply>) attempt).value().bitsPerSecond();
    }

    private static SourceFailure failure(Attempt<VpnConnMonitorReply> attempt) {
        if (attempt instanceof Attempt.Failure<VpnConnMonitorReply> failure) {
            return failure.failure();
        }
        if (attempt instanceof Attempt.Retryable<VpnConnMonitorReply> retryable) {
            return retryable.failure();
        }
        throw new AssertionError("expected a failure, got " + attempt);
    }
}
