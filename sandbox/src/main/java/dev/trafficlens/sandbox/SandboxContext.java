package dev.trafficlens.sandbox;

import java.time.Clock;
import java.util.Objects;

/** What a simulator needs to answer: the accepted credentials, the sandbox's present, and the traffic it serves. */
public record SandboxContext(Credentials credentials, Clock clock, TrafficModel traffic) {

    public SandboxContext {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(traffic, "traffic");
    }

    /** Resource ids starting with {@code missing} are unknown to every simulated vendor. */
    public static boolean isUnknown(String resourceId) {
        return resourceId != null && resourceId.startsWith("missing");
    }
}
