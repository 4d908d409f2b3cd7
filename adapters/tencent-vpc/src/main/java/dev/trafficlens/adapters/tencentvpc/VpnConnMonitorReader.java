package dev.trafficlens.adapters.tencentvpc;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.adapters.support.VendorResponses;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import io.vavr.control.Either;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads one DescribeVpnConnMonitor response: {@code {code, message, [codeDesc], data}} where {@code data} is the
 * positional array of bit rates (or, as the doc's table has it, an object holding it as {@code data.data}).
 */
final class VpnConnMonitorReader {

    private static final Source SOURCE = Source.TENCENT_VPN_CONNECTION;

    private final String subject;

    /** @param subject what was asked, named in every failure: "VPN connection vpnx-1 in ap-guangzhou, outtraffic" */
    VpnConnMonitorReader(String subject) {
        this.subject = subject;
    }

    private String who() {
        return SOURCE.id() + " (" + subject + ")";
    }

    Attempt<VpnConnMonitorReply> interpret(HttpResponse<byte[]> response) {
        return VendorResponses.<VpnConnMonitorReply>transportFailure(SOURCE, response)
                .orElseGet(() -> read(response.statusCode(), response.body()));
    }

    /** The answer carried by {@code body}; the status matters only when the body is not the vendor's envelope. */
    Attempt<VpnConnMonitorReply> read(int status, byte[] body) {
        Either<String, JsonNode> parsed = JsonBodies.parse(body);
        if (parsed.isLeft()) {
            return unreadable(status, parsed.getLeft(), body);
        }
        JsonNode envelope = parsed.get();
        if (!envelope.isObject() || !envelope.has("code")) {
            return unreadable(status, "no \"code\" field", body);
        }
        Optional<Double> code = JsonBodies.number(envelope.get("code"));
        if (code.isEmpty() || code.get() != Math.rint(code.get())) {
            return unreadable(status, "\"code\" is not a whole number", body);
        }
        if (code.get() != 0) {
            String message = JsonBodies.text(envelope, "message")
                    .map(text -> VendorResponses.excerpt(text.getBytes(StandardCharsets.UTF_8)))
                    .orElse("");
            Optional<String> codeDesc = JsonBodies.text(envelope, "codeDesc").filter(desc -> !desc.isBlank());
            return TencentVpcErrorMap.read(who(), code.get().longValue(), codeDesc, message);
        }
        if (status / 100 != 2) {
            return unreadable(status, "a success envelope with HTTP " + status, body);
        }
        return values(envelope.get("data"))
                .fold(problem -> Attempt.<VpnConnMonitorReply>failure(VendorResponses.malformed(SOURCE,
                                problem + " for " + subject, body)),
                        Attempt::success);
    }

    private static Either<String, VpnConnMonitorReply> values(JsonNode data) {
        JsonNode array = data != null && data.isObject() ? data.get("data") : data;
        if (array == null || !array.isArray()) {
            return Either.left("no \"data\" array");
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode element = array.get(i);
            if (element.isNull()) {
                values[i] = Double.NaN;
                continue;
            }
            Optional<Double> value = JsonBodies.number(element);
            if (value.isEmpty() || value.get() < 0) {
                // A positional series cannot skip an element without shifting every later sample: refuse, don't guess.
                return Either.left("data[" + i + "] is not a bit rate");
            }
            values[i] = value.get();
        }
        return Either.right(new VpnConnMonitorReply(values));
    }

    private Attempt<VpnConnMonitorReply> unreadable(int status, String problem, byte[] body) {
        if (status == 401 || status == 403) {
            return Attempt.failure(SourceFailure.of(ErrorKind.UNAUTHENTICATED, SOURCE,
                    who() + ": the vendor refused access (HTTP " + status + "): " + VendorResponses.excerpt(body)));
        }
        if (status / 100 != 2) {
            return Attempt.failure(SourceFailure.of(ErrorKind.VENDOR_ERROR, SOURCE,
                    who() + ": the vendor answered HTTP " + status + ": " + VendorResponses.excerpt(body)));
        }
        return Attempt.failure(VendorResponses.malformed(SOURCE, problem + " for " + subject, body));
    }
}
