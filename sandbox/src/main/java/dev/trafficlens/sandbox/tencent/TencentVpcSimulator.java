package dev.trafficlens.sandbox.tencent;

import dev.trafficlens.sandbox.SandboxContext;
import dev.trafficlens.sandbox.SandboxRequest;
import dev.trafficlens.sandbox.SandboxResponse;
import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.VendorSimulator;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tencent Cloud legacy API v2 {@code DescribeVpnConnMonitor} at {@code GET /v2/index.php} (or a form POST there):
 * signature v1 (HmacSHA1 or HmacSHA256) over the Host received, 5 minutes of timestamp skew, the API's parameters in
 * Beijing time, the silent clip of a span over 2 days, and a positional array of bit rates with {@code null} for a
 * slot without a sample. Every answer, errors included, is HTTP 200 with {@code {code, message, codeDesc}}; only
 * throttling is HTTP 429. The sandbox-only header {@code X-Sandbox-Scenario} ({@link SandboxScenario}) sets up what
 * the traffic cannot show.
 */
public final class TencentVpcSimulator implements VendorSimulator {

    static final String PATH = "/v2/index.php";
    static final String ACTION = "DescribeVpnConnMonitor";

    private static final long ALLOWED_SKEW_SECONDS = 300;
    private static final long SLOT = TrafficModel.SLOT_SECONDS;
    private static final Duration LONGEST_SPAN = Duration.ofDays(2);
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter BEIJING_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    /** The data of the API document's example response, for {@code X-Sandbox-Scenario}. */
    private static final long[] DOCUMENTED_EXAMPLE = {1221, 1212, 787};
    private static final List<String> COMMON_PARAMETERS =
            List.of("Action", "Region", "Timestamp", "Nonce", "SecretId", "Signature");

    @Override
    public Optional<String> apiOf(SandboxRequest request) {
        if (!PATH.equals(request.path())) {
            return Optional.empty();
        }
        String action = LegacyParameters.of(request).get("Action");
        return Optional.of(action == null || action.isBlank() ? ACTION : action);
    }

    /** The VPN connection asked about: {@code vpnConnId}, the id the traffic belongs to. */
    @Override
    public String resourceIdOf(SandboxRequest request) {
        return LegacyParameters.of(request).getOrDefault("vpnConnId", "");
    }

