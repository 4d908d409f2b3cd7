package dev.trafficlens.sandbox.zenlayer;

import dev.trafficlens.sandbox.SandboxContext;
import dev.trafficlens.sandbox.SandboxRequest;
import dev.trafficlens.sandbox.SandboxResponse;
import dev.trafficlens.sandbox.VendorSimulator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Zenlayer Cloud API 2.0, service sdn: {@code DescribePrivateConnectTraffic} and
 * {@code DescribeCloudRouterDCToDCTraffic} at {@code POST /api/v2/sdn}, the action named by {@code X-ZC-Action}.
 * Verifies ZC2-HMAC-SHA256 and the 5-minute timestamp skew, enforces the documented time rules (one day a call,
 * 30 days kept, strict UTC times, inclusive endTime), and answers in Zenlayer's envelopes: HTTP 200
 * {@code {requestId, response:{requestId, ...}}} or HTTP 4xx/5xx {@code {requestId, code, message}}.
 */
public final class ZenlayerSimulator implements VendorSimulator {

    static final String PATH = "/api/v2/sdn";
    private static final String NO_ACTION = "(no X-ZC-Action)";

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public Optional<String> apiOf(SandboxRequest request) {
        if (!"POST".equals(request.method()) || !PATH.equals(request.path())) {
            return Optional.empty();
        }
        String action = request.header("x-zc-action");
        return Optional.of(action == null || action.isBlank() ? NO_ACTION : action);
    }

    /** The private connect id, or {@code cloudRouterId:sourceDcId:destinationDcId}; empty when unreadable. */
    @Override
    public String resourceIdOf(SandboxRequest request) {
        Optional<ZenlayerApi> api = ZenlayerApi.byAction(request.header("x-zc-action"));
        JsonNode body = bodyOf(request);
        if (api.isEmpty() || body == null || !body.isObject()) {
            return "";
        }
        List<String> ids = new ArrayList<>();
        for (String parameter : api.get().idParameters()) {
            JsonNode id = body.get(parameter);
            ids.add(id != null && id.isString() ? id.stringValue() : "");
        }
        return ZenlayerApi.resourceId(ids);
    }

    @Override
    public SandboxResponse handle(SandboxRequest request, SandboxContext context) {
        String requestId = requestIdOf(request);
        try {
            Instant now = context.clock().instant();
            Zc2Authenticator.verify(request, context.credentials(), now);
            ZenlayerApi api = apiNamed(request.header("x-zc-action"));
            SandboxScenario scenario = SandboxScenario.parse(request.header(SandboxScenario.HEADER));
            if (scenario.error().isPresent()) {
                throw scenario.error().get().refusal();
            }
            TrafficCall call = TrafficCall.read(api, bodyOf(request), now, scenario);
            ObjectNode fields = DocumentedExamples.answerTo(call, json)
                    .orElseGet(() -> TrafficReport.of(call, context.traffic(), scenario, json.getNodeFactory()));
            return success(requestId, fields);
        } catch (ZenlayerRefusal refusal) {
            return error(requestId, refusal.error(), refusal.getMessage());
        }
    }

    @Override
    public SandboxResponse throttled(SandboxRequest request) {
        return error(requestIdOf(request), ZenlayerError.REQUEST_LIMIT_EXCEEDED,
                ZenlayerError.REQUEST_LIMIT_EXCEEDED.defaultMessage());
    }

    @Override
    public SandboxResponse serverError(SandboxRequest request) {
        return error(requestIdOf(request), ZenlayerError.INTERNAL_SERVER_ERROR,
                ZenlayerError.INTERNAL_SERVER_ERROR.defaultMessage());
    }

    private static ZenlayerApi apiNamed(String action) {
        if (action == null || action.isBlank()) {
            throw ZenlayerError.MISSING_PARAMETER.refusal("The header X-ZC-Action is missing.");
        }
        return ZenlayerApi.byAction(action).orElseThrow(() -> ZenlayerError.INVALID_PARAMETER_VALUE.refusal(
                "The action " + action + " is not served here: the sandbox simulates DescribePrivateConnectTraffic "
                        + "and DescribeCloudRouterDCToDCTraffic."));
    }

    private JsonNode bodyOf(SandboxRequest request) {
        try {
            return json.readTree(request.body());
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private SandboxResponse success(String requestId, ObjectNode fields) {
        ObjectNode envelope = json.createObjectNode().put("requestId", requestId);
        ObjectNode response = envelope.putObject("response").put("requestId", requestId);
        response.setAll(fields);
        return SandboxResponse.json(200, json.writeValueAsString(envelope));
    }

    private SandboxResponse error(String requestId, ZenlayerError error, String message) {
        ObjectNode envelope = json.createObjectNode()
                .put("requestId", requestId)
                .put("code", error.name())
                .put("message", message);
        return SandboxResponse.json(error.status(), json.writeValueAsString(envelope));
    }

    /**
     * "T" and an upper-case UUID, like Zenlayer's, derived from what the request asks (action and body), not from its
     * signature or timestamp: the same question always gets the same id.
     */
    static String requestIdOf(SandboxRequest request) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        String action = request.header("x-zc-action");
        content.writeBytes((request.method() + " " + request.path() + "\n" + (action == null ? "" : action) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        content.writeBytes(request.body());
        return "T" + UUID.nameUUIDFromBytes(content.toByteArray()).toString().toUpperCase(Locale.ROOT);
    }
}
