package dev.trafficlens.adapters.tencentvpc;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.adapters.support.VendorExchange;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.control.Either;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Tencent Cloud VPN tunnel bit rates through the legacy v2 API DescribeVpnConnMonitor: the outbound-port adapter for
 * {@link Source#TENCENT_VPN_CONNECTION}. One signed GET per metric, sent concurrently; values are positional, one
 * per five minutes from {@code starttime}.
 */
public final class TencentVpcTrafficSource implements TrafficSource {

    private static final Source SOURCE = Source.TENCENT_VPN_CONNECTION;

    private final TencentVpcConfig config;
    private final VendorExchange exchange;
    private final URI monitorUri;

    public TencentVpcTrafficSource(TencentVpcConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.exchange = new VendorExchange(config.httpSettings(), "tencent-vpc:" + config.secretId(), config.clock());
        this.monitorUri = exchange.settings().resolve(VpnConnMonitorRequest.PATH);
    }

    @Override
    public Set<Source> sources() {
        return Set.of(SOURCE);
    }

    @Override
    public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
        Optional<SourceFailure> refusal = refusal(call);
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(Either.left(refusal.get()));
        }
        TencentVpnConnection connection = (TencentVpnConnection) call.resource();
        // Both directions go out at once; the answer waits for both, so a failure is reported in a stable order.
        List<CompletableFuture<Either<SourceFailure, TrafficSeries>>> fetches = Arrays.stream(VpnMonitorMetric.values())
                .filter(metric -> call.metrics().contains(metric.metric()))
                .map(metric -> fetchSeries(new VpnConnMonitorRequest(connection, metric, call.window()), call.step()))
                .toList();
        return CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new))
                .thenApply(allDone -> combine(fetches));
    }

    private CompletableFuture<Either<SourceFailure, TrafficSeries>> fetchSeries(
            VpnConnMonitorRequest request, Step step) {
        VpnConnMonitorReader reader = new VpnConnMonitorReader(subject(request));
        return exchange.send(SOURCE, () -> signed(request), reader::interpret)
                .thenApply(reply -> reply.map(values -> series(request, step, values)));
    }

    /** Called for every attempt, so each carries the clock's current time and a fresh nonce. */
    private HttpRequest.Builder signed(VpnConnMonitorRequest request) {
        URI uri = request.signedUri(monitorUri, exchange.settings().hostHeader(), config.secretId(), config.secretKey(),
                config.clock().instant().getEpochSecond(), config.nonceSource().getAsInt());
        return HttpRequest.newBuilder(uri).GET().header("Accept", "application/json");
    }

    /**
     * Reads one recorded DescribeVpnConnMonitor body for {@code metric} of {@code call} as a 200 answer is read,
     * without the network: for benchmarks and for replaying recorded answers. A body the adapter refuses, or a call
     * it would not send, is an {@link IllegalArgumentException} saying why.
     */
    public static Function<byte[], TrafficSeries> bodyReader(PlannedCall call, Metric metric) {
        Optional<SourceFailure> refusal = refusal(call);
        if (refusal.isPresent()) {
            throw new IllegalArgumentException(refusal.get().message());
        }
        VpnMonitorMetric asked = VpnMonitorMetric.of(metric).filter(each -> call.metrics().contains(metric))
                .orElseThrow(() -> new IllegalArgumentException("metric " + metric + " is not among the call's "
                        + call.metrics()));
        VpnConnMonitorRequest request = new VpnConnMonitorRequest((TencentVpnConnection) call.resource(), asked,
                call.window());
        VpnConnMonitorReader reader = new VpnConnMonitorReader(subject(request));
        return body -> series(request, call.step(), Attempt.valueOf(reader.read(200, body)));
    }

    /** Places the positional values on the call's grid: value i labels starttime + 5·i minutes. */
    static TrafficSeries series(VpnConnMonitorRequest request, Step step, VpnConnMonitorReply reply) {
        TimeWindow window = request.window();
        TrafficSeries.Builder series = TrafficSeries.builder(request.metric().metric(), window, step);
        double[] values = reply.bitsPerSecond();
        for (int i = 0; i < values.length; i++) {
            // Values past the window (the vendor may add one labelled endtime) were not asked for.
            if (!series.put(window.from().plusSeconds(i * VpnConnMonitorReply.SLOT_SECONDS), values[i])) {
                break;
            }
        }
        return series.build();
    }

    private static Either<SourceFailure, SourceAnswer> combine(
            List<CompletableFuture<Either<SourceFailure, TrafficSeries>>> fetches) {
        List<TrafficSeries> series = new ArrayList<>();
        for (CompletableFuture<Either<SourceFailure, TrafficSeries>> fetch : fetches) {
            Either<SourceFailure, TrafficSeries> outcome = fetch.join();
            if (outcome.isLeft()) {
                return Either.left(outcome.getLeft());
            }
            series.add(outcome.get());
        }
        return Either.right(new SourceAnswer(series, List.of()));
    }

    /** What this adapter refuses to send; the planner never asks for it, so each is a caller's mistake. */
    private static Optional<SourceFailure> refusal(PlannedCall call) {
        if (!(call.resource() instanceof TencentVpnConnection connection)) {
            return Optional.of(SourceFailure.of(ErrorKind.VENDOR_ERROR, call.source(), call.source().id()
                    + ": the Tencent VPC adapter serves only TencentVpnConnection resources, got " + call.resource()));
        }
        String who = SOURCE.id() + " (VPN connection " + connection.vpnConnId() + " in " + connection.region() + ")";
        Set<Metric> served = SOURCE.limits().metrics();
        if (!served.containsAll(call.metrics())) {
            return Optional.of(SourceFailure.of(ErrorKind.VENDOR_ERROR, SOURCE, who + ": DescribeVpnConnMonitor serves "
                    + served + " only, the call asked for " + call.metrics()));
        }
        if (!call.step().equals(Step.FIVE_MINUTES)) {
            return Optional.of(SourceFailure.of(ErrorKind.VENDOR_ERROR, SOURCE, who
                    + ": DescribeVpnConnMonitor returns 5-minute values only, the call asked for step " + call.step()));
        }
        Duration span = call.window().span();
        Duration longest = SOURCE.limits().maxSpanPerCall();
        if (span.compareTo(longest) > 0) {
            // The vendor would not refuse: it silently moves starttime to endtime - 2 days, so the earlier data would
            // be missing without a word, and the positional values would be placed from the wrong start.
            return Optional.of(SourceFailure.of(ErrorKind.VENDOR_ERROR, SOURCE, who + ": the window " + call.window()
                    + " spans " + span.toHours() + " h, more than the " + longest.toHours()
                    + " h DescribeVpnConnMonitor answers in one call; the window must be split into calls of at most "
                    + longest.toDays() + " days"));
        }
        return Optional.empty();
    }

    private static String subject(VpnConnMonitorRequest request) {
        TencentVpnConnection connection = request.connection();
        return "VPN connection " + connection.vpnConnId() + " in " + connection.region() + ", "
                + request.metric().wireName();
    }

    @Override
    public String toString() {
        return "TencentVpcTrafficSource[" + SOURCE.vendor() + " " + SOURCE.api() + " at " + config.endpoint() + "]";
    }
}
