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
 * Reads one GetWanMonitor answer for a call: a non-zero {@code ret_code} handed to {@link QingCloudErrorMap}, or the
 * meter set decoded into one series per requested metric.
 */
final class GetWanMonitorReader {

    private static final Source SOURCE = Source.QINGCLOUD_WAN;

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
            return QingCloudErrorMap.attempt(retCode.get(), JsonBodies.text(tree, "message").orElse(""), access);
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
}
