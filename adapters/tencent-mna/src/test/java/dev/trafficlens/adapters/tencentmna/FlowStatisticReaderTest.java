package dev.trafficlens.adapters.tencentmna;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.adapters.support.Fixtures;
import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.VendorFigure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** How GetFlowStatisticByRegion answers are read: the API page's example, the API's quirks, its errors, nonsense. */
class FlowStatisticReaderTest {

    private static final double NAN = Double.NaN;
    private static final TimeWindow NEW_YEARS_DAY = TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");

    @Nested
    class Samples {

        @Test
        void the_seed_documents_example_is_one_zero_byte_sample_labelled_by_a_string_time() {
            TimeWindow halfPastMidnight = TimeWindow.of("2024-12-27T00:00:00Z", "2024-12-27T01:00:00Z");

            MetricReading reading = success(read("documented-example-response.json", halfPastMidnight,
                    Step.FIVE_MINUTES, Metric.VOLUME_TOTAL));

            TrafficSeries series = reading.series();
            assertThat(series.presentCount()).isEqualTo(1);
            assertThat(series.indexOf(Instant.ofEpochSecond(1735259400))).isEqualTo(6);
            assertThat(series.valueAt(6)).isZero();
            assertThat(reading.figures()).containsExactly(
                    new VendorFigure("MaxValue", Metric.VOLUME_TOTAL, 0, "B"),
                    new VendorFigure("AvgValue", Metric.VOLUME_TOTAL, 0, "B"),
                    new VendorFigure("TotalValue", Metric.VOLUME_TOTAL, 0, "B"));
        }

        @Test
        void the_seed_example_at_an_hourly_step_lies_between_hours_and_is_not_moved() {
            TimeWindow halfPastMidnight = TimeWindow.of("2024-12-27T00:00:00Z", "2024-12-27T02:00:00Z");

            MetricReading reading = success(read("documented-example-response.json", halfPastMidnight,
                    Step.ONE_HOUR, Metric.VOLUME_TOTAL));

            assertThat(reading.series().presentCount()).isZero();
        }

        @Test
        void absent_hours_are_missing_samples() {
            MetricReading reading = success(read("day-with-missing-hours.json", NEW_YEARS_DAY, Step.ONE_HOUR,
                    Metric.VOLUME_OUT));

            TrafficSeries series = reading.series();
            assertThat(series.metric()).isEqualTo(Metric.VOLUME_OUT);
            assertThat(series.window()).isEqualTo(NEW_YEARS_DAY);
            for (int hour = 0; hour < 24; hour++) {
                boolean missing = hour == 3 || hour == 4 || hour == 5 || hour == 20;
                assertThat(series.isPresent(hour)).as("hour %d", hour).isEqualTo(!missing);
                if (!missing) {
                    assertThat(series.valueAt(hour)).isEqualTo(1_000_000 + hour * 1_000);
                }
            }
            assertThat(reading.figures()).extracting(VendorFigure::name)
                    .containsExactly("MaxValue", "AvgValue", "TotalValue");
            assertThat(reading.figures().get(2).value()).isEqualTo(Arrays.stream(series.values())
                    .filter(value -> !Double.isNaN(value)).sum());
        }

        @Test
        void times_as_numbers_numeric_strings_and_extra_fields_are_read_and_a_null_current_is_missing() {
            MetricReading reading = success(read("loose-types-and-extra-fields.json", NEW_YEARS_DAY, Step.ONE_HOUR,
                    Metric.VOLUME_IN));

            double[] values = reading.series().values();
            assertThat(Arrays.copyOf(values, 4)).containsExactly(1024, 4096.5, 2048, NAN);
            assertThat(reading.series().presentCount()).isEqualTo(3);
            assertThat(reading.figures()).containsExactly(
                    new VendorFigure("MaxValue", Metric.VOLUME_IN, 4096.5, "B"),
                    new VendorFigure("AvgValue", Metric.VOLUME_IN, 2389.5, "B"),
                    new VendorFigure("TotalValue", Metric.VOLUME_IN, 7168.5, "B"));
        }

        @Test
        void samples_off_the_window_or_off_the_step_grid_are_ignored_not_moved() {
            MetricReading reading = success(read("samples-off-the-window-or-grid.json", NEW_YEARS_DAY,
                    Step.ONE_HOUR, Metric.VOLUME_TOTAL));

            TrafficSeries series = reading.series();
            assertThat(series.presentCount()).isEqualTo(2);
            assertThat(series.valueAt(0)).as("00:00, not the 00:30 sample").isEqualTo(2);
            assertThat(series.valueAt(23)).as("23:00, not the sample at the window's end").isEqualTo(4);
        }

