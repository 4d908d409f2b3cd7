package dev.trafficlens.sandbox;

import java.time.Clock;
import java.util.Objects;

/**
 * How to start a sandbox: the port (0 picks a free one), the key pair it accepts, its present (a fixed clock makes
 * retention checks and answers reproducible), and the size of its bounded worker pool.
 */
public record SandboxOptions(int port, Credentials credentials, Clock clock, int threads) {

    /**
     * 64 workers: a vendor answers many clients at once, and a latency fault holds a worker while it waits, so a small
     * pool would make the sandbox, not the client, the bottleneck of a fan-out measured against it.
     */
    public static final SandboxOptions DEFAULTS = new SandboxOptions(0, Credentials.DEFAULT, Clock.systemUTC(), 64);

    public SandboxOptions {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: expected 0 to 65535, got " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads: expected at least 1, got " + threads);
        }
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, credentials, clock, threads);
    }

    public SandboxOptions withCredentials(Credentials newCredentials) {
        return new SandboxOptions(port, newCredentials, clock, threads);
    }

    public SandboxOptions withClock(Clock newClock) {
        return new SandboxOptions(port, credentials, newClock, threads);
    }
}
