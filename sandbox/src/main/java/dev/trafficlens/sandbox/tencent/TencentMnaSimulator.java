package dev.trafficlens.sandbox.tencent;

import dev.trafficlens.sandbox.SandboxContext;
import dev.trafficlens.sandbox.SandboxRequest;
import dev.trafficlens.sandbox.SandboxResponse;
import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.VendorSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tencent Cloud API 3.0 {@code mna} {@code GetFlowStatisticByRegion} (version 2021-01-19) at {@code POST /} with
 * {@code X-TC-Action}: TC3-HMAC-SHA256 over the Host received, 5 minutes of timestamp skew, the API's parameters,
 * 7 days a call, 30 days kept, no future EndTime, and bytes per bucket (hour, day, minute or 5 minutes) with a bucket
 * that holds no sample left out. Every answer is HTTP 200 in the {@code {"Response":{...,"RequestId"}}} envelope, with
 * {@code Error} on failure. There is no resource id but the gateway type and access region, so the traffic and the
 * fault rules name {@code mna-<GatewayType>-<AccessRegion, or ALL>}. The sandbox-only header
 * {@code X-Sandbox-Scenario} ({@link SandboxScenario}) sets up what the traffic cannot show.
 */
public final class TencentMnaSimulator implements VendorSimulator {

    static final String SERVICE = "mna";
    static final String ACTION = "GetFlowStatisticByRegion";
    static final String VERSION = "2021-01-19";

