package dev.trafficlens.sandbox;

import java.util.Optional;

/**
 * One vendor protocol, simulated: recognises its requests, verifies their signatures with its own implementation,
 * enforces the vendor's rules and answers in the vendor's envelopes. The sandbox adds fault injection and counting.
 */
public interface VendorSimulator {

    /** The API a request calls (such as {@code DescribePrivateConnectTraffic}), or empty if it is not this vendor's. */
    Optional<String> apiOf(SandboxRequest request);

    /** The resource the request names, for fault rules; empty when it names none or cannot be read. */
    String resourceIdOf(SandboxRequest request);

    SandboxResponse handle(SandboxRequest request, SandboxContext context);

    /** The vendor's throttling answer, for fault injection. */
    SandboxResponse throttled(SandboxRequest request);

    /** The vendor's internal-error answer, for fault injection. */
    SandboxResponse serverError(SandboxRequest request);
}
