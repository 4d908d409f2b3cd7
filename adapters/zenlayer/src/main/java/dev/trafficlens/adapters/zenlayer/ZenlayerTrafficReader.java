package dev.trafficlens.adapters.zenlayer;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.adapters.support.VendorResponses;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.VendorFigure;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import io.vavr.control.Either;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads Zenlayer's answers to both traffic APIs (DescribePrivateConnectTraffic and DescribeCloudRouterDCToDCTraffic
 * share one shape): the HTTP status and error envelope into a failure through {@link ZenlayerErrorMap}, and the
 * {@code response} object of a traffic answer into one series per requested bit-rate metric, plus the
 * vendor's own summary figures. Lenient where Zenlayer's documents disagree (both field spellings, numbers as text,
 * absent or null samples) and strict where data would come out wrong (an unreadable time or value, an unknown unit).
 */
final class ZenlayerTrafficReader {

    /** Each metric this API serves, with its field names: the SDKs' spelling first, the doc pages' second. */
    private enum Direction {
        IN(Metric.BITRATE_IN, Metric.VOLUME_IN, "internetRX", "in"),
        OUT(Metric.BITRATE_OUT, Metric.VOLUME_OUT, "internetTX", "out");

        final Metric rate;
        final Metric volume;
        final String sdkField;
        final String docField;

        Direction(Metric rate, Metric volume, String sdkField, String docField) {
            this.rate = rate;
            this.volume = volume;
            this.sdkField = sdkField;
            this.docField = docField;
        }

        /** The summary fields: {@code in95}, {@code inAvg}, … */
        String figure(String suffix) {
            return docField + suffix;
        }
    }

    private static final List<String> RATE_FIGURES = List.of("95", "Avg", "Max", "Min");
    /** Bandwidth units the {@code unit} field may name ("for example bps", the docs say), as multiples of bit/s. */
    private static final Map<String, Double> BITRATE_UNITS =
            Map.of("bps", 1.0, "kbps", 1e3, "mbps", 1e6, "gbps", 1e9, "tbps", 1e12);

    private ZenlayerTrafficReader() {
    }

    /** The answer to {@code call} held in {@code response}, or what makes it unreadable. */
    static Either<String, SourceAnswer> decode(PlannedCall call, JsonNode response) {
        Optional<String> unit = JsonBodies.text(response, "unit").map(String::strip).filter(text -> !text.isEmpty());
        Double scale = unit.isEmpty() ? Double.valueOf(1.0) : BITRATE_UNITS.get(unit.get().toLowerCase(Locale.ROOT));
        if (scale == null) {
            return Either.left("unknown bandwidth unit \"" + unit.get() + "\"");
        }
        JsonNode points = response.get("dataList");
        if (points != null && !points.isNull() && !points.isArray()) {
            return Either.left("dataList is not a list");
        }
        Map<Direction, TrafficSeries.Builder> builders = new LinkedHashMap<>();
        for (Direction direction : Direction.values()) {
            if (call.metrics().contains(direction.rate)) {
                builders.put(direction, TrafficSeries.builder(direction.rate, call.window(), call.step()));
            }
        }
        // An absent or null dataList is read as a window without samples: the SDKs declare the field optional.
        if (points != null && points.isArray()) {
            for (JsonNode point : points) {
                Optional<String> problem = addPoint(point, builders, scale);
                if (problem.isPresent()) {
                    return Either.left(problem.get());
                }
            }
        }
        List<TrafficSeries> series = builders.values().stream().map(TrafficSeries.Builder::build).toList();
        return Either.right(new SourceAnswer(series, figures(response, builders.keySet(), scale)));
    }