    private static final long ALLOWED_SKEW_SECONDS = 300;
    private static final long SLOT = TrafficModel.SLOT_SECONDS;
    private static final Duration LONGEST_SPAN = Duration.ofDays(7);
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Set<String> ACCESS_REGIONS = Set.of("MC", "AP", "EU", "AM");
    private static final Set<String> PARAMETERS =
            Set.of("BeginTime", "EndTime", "Type", "TimeGranularity", "GatewayType", "AccessRegion");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(\\S+)\\s+Credential=([^/,\\s]+)/([^/,\\s]+)/([^/,\\s]+)/([^/,\\s]+),\\s*SignedHeaders=([^,\\s]+),"
                    + "\\s*Signature=([0-9A-Fa-f]+)\\s*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Optional<String> apiOf(SandboxRequest request) {
        String action = request.header("x-tc-action");
        if (!request.method().equals("POST") || !request.path().equals("/") || action == null) {
            return Optional.empty();
        }
        return Optional.of(action);
    }

    @Override
    public String resourceIdOf(SandboxRequest request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            JsonNode gatewayType = body.get("GatewayType");
            if (gatewayType == null || !gatewayType.isIntegralNumber()) {
                return "";
            }
            JsonNode region = body.get("AccessRegion");
            return resourceId(gatewayType.asLong(), region == null || region.isNull() ? "" : region.asString());
        } catch (JacksonException | UnsupportedOperationException unreadable) {
            return "";
        }
    }

    @Override
    public SandboxResponse handle(SandboxRequest request, SandboxContext context) {
        String requestId = requestIdOf(request);
        long now = context.clock().instant().getEpochSecond();
        Optional<SandboxResponse> refused = authenticate(request, context, now, requestId);
        if (refused.isPresent()) {
            return refused.get();
        }
        String version = request.header("x-tc-version");
        if (version == null || version.isEmpty()) {
            return error("MissingParameter", "The request is missing the common parameter `Version`.", requestId);
        }
        if (!version.equals(VERSION)) {
            return error("NoSuchVersion", "The mna API has no version " + version + "; use " + VERSION + ".",
                    requestId);
        }
        String action = request.header("x-tc-action");
        if (!action.equals(ACTION)) {
            return error("InvalidAction", "The mna API " + VERSION + " has no action `" + action
                    + "` here: only " + ACTION + " is simulated.", requestId);
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (JacksonException notJson) {
            return error("InvalidParameter", "The request body is not valid JSON.", requestId);
        }
        if (body == null || !body.isObject()) {
            return error("InvalidParameter", "The request body must be a JSON object.", requestId);
        }
        SandboxScenario scenario;
        try {
            scenario = SandboxScenario.parse(request.header(SandboxScenario.HEADER));
        } catch (IllegalArgumentException badScenario) {
            return error("InvalidParameter", badScenario.getMessage(), requestId);
        }
        return flowStatistic(body, context, now, scenario, requestId);
    }

    @Override
    public SandboxResponse throttled(SandboxRequest request) {
        return error("RequestLimitExceeded",
                "Your requests exceed the frequency limit of this API (20 per second); try again later.",
                requestIdOf(request));
    }

    @Override
    public SandboxResponse serverError(SandboxRequest request) {
        return error("InternalError", "An internal error occurred; try again later.", requestIdOf(request));
    }

    private static Optional<SandboxResponse> authenticate(
            SandboxRequest request, SandboxContext context, long now, String requestId) {
        String authorization = request.header("authorization");
        if (authorization == null || authorization.isEmpty()) {
            return Optional.of(error("AuthFailure.InvalidAuthorization",
                    "The Authorization header is missing.", requestId));
        }
        Matcher parts = AUTHORIZATION.matcher(authorization);
        if (!parts.matches() || !parts.group(1).equals(Tc3Signature.ALGORITHM)) {
            return Optional.of(error("AuthFailure.InvalidAuthorization", "The Authorization header must read "
                    + "`TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, "
                    + "SignedHeaders=<names>, Signature=<hex>`.", requestId));
        }
        String timestampText = request.header("x-tc-timestamp");
        if (timestampText == null || timestampText.isEmpty()) {
            return Optional.of(error("MissingParameter",
                    "The request is missing the common parameter `Timestamp` (X-TC-Timestamp).", requestId));
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText);
        } catch (NumberFormatException notANumber) {
            return Optional.of(error("InvalidParameter",
                    "X-TC-Timestamp must be Unix seconds, got " + timestampText + ".", requestId));
        }
        if (Math.abs(now - timestamp) > ALLOWED_SKEW_SECONDS) {
            return Optional.of(error("AuthFailure.SignatureExpire", "The signature has expired: X-TC-Timestamp "
                    + timestamp + " is more than 5 minutes from the server time " + now + ".", requestId));
        }
        String secretId = parts.group(2);
        if (!context.credentials().accessKeyId().equals(secretId)) {
            return Optional.of(error("AuthFailure.SecretIdNotFound",
                    "The SecretId " + secretId + " does not exist.", requestId));
        }
        String date = Tc3Signature.dateOf(timestamp);
        String scope = parts.group(3) + "/" + parts.group(4) + "/" + parts.group(5);
        if (!scope.equals(Tc3Signature.credentialScope(date, SERVICE))) {
            return Optional.of(error("AuthFailure.SignatureFailure", "The credential scope " + scope
                    + " does not match " + Tc3Signature.credentialScope(date, SERVICE)
                    + " (the UTC date of X-TC-Timestamp, the service mna).", requestId));
        }
        Optional<String> canonicalHeaders = canonicalHeaders(request, parts.group(6));
        if (canonicalHeaders.isEmpty()) {
            return Optional.of(error("AuthFailure.SignatureFailure", "SignedHeaders must name content-type and "
                    + "host, in order, each sent with the request; got " + parts.group(6) + ".", requestId));
        }
        String unsigned = request.header("x-tc-content-sha256");
        String payloadHash = "UNSIGNED-PAYLOAD".equals(unsigned) ? unsigned : Tc3Signature.sha256Hex(request.body());
        String canonicalRequest = Tc3Signature.canonicalRequest(request.method(), "/",
                request.rawQuery() == null ? "" : request.rawQuery(), canonicalHeaders.get(), parts.group(6),
                payloadHash);
        String expected = Tc3Signature.signature(
                Tc3Signature.signingKey(context.credentials().accessKeySecret(), date, SERVICE),
                Tc3Signature.stringToSign(timestamp, Tc3Signature.credentialScope(date, SERVICE), canonicalRequest));
        if (!Tc3Signature.matches(expected, parts.group(7))) {
            return Optional.of(error("AuthFailure.SignatureFailure",
                    "The provided credentials could not be validated: the signature does not match.", requestId));
        }
        return Optional.empty();
    }

    /** {@code name:value\n} per signed header, names lower case in ascending order, values trimmed and lower case. */
    private static Optional<String> canonicalHeaders(SandboxRequest request, String signedHeaders) {
        List<String> names = List.of(signedHeaders.split(";"));
        if (!names.contains("content-type") || !names.contains("host")
                || !names.equals(names.stream().sorted().distinct().toList())) {
            return Optional.empty();
        }
        StringBuilder lines = new StringBuilder();
        for (String name : names) {
            String value = request.header(name);
            if (value == null || !name.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            lines.append(name).append(':').append(value.trim().toLowerCase(Locale.ROOT)).append('\n');
        }
        return Optional.of(lines.toString());
    }

    private static SandboxResponse flowStatistic(
            JsonNode body, SandboxContext context, long now, SandboxScenario scenario, String requestId) {
        for (String name : body.propertyNames()) {
            if (!PARAMETERS.contains(name)) {
                return error("UnknownParameter", "The parameter `" + name + "` is not recognized.", requestId);
            }
        }
        Long[] values = new Long[5];
        String[] names = {"BeginTime", "EndTime", "Type", "TimeGranularity", "GatewayType"};
        for (int i = 0; i < names.length; i++) {
            JsonNode value = body.get(names[i]);
            if (value == null || value.isNull()) {
                return error("MissingParameter",
                        "The request is missing a required parameter `" + names[i] + "`.", requestId);
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                return error("InvalidParameter",
                        "The parameter `" + names[i] + "` must be an Integer, got " + value + ".", requestId);
            }
            values[i] = value.longValue();
        }
        long begin = values[0];
        long end = values[1];
        long type = values[2];
        long granularity = values[3];
        long gatewayType = values[4];
        JsonNode regionNode = body.get("AccessRegion");
        if (regionNode != null && !regionNode.isNull() && !regionNode.isString()) {
            return error("InvalidParameter", "The parameter `AccessRegion` must be a String.", requestId);
        }
        String region = regionNode == null || regionNode.isNull() ? "" : regionNode.stringValue();
        if (type < 1 || type > 3) {
            return error("InvalidParameterValue", "Type must be 1 (uplink), 2 (downlink) or 3 (both), got "
                    + type + ".", requestId);
        }
        if (granularity < 1 || granularity > 4) {
            return error("InvalidParameterValue", "TimeGranularity must be 1 (hour), 2 (day), 3 (minute) or "
                    + "4 (5 minutes), got " + granularity + ".", requestId);
        }
        if (gatewayType != 0 && gatewayType != 1) {
            return error("InvalidParameterValue", "GatewayType must be 0 (public cloud gateway) or 1 (private "
                    + "gateway), got " + gatewayType + ".", requestId);
        }
        if (SandboxContext.isUnknown(region)) {
            return error("ResourceNotFound", "The access region " + region + " has no gateways.", requestId);
        }
        if (!region.isEmpty() && !ACCESS_REGIONS.contains(region)) {
            return error("InvalidParameterValue", "AccessRegion must be MC, AP, EU or AM (or empty for all), got "
                    + region + ".", requestId);
        }
        if (begin >= end) {
            return error("InvalidParameterValue", "BeginTime must be before EndTime, got " + begin + " and "
                    + end + ".", requestId);
        }
        if (end > now) {
            return error("InvalidParameterValue.TimeFuture", "EndTime " + end + " is after the current time "
                    + now + ".", requestId);
        }
        if (begin < now - RETENTION.toSeconds()) {
            return error("InvalidParameterValue.TimeTooEarly", "BeginTime " + begin
                    + " is older than the 30 days of statistics kept.", requestId);
        }
        if (end - begin > LONGEST_SPAN.toSeconds()) {
            return error("InvalidParameterValue.TimeSpanExceeded", "EndTime - BeginTime must not exceed 7 days, got "
                    + (end - begin) + " seconds.", requestId);
        }
        String resourceId = resourceId(gatewayType, region);
        if (scenario.isUnknown(resourceId)) {
            return error("ResourceNotFound", "There are no gateways of type " + gatewayType + " in "
                    + (region.isEmpty() ? "any access region" : "the access region " + region) + ".", requestId);
        }
        if (scenario.documentationExample()) {
            List<Bucket> example = scenario.omits(DOCUMENTED_BUCKET.start()) ? List.of() : List.of(DOCUMENTED_BUCKET);
            return SandboxResponse.json(200, success(example, requestId));
        }
        Slots slots = new Slots(context.traffic(), scenario, resourceId, (int) type);
        return SandboxResponse.json(200, success(
                buckets(slots, bucketSeconds(granularity), begin, end, now), requestId));
    }

    /** One bucket of the answer: its start (epoch seconds) and the bytes moved in it. */
    private record Bucket(long start, double bytes) {
    }

    /** The API document's example answer: one bucket of 0 bytes, for {@code X-Sandbox-Scenario}. */
    private static final Bucket DOCUMENTED_BUCKET = new Bucket(1735259400L, 0);

    /**
     * Bytes of the five-minute slots of one resource and Type, as the scenario shows them: Type 1 is uplink (what
     * the customer sends: OUT), 2 downlink (IN), 3 both; NaN for a slot without a sample.
     */
    private record Slots(TrafficModel traffic, SandboxScenario scenario, String resourceId, int type) {

        double bytes(long slot) {
            double in = scenario.bitsPerSecond(traffic, resourceId, TrafficModel.Direction.IN, slot);
            double out = scenario.bitsPerSecond(traffic, resourceId, TrafficModel.Direction.OUT, slot);
            if (Double.isNaN(in) || Double.isNaN(out)) {
                return Double.NaN;
            }
            return (type == 1 ? 0 : in * SLOT / 8) + (type == 2 ? 0 : out * SLOT / 8);
        }
    }

    /**
     * Buckets on the UTC grid of their size, from the one holding BeginTime to the last starting before EndTime; a
     * bucket sums the 5-minute slots inside it that start before EndTime and have ended by now. A minute takes a fifth
     * of its slot. A bucket whose slots are all gaps is left out.
     */
    private static List<Bucket> buckets(Slots slots, long size, long begin, long end, long now) {
        List<Bucket> buckets = new ArrayList<>();
        for (long start = Math.floorDiv(begin, size) * size; start < end; start += size) {
            double bytes = 0;
            boolean sampled = false;
            if (size < SLOT) {
                double slot = slots.bytes(Math.floorDiv(start, SLOT) * SLOT);
                if (start + size <= now && !Double.isNaN(slot)) {
                    bytes = slot * size / SLOT;
                    sampled = true;
                }
            } else {
                for (long slot = start; slot < start + size && slot < end && slot + SLOT <= now; slot += SLOT) {
                    double moved = slots.bytes(slot);
                    if (!Double.isNaN(moved)) {
                        bytes += moved;
                        sampled = true;
                    }
                }
            }
            if (sampled) {
                buckets.add(new Bucket(start, bytes));
            }
        }
        return buckets;
    }

    private static long bucketSeconds(long granularity) {
        return switch ((int) granularity) {
            case 1 -> 3_600;
            case 2 -> 86_400;
            case 3 -> 60;
            default -> 300;
        };
    }

    /** MaxValue the largest bucket, TotalValue their sum, AvgValue the sum over the buckets present; 0 when none. */
    private static String success(List<Bucket> buckets, String requestId) {
        StringBuilder details = new StringBuilder();
        double max = 0;
        double total = 0;
        for (Bucket bucket : buckets) {
            if (details.length() > 0) {
                details.append(',');
            }
            details.append("{\"Current\":").append(JsonText.number(bucket.bytes()))
                    .append(",\"Time\":\"").append(bucket.start()).append("\"}");
            max = Math.max(max, bucket.bytes());
            total += bucket.bytes();
        }
        double average = buckets.isEmpty() ? 0 : total / buckets.size();
        return "{\"Response\":{\"NetDetails\":[" + details + "],\"MaxValue\":" + JsonText.number(max)
                + ",\"AvgValue\":" + JsonText.number(average) + ",\"TotalValue\":" + JsonText.number(total)
                + ",\"RequestId\":" + JsonText.string(requestId) + "}}";
    }

    static String resourceId(long gatewayType, String accessRegion) {
        return "mna-" + gatewayType + "-" + (accessRegion.isEmpty() ? "ALL" : accessRegion);
    }

    /** Derived from what the request asks, not from its signature or time: the same question, the same id. */
    private static String requestIdOf(SandboxRequest request) {
        String question = request.method() + " " + request.path() + "\n" + request.header("x-tc-action") + "\n"
                + request.header("x-tc-version") + "\n" + request.bodyText();
        return UUID.nameUUIDFromBytes(question.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static SandboxResponse error(String code, String message, String requestId) {
        return SandboxResponse.json(200, "{\"Response\":{\"Error\":{\"Code\":" + JsonText.string(code)
                + ",\"Message\":" + JsonText.string(message) + "},\"RequestId\":" + JsonText.string(requestId)
                + "}}");
    }
}
