package dev.trafficlens.adapters.zenlayer;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.adapters.support.HttpSettings;
import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.adapters.support.VendorExchange;
import dev.trafficlens.adapters.support.VendorResponses;
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
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;

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
        return exchange.send(call.source(), () -> signed(request), response -> interpret(call, request, response));
    }

    private static CompletionStage<Either<SourceFailure, SourceAnswer>> refuse(Source source, String message) {
        return CompletableFuture.completedFuture(Either.left(SourceFailure.of(ErrorKind.VENDOR_ERROR, source, message)));
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

    private Attempt<SourceAnswer> interpret(
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
            Either<String, SourceAnswer> answer = ZenlayerTrafficDecoder.decode(call, response);
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

    @Override
    public String toString() {
        return "ZenlayerTrafficSource[Zenlayer sdn at " + config.endpoint() + "]";
    }
}
