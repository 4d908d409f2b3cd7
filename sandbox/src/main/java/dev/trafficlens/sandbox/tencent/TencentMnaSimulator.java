package dev.trafficlens.sandbox.tencent;

import dev.trafficlens.sandbox.SandboxContext;
import dev.trafficlens.sandbox.SandboxRequest;
import dev.trafficlens.sandbox.SandboxResponse;
import dev.trafficlens.sandbox.VendorSimulator;
import java.util.Optional;

/** Tencent Cloud API 3.0 mna GetFlowStatisticByRegion at POST / with X-TC-Action. Not simulated yet: it claims no request. */
public final class TencentMnaSimulator implements VendorSimulator {

    @Override
    public Optional<String> apiOf(SandboxRequest request) {
        return Optional.empty();
    }

    @Override
    public String resourceIdOf(SandboxRequest request) {
        return "";
    }

    @Override
    public SandboxResponse handle(SandboxRequest request, SandboxContext context) {
        return SandboxResponse.json(501, "{\"sandbox\":\"not simulated yet\"}");
    }

    @Override
    public SandboxResponse throttled(SandboxRequest request) {
        return SandboxResponse.json(429, "{}");
    }

    @Override
    public SandboxResponse serverError(SandboxRequest request) {
        return SandboxResponse.json(500, "{}");
    }
}
