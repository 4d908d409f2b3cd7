package dev.trafficlens.sandbox.qingcloud;

import dev.trafficlens.sandbox.SandboxContext;
import dev.trafficlens.sandbox.SandboxRequest;
import dev.trafficlens.sandbox.SandboxResponse;
import dev.trafficlens.sandbox.VendorSimulator;
import dev.trafficlens.sandbox.qingcloud.WanMonitorQuery.Meter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * QingCloud IaaS {@code GetWanMonitor} at {@code GET /iaas/} (or a form {@code POST}; any path ending in
 * {@code /iaas/}): verifies signature version 1 and the 60-second {@code time_stamp} window, checks the documented
 * parameters, and serves the {@link dev.trafficlens.sandbox.TrafficModel} traffic as compressed {@code [in, out]}
 * series. Errors come as the vendor sends them: HTTP 200 with {@code ret_code} and {@code message}. The
 * sandbox-only header {@code X-Sandbox-Scenario} ({@link SandboxScenario}) sets up what the traffic cannot show.
 */
public final class QingCloudSimulator implements VendorSimulator {

    /** The one action simulated. */
    public static final String GET_WAN_MONITOR = "GetWanMonitor";

    /** The vendor documents no span limit; one answer is capped so a typo cannot ask for millions of points. */
    static final int MAX_POINTS_PER_METER = 10_000;

    /** QingCloud refuses a {@code time_stamp} further than this from its clock (ret_code 1300). */
    static final Duration TIME_STAMP_TOLERANCE = Duration.ofSeconds(60);

    private static final Pattern TIME_STAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOCUMENTATION_EXAMPLE = resource("get-wan-monitor-documentation-example.json");

    @Override
    public Optional<String> apiOf(SandboxRequest request) {
        if (!isIaasPath(request.path())) {
            return Optional.empty();
        }
        String action = RequestParameters.read(request).parameters().map(parameters -> parameters.get("action"))
                .orElse(null);
        return Optional.of(action == null || action.isBlank() ? "(no action)" : action);
    }

    @Override
    public String resourceIdOf(SandboxRequest request) {
        return RequestParameters.resourceOf(request);
    }

    @Override
    public SandboxResponse handle(SandboxRequest request, SandboxContext context) {
        try {
            return answer(request, context);
        } catch (Refusal refusal) {
            return refusal.error().toResponse();
        }
    }

    /** QingCloud's own throttling answer: the API request quota (counted per day) is used up. */
    @Override
    public SandboxResponse throttled(SandboxRequest request) {
        return IaasError.quotaExceeded().toResponse();
    }

    @Override
    public SandboxResponse serverError(SandboxRequest request) {
        return IaasError.internal().toResponse();
    }

    static boolean isIaasPath(String path) {
        return path != null && path.endsWith("/iaas/");
    }

    private static SandboxResponse answer(SandboxRequest request, SandboxContext context) {
        if (!request.method().equals("GET") && !request.method().equals("POST")) {
            return new IaasError(1101, "InvalidRequestMethod, use GET or POST, got " + request.method()).toResponse();
        }
        RequestParameters.Result read = RequestParameters.read(request);
        if (read.problem().isPresent()) {
            throw WanMonitorQuery.refused(read.problem().get());
        }
        RequestParameters parameters = read.parameters().orElseThrow();
        SandboxScenario scenario = SandboxScenario.parse(request.header(SandboxScenario.HEADER));
        authenticate(request, parameters, context);
        String action = required(parameters, "action");
        if (!action.equals(GET_WAN_MONITOR)) {
            throw WanMonitorQuery.refused("action [" + action + "] is not simulated: the sandbox serves "
                    + GET_WAN_MONITOR);
        }
        if (scenario.httpStatus().isPresent()) {
            return new SandboxResponse(scenario.httpStatus().get(), Map.of(), new byte[0]);
        }
        scenario.error(parameters.get("resource")).ifPresent(error -> {
            throw new Refusal(error);
        });
        WanMonitorQuery query = WanMonitorQuery.parse(parameters);
        if (SandboxContext.isUnknown(query.resource()) || scenario.unknownResources().contains(query.resource())) {
            throw new Refusal(IaasError.resourceNotFound(query.resource()));
        }
        if (scenario.documentationExample()) {
            return SandboxResponse.json(200, DOCUMENTATION_EXAMPLE);
        }
        long slots = query.slotCount();
        if (slots > MAX_POINTS_PER_METER) {
            throw WanMonitorQuery.refused("the window from start_time to end_time holds " + slots + " points at step "
                    + query.stepLabel() + "; the sandbox serves at most " + MAX_POINTS_PER_METER
                    + " per meter: use a shorter window or a coarser step");
        }
        return SandboxResponse.json(200, JSON.writeValueAsString(body(query, (int) slots, context, scenario)));
    }