    @Override
    public SandboxResponse handle(SandboxRequest request, SandboxContext context) {
        if (!request.method().equals("GET") && !request.method().equals("POST")) {
            return error(4000, "InvalidParameter", "only GET and POST are accepted, got " + request.method());
        }
        Map<String, String> parameters = LegacyParameters.of(request);
        long now = context.clock().instant().getEpochSecond();
        Optional<SandboxResponse> refused = authenticate(request, parameters, context, now);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!ACTION.equals(parameters.get("Action"))) {
            return error(4000, "InvalidAction", "the vpc module has no action " + parameters.get("Action")
                    + " here: only " + ACTION + " is simulated");
        }
        SandboxScenario scenario;
        try {
            scenario = SandboxScenario.parse(request.header(SandboxScenario.HEADER));
        } catch (IllegalArgumentException badScenario) {
            return error(4000, "InvalidParameter", badScenario.getMessage());
        }
        return monitor(parameters, context, now, scenario);
    }

    /** HTTP 429 with {@code Retry-After}: the adapter retries it as throttling (the code 4400 alone it does not). */
    @Override
    public SandboxResponse throttled(SandboxRequest request) {
        return SandboxResponse.json(429, errorBody(4400, "RequestLimitExceeded",
                        "too many requests for this SecretId; retry after a second"))
                .withHeader("Retry-After", "1");
    }

    @Override
    public SandboxResponse serverError(SandboxRequest request) {
        return error(5100, "InternalError", "the monitoring service failed to answer; try again later");
    }

    private static Optional<SandboxResponse> authenticate(
            SandboxRequest request, Map<String, String> parameters, SandboxContext context, long now) {
        for (String name : COMMON_PARAMETERS) {
            String value = parameters.get(name);
            if (value == null || value.isEmpty()) {
                return Optional.of(error(4000, "MissingParameter", "the common parameter " + name + " is missing"));
            }
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(parameters.get("Timestamp"));
        } catch (NumberFormatException notANumber) {
            return Optional.of(error(4000, "InvalidParameter",
                    "Timestamp must be Unix seconds, got " + parameters.get("Timestamp")));
        }
        if (!parameters.get("Nonce").matches("[1-9][0-9]{0,9}")) {
            return Optional.of(error(4000, "InvalidParameter",
                    "Nonce must be a positive integer, got " + parameters.get("Nonce")));
        }
        if (Math.abs(now - timestamp) > ALLOWED_SKEW_SECONDS) {
            return Optional.of(error(4200, "RequestExpired", "the request has expired: Timestamp " + timestamp
                    + " is more than 5 minutes from the server time " + now));
        }
        if (!context.credentials().accessKeyId().equals(parameters.get("SecretId"))) {
            return Optional.of(error(4104, "AuthFailure.SecretIdNotFound",
                    "the SecretId " + parameters.get("SecretId") + " does not exist"));
        }
        Optional<LegacySignature.Algorithm> algorithm =
                LegacySignature.Algorithm.named(parameters.get("SignatureMethod"));
        if (algorithm.isEmpty()) {
            return Optional.of(error(4000, "InvalidParameter",
                    "SignatureMethod must be HmacSHA1 or HmacSHA256, got " + parameters.get("SignatureMethod")));
        }
        String host = request.header("host") == null ? "" : request.header("host");
        String expected = LegacySignature.sign(algorithm.get(), context.credentials().accessKeySecret(),
                LegacySignature.stringToSign(request.method(), host, request.path(), parameters));
        if (!LegacySignature.matches(expected, parameters.get("Signature"))) {
            return Optional.of(error(4100, "AuthFailure.SignatureFailure",
                    "authentication failed: the signature does not match the request"));
        }
        return Optional.empty();
    }

    private static SandboxResponse monitor(
            Map<String, String> parameters, SandboxContext context, long now, SandboxScenario scenario) {
        for (String name : List.of("vpcId", "vpnGwId", "vpnConnId", "metricName")) {
            String value = parameters.get(name);
            if (value == null || value.isEmpty()) {
                return error(4000, "MissingParameter", "the parameter " + name + " is missing");
            }
        }
        String metric = parameters.get("metricName");
        TrafficModel.Direction direction;
        if (metric.equals("intraffic")) {
            direction = TrafficModel.Direction.IN;
        } else if (metric.equals("outtraffic")) {
            direction = TrafficModel.Direction.OUT;
        } else {
            return error(4000, "InvalidParameter", "metricName must be intraffic or outtraffic, got " + metric);
        }
        Long end = beijingTime(parameters.get("endtime"), now);
        if (end == null) {
            return badTime("endtime", parameters.get("endtime"));
        }
        Long start = beijingTime(parameters.get("starttime"), now - Duration.ofDays(1).toSeconds());
        if (start == null) {
            return badTime("starttime", parameters.get("starttime"));
        }
        if (start >= end) {
            return error(4000, "InvalidParameter", "starttime must be before endtime, got starttime "
                    + parameters.get("starttime") + " and endtime " + parameters.get("endtime"));
        }
        if (end - start > LONGEST_SPAN.toSeconds()) {
            start = end - LONGEST_SPAN.toSeconds(); // the documented SILENT clip: only the last 2 days are served
        }
        Optional<SandboxResponse> unknown = unknownResource(parameters, scenario);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        String resourceId = parameters.get("vpnConnId");
        long first = Math.floorDiv(start, SLOT) * SLOT;
        StringBuilder data = new StringBuilder();
        if (scenario.documentationExample()) {
            for (int i = 0; i < DOCUMENTED_EXAMPLE.length; i++) {
                data.append(i > 0 ? "," : "").append(scenario.omits(first + i * SLOT) ? "null" : DOCUMENTED_EXAMPLE[i]);
            }
        } else {
            for (long slot = first; slot < end && slot + SLOT <= now; slot += SLOT) {
                double rate = scenario.bitsPerSecond(context.traffic(), resourceId, direction, slot);
                data.append(slot > first ? "," : "").append(Double.isNaN(rate) ? "null" : JsonText.number(rate));
            }
        }
        return SandboxResponse.json(200,
                "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":[" + data + "]}");
    }

    private static Optional<SandboxResponse> unknownResource(
            Map<String, String> parameters, SandboxScenario scenario) {
        if (isUnknown(parameters.get("vpcId"), "vpc-") || scenario.isUnknown(parameters.get("vpcId"))) {
            return Optional.of(error(5000, "InvalidVpc.NotFound",
                    "the VPC " + parameters.get("vpcId") + " does not exist"));
        }
        if (isUnknown(parameters.get("vpnGwId"), "vpngw-") || scenario.isUnknown(parameters.get("vpnGwId"))) {
            return Optional.of(error(5000, "InvalidVpnGw.NotFound",
                    "the VPN gateway " + parameters.get("vpnGwId") + " does not exist"));
        }
        if (isUnknown(parameters.get("vpnConnId"), "vpnx-") || scenario.isUnknown(parameters.get("vpnConnId"))) {
            return Optional.of(error(5000, "InvalidVpnConn.NotFound",
                    "the VPN connection " + parameters.get("vpnConnId") + " does not exist"));
        }
        return Optional.empty();
    }

    /**
     * The sandbox's convention (an id starting with {@code missing}), also after Tencent's type prefix, since real ids
     * always carry one: {@code missing-1} and {@code vpnx-missing} are both unknown.
     */
    private static boolean isUnknown(String id, String typePrefix) {
        return SandboxContext.isUnknown(id)
                || id.startsWith(typePrefix) && SandboxContext.isUnknown(id.substring(typePrefix.length()));
    }

    /** Epoch seconds of a {@code yyyy-MM-dd HH:mm:ss} Beijing time; the default when absent; null when malformed. */
    private static Long beijingTime(String text, long absent) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            return LocalDateTime.parse(text, BEIJING_TIME).toEpochSecond(BEIJING);
        } catch (DateTimeParseException malformed) {
            return null;
        }
    }

    private static SandboxResponse badTime(String name, String value) {
        return error(4000, "InvalidParameter",
                name + " must be a Beijing time written yyyy-MM-dd HH:mm:ss, got " + value);
    }

    private static SandboxResponse error(int code, String codeDesc, String words) {
        return SandboxResponse.json(200, errorBody(code, codeDesc, words));
    }

    /** The legacy error shape; the message starts with the module code in parentheses, as the vendor's do. */
    private static String errorBody(int code, String codeDesc, String words) {
        return "{\"code\":" + code + ",\"message\":" + JsonText.string("(" + codeDesc + ") " + words)
                + ",\"codeDesc\":" + JsonText.string(codeDesc) + "}";
    }
}
