package dev.trafficlens.adapters.tencentmna;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.adapters.support.HttpSettings;
import dev.trafficlens.adapters.support.VendorExchange;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.VendorFigure;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.control.Either;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The outbound-port adapter for Tencent Cloud Multi-Network Aggregation (API 3.0 {@code mna}, GetFlowStatisticByRegion,
 * version 2021-01-19): byte volumes of one gateway type in one access region or all, with TC3-HMAC-SHA256 signing.
 * The API answers one direction per request, so a call for several metrics sends one request per metric at once.
 */
public final class TencentMnaTrafficSource implements TrafficSource {

    private static final Source SOURCE = Source.TENCENT_MNA_REGION;
    private static final String ACTION = "GetFlowStatisticByRegion";
    private static final String VERSION = "2021-01-19";
    private static final String SERVICE = "mna";
    private static final String CONTENT_TYPE = "application/json";

    private final HttpSettings settings;
    private final Clock clock;
    private final TencentMnaSigner signer;
    private final VendorExchange exchange;
    private final URI apiUri;

    public TencentMnaTrafficSource(TencentMnaConfig config) {
        Objects.requireNonNull(config, "config");
        this.settings = config.httpSettings();
        this.clock = config.clock();
        this.signer = new TencentMnaSigner(config.secretId(), config.secretKey(), SERVICE);
        this.exchange = new VendorExchange(settings, "tencent-mna:" + config.secretId(), config.clock());
        this.apiUri = settings.resolve("/");
    }

    @Override
    public Set<Source> sources() {
        return Set.of(SOURCE);
    }

    @Override
    public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
        if (!(call.resource() instanceof TencentMnaRegion region)) {
            return refuse(SOURCE.id() + " cannot read " + call.resource() + ": this adapter serves only "
                    + "TencentMnaRegion");
        }
        if (FlowStatisticRequest.granularityOf(call.step()).isEmpty()) {
            return refuse(SOURCE.id() + " has no " + call.step() + " granularity: GetFlowStatisticByRegion serves "
                    + "1m, 5m, 1h and 1d");
        }
        List<TrafficType> types = new ArrayList<>();
        for (Metric metric : SOURCE.limits().metrics()) { // the source's order, so the first failure is stable
            if (call.metrics().contains(metric)) {
                types.add(TrafficType.of(metric).orElseThrow());
            }
        }
        if (types.size() != call.metrics().size()) {
            return refuse(SOURCE.id() + " serves " + SOURCE.limits().metrics() + ", not all of " + call.metrics());
        }
        Instant now = clock.instant();
        if (now.getEpochSecond() <= call.window().from().getEpochSecond()) {
            return CompletableFuture.completedFuture(Either.right(nothingYet(call))); // the future has no traffic
        }
        List<CompletableFuture<Either<SourceFailure, MetricReading>>> readings = types.stream()
                .map(type -> read(region, call, type, now))
                .toList();
        return CompletableFuture.allOf(readings.toArray(CompletableFuture[]::new))
                .thenApply(allDone -> answer(readings.stream().map(CompletableFuture::join).toList()));
    }

    private CompletableFuture<Either<SourceFailure, MetricReading>> read(
            TencentMnaRegion region, PlannedCall call, TrafficType type, Instant now) {
        byte[] body = FlowStatisticRequest.of(region, call.window(), call.step(), type, now).toJson();
        return exchange.send(SOURCE, () -> signedRequest(body),
                response -> FlowStatisticReader.read(response, call.window(), call.step(), type.metric()));
    }

    /**
     * Reads one recorded GetFlowStatisticByRegion body for {@code metric} of {@code call} as a 200 answer is read,
     * without the network: for benchmarks and for replaying recorded answers. A body the adapter refuses is an
     * {@link IllegalArgumentException} saying why.
     */
    public static Function<byte[], TrafficSeries> bodyReader(PlannedCall call, Metric metric) {
        if (!(call.resource() instanceof TencentMnaRegion) || !call.metrics().contains(metric)
                || TrafficType.of(metric).isEmpty()) {
            throw new IllegalArgumentException(SOURCE.id() + " reads " + SOURCE.limits().metrics()
                    + " of a TencentMnaRegion, and the metric must be one of the call's; got " + metric + " of "
                    + call.resource());
        }
        return body -> Attempt.valueOf(FlowStatisticReader.read(200, body, call.window(), call.step(), metric))
                .series();
    }

    /** Called for every attempt, so a retry carries a fresh timestamp; the vendor refuses one 5 minutes old. */
    private HttpRequest.Builder signedRequest(byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(apiUri)
                .header("Content-Type", CONTENT_TYPE)
                .header("X-TC-Action", ACTION)
                .header("X-TC-Version", VERSION)
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("Authorization", signer.authorization(settings.hostHeader(), CONTENT_TYPE, body, timestamp))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** All metrics, or the first failure in the source's metric order. */
    private static Either<SourceFailure, SourceAnswer> answer(List<Either<SourceFailure, MetricReading>> readings) {
        List<TrafficSeries> series = new ArrayList<>();
        List<VendorFigure> figures = new ArrayList<>();
        for (Either<SourceFailure, MetricReading> reading : readings) {
            if (reading.isLeft()) {
                return Either.left(reading.getLeft());
            }
            series.add(reading.get().series());
            figures.addAll(reading.get().figures());
        }
        return Either.right(new SourceAnswer(series, figures));
    }

    private static SourceAnswer nothingYet(PlannedCall call) {
        List<TrafficSeries> series = new ArrayList<>();
        for (Metric metric : SOURCE.limits().metrics()) {
            if (call.metrics().contains(metric)) {
                series.add(TrafficSeries.empty(metric, call.window(), call.step()));
            }
        }
        return new SourceAnswer(series, List.of());
    }

    /** A call the planner should never have made: reported as a value, as the port asks, not thrown. */
    private static CompletionStage<Either<SourceFailure, SourceAnswer>> refuse(String message) {
        SourceFailure failure = SourceFailure.of(ErrorKind.VENDOR_ERROR, SOURCE, message);
        return CompletableFuture.completedFuture(Either.left(failure));
    }

    @Override
    public String toString() {
        return "TencentMnaTrafficSource[" + SOURCE.vendor() + " " + SOURCE.api() + " at " + settings.endpoint() + "]";
    }
}
