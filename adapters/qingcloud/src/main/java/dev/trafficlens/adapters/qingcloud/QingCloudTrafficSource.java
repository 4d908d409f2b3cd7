package dev.trafficlens.adapters.qingcloud;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.adapters.support.VendorExchange;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.control.Either;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The outbound port for QingCloud SD-WAN access points: each planned call becomes one signed GetWanMonitor request
 * for the meters it needs (traffic, flow, pps), and the compressed answer becomes one series per requested metric.
 */
public final class QingCloudTrafficSource implements TrafficSource {

    /** The API path under the endpoint; QingCloud signs it with its trailing slash. */
    static final String PATH = "/iaas/";

    private final QingCloudConfig config;
    private final VendorExchange exchange;
    private final QingCloudSigner signer;
    private final URI api;

    public QingCloudTrafficSource(QingCloudConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.exchange = new VendorExchange(config.httpSettings(), "qingcloud:" + config.accessKeyId(), config.clock());
        this.signer = new QingCloudSigner(config.secretAccessKey());
        this.api = config.httpSettings().resolve(PATH);
    }

    @Override
    public Set<Source> sources() {
        return Set.of(Source.QINGCLOUD_WAN);
    }

    @Override
    public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
        // The planner never asks for these; a library user calling the adapter directly gets a value, not a throw.
        if (!(call.resource() instanceof QingCloudWanAccess)) {
            return refuse(call.source(), "the QingCloud adapter serves only QingCloudWanAccess resources, got "
                    + call.resource().source().id());
        }
        Set<Metric> served = Source.QINGCLOUD_WAN.limits().metrics();
        if (!served.containsAll(call.metrics())) {
            return refuse(Source.QINGCLOUD_WAN, Source.QINGCLOUD_WAN.id() + " serves " + served + ", the call asked for "
                    + call.metrics());
        }
        Map<String, String> parameters = GetWanMonitorRequest.parameters(call);
        GetWanMonitorReader reader = new GetWanMonitorReader(call);
        return exchange.send(Source.QINGCLOUD_WAN, signedRequest(parameters), reader::interpret);
    }

    /**
     * Reads one recorded GetWanMonitor body of {@code call} as a 200 answer is read, without the network: for
     * benchmarks and for replaying recorded answers. A body the adapter refuses is an {@link IllegalArgumentException}
     * saying why.
     */
    public static Function<byte[], SourceAnswer> bodyReader(PlannedCall call) {
        if (!(call.resource() instanceof QingCloudWanAccess)
                || !Source.QINGCLOUD_WAN.limits().metrics().containsAll(call.metrics())) {
            throw new IllegalArgumentException(Source.QINGCLOUD_WAN.id() + " reads "
                    + Source.QINGCLOUD_WAN.limits().metrics() + " of a QingCloudWanAccess, got " + call.metrics()
                    + " of " + call.resource());
        }
        GetWanMonitorReader reader = new GetWanMonitorReader(call);
        return body -> Attempt.valueOf(reader.read(200, body));
    }

    private static CompletionStage<Either<SourceFailure, SourceAnswer>> refuse(Source source, String message) {
        return CompletableFuture.completedFuture(Either.left(SourceFailure.of(ErrorKind.VENDOR_ERROR, source, message)));
    }

    /** Builds the request anew for every attempt, so each retry carries a fresh time_stamp and signature. */
    private Supplier<HttpRequest.Builder> signedRequest(Map<String, String> parameters) {
        Clock clock = config.clock();
        return () -> {
            Map<String, String> signed = new HashMap<>(parameters);
            signed.put("access_key_id", config.accessKeyId());
            signed.put("signature_method", "HmacSHA256");
            signed.put("signature_version", "1");
            signed.put("version", "1");
            signed.put("time_stamp", GetWanMonitorRequest.utc(clock.instant()));
            String query = signer.signedQuery(api.getRawPath(), signed);
            return HttpRequest.newBuilder(URI.create(api + "?" + query))
                    .GET()
                    .header("Accept", "application/json");
        };
    }

    @Override
    public String toString() {
        return "QingCloudTrafficSource[" + Source.QINGCLOUD_WAN.vendor() + " " + Source.QINGCLOUD_WAN.api() + " at "
                + config.endpoint() + "]";
    }
}