    private static Optional<String> addPoint(JsonNode point, Map<Direction, TrafficSeries.Builder> builders,
                                             double scale) {
        if (point == null || !point.isObject()) {
            return Optional.of("a dataList entry is not an object");
        }
        Optional<Instant> time = time(point);
        if (time.isEmpty()) {
            return Optional.of("a dataList entry has no readable time: "
                    + JsonBodies.text(point, "time").orElse("(none)"));
        }
        for (Map.Entry<Direction, TrafficSeries.Builder> wanted : builders.entrySet()) {
            Either<String, Double> value = sample(point, wanted.getKey());
            if (value.isLeft()) {
                return Optional.of(value.getLeft() + " at " + time.get());
            }
            // Samples outside the window were not asked for: put() drops them rather than misplacing them.
            wanted.getValue().put(time.get(), value.get() * scale);
        }
        return Optional.empty();
    }

    private static Optional<Instant> time(JsonNode point) {
        JsonNode time = point.get("time");
        if (time == null || !time.isString()) {
            return Optional.empty();
        }
        return instant(time.stringValue().strip());
    }

    /**
     * Zenlayer's {@code 2022-01-01T00:00:00Z}, read digit by digit (a month of points made {@code Instant.parse} the
     * costliest step of reading an answer); any other ISO-8601 form goes to {@code Instant.parse}.
     */
    static Optional<Instant> instant(String text) {
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
                try {
                    return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC));
                } catch (DateTimeException unusual) {
                    // 24:00:00 and leap seconds: Instant.parse has its own rules for them.
                }
            }
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** The number written in {@code text[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A sample's value, NaN when missing; the SDK spelling wins when a point carries both. */
    private static Either<String, Double> sample(JsonNode point, Direction direction) {
        JsonNode value = present(point.get(direction.sdkField)) ? point.get(direction.sdkField)
                : point.get(direction.docField);
        if (!present(value) || value.isString() && value.stringValue().isBlank()) {
            return Either.right(Double.NaN);
        }
        Optional<Double> number = JsonBodies.number(value);
        if (number.isEmpty()) {
            return Either.left("the " + direction.sdkField + " value " + value + " is not a number");
        }
        // A bit rate below zero is no measurement (some APIs use -1 for "no data"): kept as missing, not as a value.
        return Either.right(number.get() < 0 ? Double.NaN : number.get());
    }

    private static boolean present(JsonNode value) {
        return value != null && !value.isNull() && !value.isMissingNode();
    }

    private static List<VendorFigure> figures(JsonNode response, Iterable<Direction> wanted, double scale) {
        List<VendorFigure> figures = new ArrayList<>();
        for (Direction direction : wanted) {
            for (String suffix : RATE_FIGURES) {
                String name = direction.figure(suffix);
                JsonBodies.number(response.get(name)).ifPresent(value ->
                        figures.add(new VendorFigure(name, direction.rate, value * scale, direction.rate.unit())));
            }
            // The unit of the totals is not documented; bytes is the reading of "总流量" (total traffic), unscaled.
            String total = direction.figure("Total");
            JsonBodies.number(response.get(total)).ifPresent(value ->
                    figures.add(new VendorFigure(total, direction.volume, value, direction.volume.unit())));
        }
        return figures;
    }


    /**
     * Reads a 200 body as {@link #interpret} reads it once the envelope is known good: the JSON parsed, then its
     * {@code response} decoded. What the parsing benchmark measures.
     */
    static Either<String, SourceAnswer> readBody(PlannedCall call, byte[] body) {
        Either<String, JsonNode> parsed = JsonBodies.parse(body);
        if (parsed.isLeft()) {
            return Either.left(parsed.getLeft());
        }
        JsonNode response = parsed.get().get("response");
        return response != null && response.isObject() ? decode(call, response) : Either.left("no response object");
    }

    /** What one HTTP response to {@code request} means: the answer, or the failure it reports. */
    static Attempt<SourceAnswer> interpret(
            PlannedCall call, ZenlayerTrafficRequest request, HttpResponse<byte[]> response) {
        Source source = call.source();
        int status = response.statusCode();
        byte[] body = response.body();
        if (status == 403 && isCloudflareChallenge(response)) {
            // Cloudflare in front of the API asks for a browser check: not an answer of the API, and not one a
            // retry within seconds would pass.
            return Attempt.failure(SourceFailure.of(ErrorKind.VENDOR_UNAVAILABLE, source, source.id() + " "
                    + request.subject() + ": Cloudflare in front of Zenlayer answered with a security challenge "
                    + "(HTTP 403, cf-mitigated: challenge) instead of the API"));
        }
        Either<String, JsonNode> parsed = JsonBodies.parse(body);
        Optional<ZenlayerError> error = parsed.toJavaOptional().flatMap(ZenlayerError::in);
        Optional<Attempt<SourceAnswer>> transport = VendorResponses.transportFailure(source, response);
        if (transport.isPresent()) {
            return error.map(readable -> reworded(transport.get(), source, request, status, readable))
                    .orElse(transport.get());
        }
        if (status == 451) {
            SourceFailure blocked = SourceFailure.of(ErrorKind.VENDOR_ERROR, source, source.id() + " "
                    + request.subject() + ": Zenlayer blocked the request (HTTP 451)");
            return Attempt.failure(error.map(found -> withIds(blocked, found)).orElse(blocked));
        }
        if (status >= 200 && status < 300) {
            return success(call, parsed, error, status, body, request);
        }
        if (error.isPresent()) {
            return ZenlayerErrorMap.attempt(source, request.subject(), status, error.get(),
                    VendorResponses.retryAfter(response));
        }
        if (status == 401) {
            return Attempt.failure(SourceFailure.of(ErrorKind.UNAUTHENTICATED, source, source.id() + " "
                    + request.subject() + ": Zenlayer refused the access key or its signature (HTTP 401)"));
        }
        return Attempt.failure(VendorResponses.malformed(source, "HTTP " + status + " without a Zenlayer error code",
                body));
    }

    private static Attempt<SourceAnswer> success(PlannedCall call, Either<String, JsonNode> parsed,
                                                 Optional<ZenlayerError> error, int status, byte[] body,
                                                 ZenlayerTrafficRequest request) {
        Source source = call.source();
        if (parsed.isLeft()) {
            return Attempt.failure(VendorResponses.malformed(source, parsed.getLeft(), body));
        }
        JsonNode response = parsed.get().isObject() ? parsed.get().get("response") : null;
        if (response != null && response.isObject()) {
            Either<String, SourceAnswer> answer = decode(call, response);
            return answer.isRight() ? Attempt.success(answer.get())
                    : Attempt.failure(withRequestIdOf(parsed.get(),
                            VendorResponses.malformed(source, answer.getLeft(), body)));
        }
        if (error.isPresent()) {
            // An error envelope under HTTP 2xx: read it as the error it names rather than as a broken answer.
            return ZenlayerErrorMap.attempt(source, request.subject(), status, error.get(), Optional.empty());
        }
        return Attempt.failure(VendorResponses.malformed(source, "no response object", body));
    }

    private static Attempt<SourceAnswer> reworded(Attempt<SourceAnswer> transport, Source source,
                                                  ZenlayerTrafficRequest request, int status, ZenlayerError error) {
        if (!(transport instanceof Attempt.Retryable<SourceAnswer> retryable)) {
            return transport;
        }
        // The support module decides the kind and the wait; the envelope adds the code, the request id and words.
        SourceFailure generic = retryable.failure();
        SourceFailure named = ZenlayerErrorMap.failure(generic.kind(), source, request.subject(), status, error);
        return Attempt.retryable(generic.retryAfter().map(named::withRetryAfter).orElse(named));
    }

    private static SourceFailure withIds(SourceFailure failure, ZenlayerError error) {
        SourceFailure coded = failure.withVendorCode(error.code());
        return error.requestId().map(coded::withRequestId).orElse(coded);
    }

    private static SourceFailure withRequestIdOf(JsonNode root, SourceFailure failure) {
        return ZenlayerError.requestId(root).map(failure::withRequestId).orElse(failure);
    }

    private static boolean isCloudflareChallenge(HttpResponse<?> response) {
        return response.headers().allValues("cf-mitigated").stream()
                .anyMatch(value -> value.strip().equalsIgnoreCase("challenge"));
    }
}