        @Test
        void a_null_list_means_no_data_in_the_window() {
            MetricReading reading = success(read("no-data-null-net-details.json", NEW_YEARS_DAY, Step.ONE_HOUR,
                    Metric.VOLUME_IN));

            assertThat(reading.series().size()).isEqualTo(24);
            assertThat(reading.series().presentCount()).isZero();
        }

        @Test
        void summary_figures_the_vendor_leaves_out_are_left_out() {
            String body = "{\"Response\":{\"NetDetails\":[],\"TotalValue\":10,\"MaxValue\":null,\"RequestId\":\"r\"}}";

            MetricReading reading = success(FlowStatisticReader.read(200, utf8(body), NEW_YEARS_DAY, Step.ONE_HOUR,
                    Metric.VOLUME_IN));

            assertThat(reading.figures()).containsExactly(new VendorFigure("TotalValue", Metric.VOLUME_IN, 10, "B"));
        }

        /**
         * Property: whatever order the buckets come in, however Time and Current are spelled, and whatever
         * off-window or off-grid samples come with them, every bucket lands in its own slot and nothing else does.
         */
        @Test
        void any_answer_places_exactly_its_buckets() {
            Random random = new Random(20_260_119);
            List<Step> steps = List.of(Step.ONE_MINUTE, Step.FIVE_MINUTES, Step.ONE_HOUR, Step.ONE_DAY);
            for (int example = 0; example < 300; example++) {
                Step step = steps.get(random.nextInt(steps.size()));
                int slots = 1 + random.nextInt(step.equals(Step.ONE_DAY) ? 7 : 200);
                Instant from = step.floor(Instant.parse("2026-01-01T00:00:00Z")
                        .plusSeconds(random.nextInt(30 * 86_400)));
                TimeWindow window = TimeWindow.of(from, from.plusSeconds(slots * step.seconds()));
                double[] expected = new double[slots];
                List<ObjectNode> entries = new ArrayList<>();
                for (int i = 0; i < slots; i++) {
                    boolean absent = random.nextInt(5) == 0;
                    boolean nullCurrent = !absent && random.nextInt(10) == 0;
                    expected[i] = absent || nullCurrent ? NAN : random.nextInt(2) == 0
                            ? random.nextInt(1_000_000_000)
                            : Math.round(random.nextDouble() * 1e12) / 100.0;
                    if (!absent) {
                        entries.add(entry(random, from.plusSeconds(i * step.seconds()), expected[i]));
                    }
                }
                int strays = random.nextInt(4);
                for (int i = 0; i < strays; i++) {
                    long outside = random.nextBoolean()
                            ? from.getEpochSecond() - step.seconds() * (1 + random.nextInt(3))
                            : window.to().getEpochSecond() + step.seconds() * random.nextInt(3);
                    entries.add(entry(random, Instant.ofEpochSecond(outside), 7.0));
                    if (step.seconds() > 60) {
                        long between = from.getEpochSecond() + 60 * (1 + random.nextInt((int) step.seconds() / 60 - 1));
                        entries.add(entry(random, Instant.ofEpochSecond(between), 9.0));
                    }
                }
                Collections.shuffle(entries, random);

                MetricReading reading = success(FlowStatisticReader.read(200, answer(entries), window, step,
                        Metric.VOLUME_TOTAL));

                assertThat(reading.series().values()).as("example %d at %s", example, step).containsExactly(expected);
            }
        }

        private static ObjectNode entry(Random random, Instant time, double value) {
            ObjectNode entry = JsonBodies.MAPPER.createObjectNode();
            if (!Double.isNaN(value)) {
                if (random.nextInt(4) == 0) {
                    entry.put("Current", Double.toString(value));
                } else {
                    entry.put("Current", value);
                }
            } else {
                entry.putNull("Current");
            }
            if (random.nextInt(3) == 0) {
                entry.put("Time", time.getEpochSecond());
            } else {
                entry.put("Time", Long.toString(time.getEpochSecond()));
            }
            if (random.nextInt(5) == 0) {
                entry.put("Unit", "byte");
            }
            return entry;
        }

        private static byte[] answer(List<ObjectNode> entries) {
            ObjectNode root = JsonBodies.MAPPER.createObjectNode();
            ObjectNode response = root.putObject("Response");
            ArrayNode details = response.putArray("NetDetails");
            entries.forEach(details::add);
            response.put("RequestId", "property");
            return JsonBodies.MAPPER.writeValueAsBytes(root);
        }
    }