    /** Common parameters, then key id, signature and time, in that order: the first failure is the answer. */
    private static void authenticate(SandboxRequest request, RequestParameters parameters, SandboxContext context) {
        String accessKeyId = required(parameters, "access_key_id");
        String signature = required(parameters, "signature");
        String signatureMethod = required(parameters, "signature_method");
        if (!SignatureV1.METHODS.containsKey(signatureMethod)) {
            throw WanMonitorQuery.refused("the value of parameter [signature_method] should be one of "
                    + "[HmacSHA256, HmacSHA1], got [" + signatureMethod + "]");
        }
        String signatureVersion = required(parameters, "signature_version");
        if (!signatureVersion.equals("1")) {
            throw WanMonitorQuery.refused("the value of parameter [signature_version] should be 1, got ["
                    + signatureVersion + "]");
        }
        String version = required(parameters, "version");
        if (!version.equals("1")) {
            throw WanMonitorQuery.refused("the value of parameter [version] should be 1, got [" + version + "]");
        }
        Instant timeStamp = timeStamp(required(parameters, "time_stamp"));
        if (!accessKeyId.equals(context.credentials().accessKeyId())) {
            throw new Refusal(IaasError.unknownAccessKey(accessKeyId));
        }
        String stringToSign = SignatureV1.stringToSign(request.method(), request.path(), parameters.all());
        if (!SignatureV1.matches(signatureMethod, context.credentials().accessKeySecret(), stringToSign, signature)) {
            throw new Refusal(IaasError.signatureNotMatched());
        }
        Duration skew = Duration.between(context.clock().instant(), timeStamp).abs();
        if (skew.compareTo(TIME_STAMP_TOLERANCE) > 0) {
            throw new Refusal(IaasError.expired());
        }
    }

    private static Instant timeStamp(String value) {
        if (TIME_STAMP.matcher(value).matches()) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException impossibleDate) {
                // falls through to the refusal below
            }
        }
        throw WanMonitorQuery.refused("the value of parameter [time_stamp] should be a UTC time such as "
                + "2013-08-27T14:30:10Z, got [" + value + "]");
    }

    private static String required(RequestParameters parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw new Refusal(IaasError.missingParameter(name));
        }
        return value;
    }

    private static String resource(String name) {
        try (InputStream in = QingCloudSimulator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + QingCloudSimulator.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static ObjectNode body(WanMonitorQuery query, int slots, SandboxContext context, SandboxScenario scenario) {
        JsonNodeFactory json = JSON.getNodeFactory();
        ObjectNode body = json.objectNode();
        body.put("action", GET_WAN_MONITOR + "Response");
        ArrayNode meterSet = body.putArray("meter_set");
        for (Meter meter : query.meters()) {
            ObjectNode entry = meterSet.addObject();
            entry.set("data", CompressedSeries.encode(json, query.firstSlot(), query.stepSeconds(),
                    WanSamples.of(context.traffic(), query.resource(), meter, query.stepSeconds(), query.firstSlot(),
                            slots, scenario::omits)));
            entry.put("meter_id", meter.id);
        }
        body.put("ret_code", 0);
        body.put("resource_id", query.resource());
        return body;
    }
}
