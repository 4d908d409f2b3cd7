package dev.trafficlens.adapters.qingcloud;

import dev.trafficlens.adapters.qingcloud.QingCloudSeriesDecoder.PairSample;
import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.adapters.support.VendorResponses;
import dev.trafficlens.domain.model.Direction;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import io.vavr.control.Either;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads one GetWanMonitor answer for a call: the {@code ret_code} envelope mapped to the domain's error kinds, or the
 * meter set decoded into one series per requested metric.
 */
final class GetWanMonitorReader {

    private static final Source SOURCE = Source.QINGCLOUD_WAN;
    private static final int MESSAGE_LENGTH = 160;

    private final PlannedCall call;
    private final QingCloudWanAccess access;

    GetWanMonitorReader(PlannedCall call) {
        this.call = call;
        this.access = (QingCloudWanAccess) call.resource();
    }

    Attempt<SourceAnswer> interpret(HttpResponse<byte[]> response) {
        return VendorResponses.<SourceAnswer>transportFailure(SOURCE, response)
                .orElseGet(() -> read(response.statusCode(), response.body()));
    }

    /** A body the transport let through: QingCloud reports its errors with HTTP 200 and a non-zero {@code ret_code}. */
    Attempt<SourceAnswer> read(int status, byte[] body) {
        Either<String, JsonNode> parsed = JsonBodies.parse(body);
        Optional<Long> retCode = parsed.toJavaOptional()
                .filter(JsonNode::isObject)
                .flatMap(tree -> JsonBodies.number(tree.get("ret_code")))
                .filter(code -> code == Math.rint(code))
                .map(Double::longValue);
        if (retCode.isEmpty()) {
            if (status / 100 != 2) {
                return Attempt.failure(SourceFailure.of(ErrorKind.VENDOR_ERROR, SOURCE,
                        SOURCE.id() + " answered HTTP " + status + " without QingCloud's error envelope: "
                                + VendorResponses.excerpt(body)));
            }
            String problem = parsed.isLeft() ? parsed.getLeft() : "no ret_code";
            return Attempt.failure(VendorResponses.malformed(SOURCE, problem, body));
        }
        JsonNode tree = parsed.get();
        if (retCode.get() != 0) {
            return vendorError(retCode.get(), JsonBodies.text(tree, "message").orElse(""));
        }
        return series(tree.get("meter_set"))
                .fold(problem -> Attempt.<SourceAnswer>failure(VendorResponses.malformed(SOURCE, problem, body)),
                        series -> Attempt.success(new SourceAnswer(series, List.of())));
    }

    private Either<String, List<TrafficSeries>> series(JsonNode meterSet) {
        if (meterSet == null || !meterSet.isArray()) {
            return Either.left("ret_code 0 without a meter_set array");
        }
        Map<QingCloudMeter, List<PairSample>> decoded = new EnumMap<>(QingCloudMeter.class);
        for (QingCloudMeter meter : GetWanMonitorRequest.metersFor(call.metrics())) {
            Either<String, List<PairSample>> samples = meterData(meterSet, meter)
                    .flatMap(data -> QingCloudSeriesDecoder.decode(data, call.step())
                            .mapLeft(problem -> "meter " + meter.id() + ": " + problem));
            if (samples.isLeft()) {
                return Either.left(samples.getLeft());
            }
            decoded.put(meter, samples.get());
        }
        List<TrafficSeries> series = new ArrayList<>(call.metrics().size());
        for (Metric metric : call.metrics()) {
            TrafficSeries.Builder builder = TrafficSeries.builder(metric, call.window(), call.step());
            QingCloudMeter.measuring(metric).ifPresent(meter -> {
                for (PairSample sample : decoded.get(meter)) {
                    double value = metric.direction() == Direction.IN ? sample.in() : sample.out();
                    builder.put(sample.time(), sample.isMissing() ? Double.NaN : meter.toDomainUnit(value));
                }
            });
            series.add(builder.build());
        }
        return Either.right(series);
    }

    /** The meter's data; absent when the vendor sent no entry for it (no samples), an error when sent twice. */
    private static Either<String, JsonNode> meterData(JsonNode meterSet, QingCloudMeter meter) {
        JsonNode found = null;
        for (JsonNode entry : meterSet) {
            if (!entry.isObject()) {
                return Either.left("meter_set holds " + VendorResponses.excerpt(
                        String.valueOf(entry).getBytes(StandardCharsets.UTF_8)) + " instead of a meter");
            }
            if (JsonBodies.text(entry, "meter_id").filter(meter.id()::equals).isPresent()) {
                if (found != null) {
                    return Either.left("meter " + meter.id() + " appears twice in meter_set");
                }
                found = entry;
            }
        }
        return Either.right(found == null ? null : found.get("data"));
    }

    private Attempt<SourceAnswer> vendorError(long retCode, String vendorMessage) {
        String code = Long.toString(retCode);
        String said = vendorMessage.isBlank() ? "" : ": " + shorten(vendorMessage);
        String what = SOURCE.id() + " " + describe(retCode) + " (ret_code " + code + said + ")";
        SourceFailure failure = SourceFailure.of(kindOf(retCode), SOURCE, what).withVendorCode(code);
        return retCode == 5000 || retCode == 5100 ? Attempt.retryable(failure) : Attempt.failure(failure);
    }

    private static ErrorKind kindOf(long retCode) {
        return switch (asSwitchable(retCode)) {
            case 1200, 1300, 1400 -> ErrorKind.UNAUTHENTICATED;
            case 2100 -> ErrorKind.NOT_FOUND;
            // The API request quota is counted per day, so waiting seconds and retrying cannot help.
            case 2500 -> ErrorKind.RATE_LIMITED;
            case 5000, 5100 -> ErrorKind.VENDOR_UNAVAILABLE;
            default -> ErrorKind.VENDOR_ERROR;
        };
    }

    private String describe(long retCode) {
        return switch (asSwitchable(retCode)) {
            case 1100 -> "rejected the request's parameters for access point " + access.resource();
            case 1200 -> "rejected the access key or the request's signature";
            case 1300 -> "refused the request as expired: this machine's clock is more than a minute away from "
                    + "QingCloud's";
            case 1400 -> "denied permission to read access point " + access.resource() + " in zone " + access.zone();
            case 2100 -> "does not know access point " + access.resource() + " in zone " + access.zone();
            case 2500 -> "refused the call because a quota is used up (the API request quota resets daily)";
            case 5000 -> "failed with an internal error";
            case 5100 -> "is too busy to answer";
            default -> "answered with an error";
        };
    }

    /** Codes beyond int range are unknown codes, like any other the vendor does not document. */
    private static int asSwitchable(long retCode) {
        return retCode == (int) retCode ? (int) retCode : -1;
    }

    private static String shorten(String message) {
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MESSAGE_LENGTH ? oneLine.substring(0, MESSAGE_LENGTH) + "…" : oneLine;
    }
}