    @Nested
    class Errors {

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "error-auth-failure-signature-failure.json, AuthFailure.SignatureFailure, UNAUTHENTICATED, false",
                "error-request-limit-exceeded.json, RequestLimitExceeded, RATE_LIMITED, true",
                "error-time-too-early.json, InvalidParameterValue.TimeTooEarly, OUT_OF_RETENTION, false",
                "error-resource-not-found.json, ResourceNotFound, NOT_FOUND, false",
                "error-internal-error.json, InternalError.MonitorDataRequestError, VENDOR_UNAVAILABLE, true"})
        void a_documented_error_keeps_its_code_and_request_id(
                String fixture, String code, ErrorKind kind, boolean retryable) {
            Attempt<MetricReading> attempt = read(fixture, NEW_YEARS_DAY, Step.ONE_HOUR, Metric.VOLUME_IN);

            assertThat(attempt).isInstanceOf(retryable ? Attempt.Retryable.class : Attempt.Failure.class);
            SourceFailure failure = failure(attempt);
            assertThat(failure.kind()).isEqualTo(kind);
            assertThat(failure.vendorCode()).hasValue(code);
            assertThat(failure.requestId()).hasValue("e7b1f3a2-9c4d-4e5f-8a6b-7c8d9e0f1a2b");
            assertThat(failure.message()).contains("tencent.mna-region", code, "VOLUME_IN");
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
                "AuthFailure.InvalidSecretId, UNAUTHENTICATED",
                "AuthFailure.SecretIdNotFound, UNAUTHENTICATED",
                "AuthFailure.SignatureExpire, UNAUTHENTICATED",
                "AuthFailure.UnauthorizedOperation, UNAUTHENTICATED",
                "UnauthorizedOperation, UNAUTHENTICATED",
                "RequestLimitExceeded.UinLimitExceeded, RATE_LIMITED",
                "InternalError, VENDOR_UNAVAILABLE",
                "InternalError.ControlRequestError, VENDOR_UNAVAILABLE",
                "InternalError.NetworkInfoRequestError, VENDOR_UNAVAILABLE",
                "ResourceNotFound.DeviceNotExist, NOT_FOUND",
                "OperationDenied.DeviceNotFound, NOT_FOUND",
                "InvalidParameterValue.TimeSpanExceeded, VENDOR_ERROR",
                "InvalidParameterValue.TimeFuture, VENDOR_ERROR",
                "InvalidParameterValue, VENDOR_ERROR",
                "InvalidParameter, VENDOR_ERROR",
                "MissingParameter, VENDOR_ERROR",
                "UnknownParameter, VENDOR_ERROR",
                "LimitExceeded, VENDOR_ERROR",
                "OperationDenied, VENDOR_ERROR",
                "InternalErrorLike.NotAFamilyMember, VENDOR_ERROR",
                "SomethingNew.NeverDocumented, VENDOR_ERROR"})
        void every_code_has_a_kind_and_only_throttling_and_internal_errors_are_retried(String code, ErrorKind kind) {
            Attempt<MetricReading> attempt = FlowStatisticReader.read(200, utf8(MnaBodies.error(code, "words")),
                    NEW_YEARS_DAY, Step.ONE_HOUR, Metric.VOLUME_TOTAL);

            SourceFailure failure = failure(attempt);
            assertThat(failure.kind()).isEqualTo(kind);
            assertThat(failure.vendorCode()).hasValue(code);
            assertThat(attempt instanceof Attempt.Retryable<?>)
                    .isEqualTo(kind == ErrorKind.RATE_LIMITED || kind == ErrorKind.VENDOR_UNAVAILABLE);
        }

        @Test
        void an_error_envelope_on_a_non_200_status_is_still_the_vendors_error() {
            Attempt<MetricReading> attempt = FlowStatisticReader.read(403,
                    utf8(MnaBodies.error("AuthFailure.InvalidSecretId", "Invalid key")), NEW_YEARS_DAY, Step.ONE_HOUR,
                    Metric.VOLUME_IN);

            assertThat(failure(attempt).kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
        }

        @Test
        void the_vendors_message_is_kept_on_one_short_line() {
            String noisy = "first line\n\tsecond line " + "x".repeat(500);

            SourceFailure failure = failure(FlowStatisticReader.read(200, utf8(MnaBodies.error("InvalidParameter",
                    noisy)), NEW_YEARS_DAY, Step.ONE_HOUR, Metric.VOLUME_IN));

            assertThat(failure.message()).contains("first line second line").doesNotContain("\n").hasSizeLessThan(300);
        }
    }

    @Nested
    class Nonsense {

        @ParameterizedTest
        @ValueSource(strings = {
                "",
                "<html>maintenance</html>",
                "[]",
                "{}",
                "null",
                "{\"Response\":[]}",
                "{\"Response\":{\"RequestId\":\"no-net-details\"}}",
                "{\"Response\":{\"NetDetails\":{\"Current\":1,\"Time\":\"1767225600\"}}}",
                "{\"Response\":{\"NetDetails\":[42]}}",
                "{\"Response\":{\"NetDetails\":[{\"Current\":1}]}}",
                "{\"Response\":{\"NetDetails\":[{\"Current\":1,\"Time\":\"yesterday\"}]}}",
                "{\"Response\":{\"NetDetails\":[{\"Current\":1,\"Time\":\"1767225600.5\"}]}}",
                "{\"Response\":{\"NetDetails\":[{\"Current\":1,\"Time\":1e300}]}}",
                "{\"Response\":{\"NetDetails\":[{\"Current\":1,\"Time\":true}]}}",
                "{\"Response\":{\"NetDetails\":[{\"Current\":\"lots\",\"Time\":\"1767225600\"}]}}",
                "{\"Response\":{\"NetDetails\":[{\"Current\":[1],\"Time\":\"1767225600\"}]}}",
                "{\"Response\":{\"Error\":\"denied\",\"RequestId\":\"r\"}}",
                "{\"Response\":{\"Error\":{\"Code\":\"  \"},\"RequestId\":\"r\"}}"})
        void unreadable_answers_are_malformed(String body) {
            Attempt<MetricReading> attempt = FlowStatisticReader.read(200, utf8(body), NEW_YEARS_DAY, Step.ONE_HOUR,
                    Metric.VOLUME_IN);

            assertThat(attempt).isInstanceOf(Attempt.Failure.class);
            assertThat(failure(attempt).kind()).as("body %s", body).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        }

        @Test
        void a_truncated_answer_is_malformed_and_quoted() {
            SourceFailure failure = failure(read("malformed-truncated.json", NEW_YEARS_DAY, Step.ONE_HOUR,
                    Metric.VOLUME_IN));

            assertThat(failure.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
            assertThat(failure.message()).contains("tencent.mna-region", "not JSON", "{\"Response\"");
        }

        @Test
        void an_error_without_a_code_is_malformed_but_keeps_the_request_id() {
            SourceFailure failure = failure(read("malformed-error-without-code.json", NEW_YEARS_DAY, Step.ONE_HOUR,
                    Metric.VOLUME_IN));

            assertThat(failure.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
            assertThat(failure.requestId()).hasValue("e7b1f3a2-9c4d-4e5f-8a6b-7c8d9e0f1a2b");
        }

        @Test
        void a_success_shape_on_a_client_error_status_is_not_taken_as_data() {
            Attempt<MetricReading> attempt = FlowStatisticReader.read(404,
                    Fixtures.bytes("tencentmna", "day-with-missing-hours.json"), NEW_YEARS_DAY, Step.ONE_HOUR, Metric.VOLUME_IN);

            assertThat(failure(attempt).kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
            assertThat(failure(attempt).message()).contains("HTTP 404");
        }

        @Test
        void an_html_page_on_a_client_error_status_names_the_status() {
            SourceFailure failure = failure(FlowStatisticReader.read(400, utf8("<html>Bad Request</html>"),
                    NEW_YEARS_DAY, Step.ONE_HOUR, Metric.VOLUME_IN));

            assertThat(failure.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
            assertThat(failure.message()).contains("HTTP 400", "Bad Request");
        }
    }

    private static Attempt<MetricReading> read(String fixture, TimeWindow window, Step step, Metric metric) {
        return FlowStatisticReader.read(200, Fixtures.bytes("tencentmna", fixture), window, step, metric);
    }

    private static MetricReading success(Attempt<MetricReading> attempt) {
        assertThat(attempt).isInstanceOf(Attempt.Success.class);
        return ((Attempt.Success<MetricReading>) attempt).value();
    }

    private static SourceFailure failure(Attempt<MetricReading> attempt) {
        if (attempt instanceof Attempt.Failure<MetricReading> failure) {
            return failure.failure();
        }
        if (attempt instanceof Attempt.Retryable<MetricReading> retryable) {
            return retryable.failure();
        }
        throw new AssertionError("expected a failure, got " + attempt);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void whole_seconds_are_recognised_as_the_pattern_minus_digits_one_to_fifteen_would() {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("-?[0-9]{1,15}");
        java.util.Random random = new java.util.Random(20261125);
        String alphabet = "0123456789-+. eE";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(18);
            for (int c = 0; c < length; c++) {
                text.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('0' + random.nextInt(10)));
            }
            String candidate = text.toString();

            org.assertj.core.api.Assertions.assertThat(FlowStatisticReader.isWholeSeconds(candidate)).as(candidate)
                    .isEqualTo(pattern.matcher(candidate).matches());
        }
    }
}
