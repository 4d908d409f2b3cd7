package dev.trafficlens.adapters.zenlayer;

import dev.trafficlens.adapters.support.HttpSettings;
import dev.trafficlens.adapters.support.VendorExchange;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.control.Either;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The Zenlayer adapter of the outbound port: reads private connect and cloud router data-centre-pair bit rates from
 * Zenlayer Cloud API 2.0 (sdn, version 2023-08-30) with ZC2-HMAC-SHA256 signed POSTs.
 */
public final class ZenlayerTrafficSource implements TrafficSource {

    static final String PATH = "/api/v2/sdn";
    /** Sent and signed verbatim; the vendor's own signing example uses this exact value. */
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    static final String API_VERSION = "2023-08-30";
    static final String SERVICE = "sdn";

    private static final Set<Source> SOURCES = Set.of(Source.ZENLAYER_PRIVATE_CONNECT, Source.ZENLAYER_CLOUD_ROUTER);

    private final ZenlayerConfig config;
    private final VendorExchange exchange;
    private final URI uri;
    private final String host;

    public ZenlayerTrafficSource(ZenlayerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        HttpSettings settings = config.httpSettings();
        this.exchange = new VendorExchange(settings, "zenlayer:" + config.accessKeyId(), config.clock());
        this.uri = settings.resolve(PATH);
        // The JDK client sends host[:port] of the URI as Host and will not let us set it; sign exactly that.
        this.host = settings.hostHeader();
    }

    @Override
    public Set<Source> sources() {
        return SOURCES;
    }

    @Override
    public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
        // The planner never asks for these; a library user calling the adapter directly gets a value, not a throw.
        if (!SOURCES.contains(call.source())) {
            return refuse(call.source(), "the Zenlayer adapter serves zenlayer.private-connect and "
                    + "zenlayer.cloud-router, not " + call.source().id());
        }
        Set<Metric> served = call.source().limits().metrics();
        if (!served.containsAll(call.metrics())) {
            return refuse(call.source(), call.source().id() + " serves " + served + ", the call asked for "
                    + call.metrics());
        }
        ZenlayerTrafficRequest request = ZenlayerTrafficRequest.of(call.resource(), call.window());
        return exchange.send(call.source(), () -> signed(request), response -> ZenlayerTrafficReader.interpret(call, request, response));
    }

    private static CompletionStage<Either<SourceFailure, SourceAnswer>> refuse(Source source, String message) {
        return CompletableFuture.completedFuture(Either.left(SourceFailure.of(ErrorKind.VENDOR_ERROR, source, message)));
    }

    /**
     * Reads one recorded 200 body of {@code call}'s API as this adapter reads it, without the network: for benchmarks
     * and for replaying recorded answers. A body the adapter refuses is an {@link IllegalArgumentException} saying why.
     */
    public static Function<byte[], SourceAnswer> bodyReader(PlannedCall call) {
        if (!SOURCES.contains(call.source())) {
            throw new IllegalArgumentException("the Zenlayer adapter serves zenlayer.private-connect and "
                    + "zenlayer.cloud-router, not " + call.source().id());
        }
        return body -> ZenlayerTrafficReader.readBody(call, body).getOrElseThrow((String problem) -> new IllegalArgumentException(problem));
    }

    /** The request for one attempt, signed with the clock's time now so a retry is never refused as stale. */
    private HttpRequest.Builder signed(ZenlayerTrafficRequest request) {
        long timestamp = config.clock().instant().getEpochSecond();
        ZenlayerSigner.Signature signature =
                ZenlayerSigner.sign(CONTENT_TYPE, host, request.body(), timestamp, config.accessKeyPassword());
        return HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
                .header("Content-Type", CONTENT_TYPE)
                .header("X-ZC-Action", request.action())
                .header("X-ZC-Version", API_VERSION)
                .header("X-ZC-Service", SERVICE)
                .header("X-ZC-Timestamp", Long.toString(timestamp))
                .header("X-ZC-Signature-Method", ZenlayerSigner.ALGORITHM)
                .header("Authorization", signature.authorization(config.accessKeyId()));
    }

    @Override
    public String toString() {
        return "ZenlayerTrafficSource[Zenlayer sdn at " + config.endpoint() + "]";
    }
}
