package dev.trafficlens.adapters.tencentmna;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.adapters.support.VendorResponses;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.VendorFigure;
import io.vavr.control.Either;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads one GetFlowStatisticByRegion answer: {@code {"Response":{"NetDetails":[{"Current","Time"}], "MaxValue",
 * "AvgValue", "TotalValue", "RequestId"}}} on success, {@code {"Response":{"Error":{"Code","Message"},"RequestId"}}}
 * on failure (with HTTP 200: the presence of Error is what marks it).
 */
final class FlowStatisticReader {

    private static final Source SOURCE = Source.TENCENT_MNA_REGION;
    private static final List<String> SUMMARY_FIELDS = List.of("MaxValue", "AvgValue", "TotalValue");
    /** Far beyond any date the API can mean, and well inside what a double holds exactly. */
    private static final double MAX_SECONDS = 1e15;

    private FlowStatisticReader() {
    }

    /** The answer to one request for {@code metric} over {@code window} at {@code step}. */
    static Attempt<MetricReading> read(HttpResponse<byte[]> response, TimeWindow window, Step step, Metric metric) {
        return VendorResponses.<MetricReading>transportFailure(SOURCE, response)
                .orElseGet(() -> read(response.statusCode(), response.body(), window, step, metric));
    }

    static Attempt<MetricReading> read(int status, byte[] body, TimeWindow window, Step step, Metric metric) {
        Either<String, JsonNode> parsed = JsonBodies.parse(body);
        if (parsed.isLeft()) {
            return malformed(status, parsed.getLeft(), body);
        }
        JsonNode envelope = parsed.get().get("Response");
        if (envelope == null || !envelope.isObject()) {
            return malformed(status, "no Response object", body);
        }
        Optional<String> requestId = JsonBodies.text(envelope, "RequestId");
        JsonNode error = envelope.get("Error");
        if (error != null && !error.isNull()) {
            Optional<String> code = JsonBodies.text(error, "Code").map(String::strip).filter(text -> !text.isEmpty());
            if (code.isEmpty()) {
                return malformed(status, "an Error without a Code", body, requestId);
            }
            return TencentMnaErrorMap.attempt(code.get(), JsonBodies.text(error, "Message"), requestId, metric);
        }
        if (status != 200) {
            return malformed(status, "HTTP " + status + " without an Error", body, requestId);
        }
        return readDetails(envelope, window, step, metric)
                .fold(problem -> malformed(status, problem, body, requestId),
                        series -> Attempt.success(new MetricReading(series, figures(envelope, metric))));
    }

    /**
     * The samples, each placed at the bucket its Time starts. An absent bucket stays missing; so does a null
     * Current. A Time off the window or off the step's grid was not asked for and is ignored rather than moved.
     */
    private static Either<String, TrafficSeries> readDetails(
            JsonNode envelope, TimeWindow window, Step step, Metric metric) {
        JsonNode details = envelope.get("NetDetails");
        if (details == null) {
            return Either.left("no NetDetails");
        }
        TrafficSeries.Builder series = TrafficSeries.builder(metric, window, step);
        if (details.isNull()) {
            return Either.right(series.build()); // no data at all for the window: every bucket missing
        }
        if (!details.isArray()) {
            return Either.left("NetDetails is not a list");
        }
        for (JsonNode entry : details) {
            if (!entry.isObject()) {
                return Either.left("a NetDetails entry is not an object");
            }
            Optional<Instant> time = epochSeconds(entry.get("Time"));
            if (time.isEmpty()) {
                return Either.left("a NetDetails entry has no Time in Unix seconds");
            }
            JsonNode current = entry.get("Current");
            double value = Double.NaN;
            if (current != null && !current.isNull()) {
                Optional<Double> bytes = JsonBodies.number(current);
                if (bytes.isEmpty()) {
                    return Either.left("a NetDetails Current is not a number");
                }
                value = bytes.get();
            }
            if (step.isAligned(time.get())) {
                series.put(time.get(), value);
            }
        }
        return Either.right(series.build());
    }

    /** The vendor's own summary of the request, in bytes; a figure it leaves out is left out here. */
    private static List<VendorFigure> figures(JsonNode envelope, Metric metric) {
        List<VendorFigure> figures = new ArrayList<>();
        for (String field : SUMMARY_FIELDS) {
            JsonBodies.number(envelope.get(field))
                    .ifPresent(value -> figures.add(new VendorFigure(field, metric, value, metric.unit())));
        }
        return figures;
    }

    /** {@code -?[0-9]{1,15}}, checked by hand: a regex per bucket was most of what reading an answer allocated. */
    static boolean isWholeSeconds(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > 15) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Unix seconds given as a string (as documented) or a number, whole; empty for anything else. */
    static Optional<Instant> epochSeconds(JsonNode time) {
        if (time == null || !(time.isString() || time.isNumber())) {
            return Optional.empty();
        }
        if (time.isIntegralNumber()) {
            return time.canConvertToLong() && time.longValue() > -MAX_SECONDS && time.longValue() < MAX_SECONDS
                    ? Optional.of(Instant.ofEpochSecond(time.longValue()))
                    : Optional.empty();
        }
        String text = time.asString().strip();
        if (isWholeSeconds(text)) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
        }
        try {
            // "1735259400.0" or 1.7352594E9 name a whole second too; a fraction names none.
            double seconds = Double.parseDouble(text);
            return Math.abs(seconds) < MAX_SECONDS && seconds == Math.rint(seconds)
                    ? Optional.of(Instant.ofEpochSecond((long) seconds))
                    : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Attempt<MetricReading> malformed(int status, String problem, byte[] body) {
        return Attempt.failure(VendorResponses.malformed(SOURCE, withStatus(status, problem), body));
    }

    private static Attempt<MetricReading> malformed(
            int status, String problem, byte[] body, Optional<String> requestId) {
        SourceFailure failure = VendorResponses.malformed(SOURCE, withStatus(status, problem), body);
        return Attempt.failure(requestId.map(failure::withRequestId).orElse(failure));
    }

    private static String withStatus(int status, String problem) {
        return status == 200 || problem.startsWith("HTTP ") ? problem : problem + ", HTTP " + status;
    }
}
