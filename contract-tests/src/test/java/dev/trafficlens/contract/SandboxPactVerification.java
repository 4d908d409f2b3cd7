package dev.trafficlens.contract;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import dev.trafficlens.adapters.support.SettableClock;
import dev.trafficlens.sandbox.Credentials;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.VendorSandbox;
import java.time.Instant;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays an adapter's pact against the sandbox. The sandbox runs with the pact's key and a clock set to when the
 * pact's requests were recorded; before each interaction the faults, the clock and the scenario go back to that
 * start, so no provider state leaks into the next one. Each replayed request carries the pact's stale example
 * signature, so the subclass signs it again ({@link #resign}) before it goes out; provider states the deterministic
 * traffic cannot show travel in the sandbox-only {@value #SCENARIO_HEADER} header.
 *
 * <p>A subclass names the provider and the pact folder, gives the keys and the recorded time, signs, and defines the
 * {@code @State} methods.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SandboxPactVerification {

    /** The sandbox-only header through which a provider state chooses what the sandbox answers. */
    public static final String SCENARIO_HEADER = "X-Sandbox-Scenario";

    private final Credentials keys;
    private final Instant recorded;
    private final SettableClock clock;
    private VendorSandbox sandbox;
    private String scenario;

    protected SandboxPactVerification(Credentials keys, Instant recorded) {
        this.keys = keys;
        this.recorded = recorded;
        this.clock = new SettableClock(recorded);
    }

    @BeforeAll
    protected final void startSandbox() {
        sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withCredentials(keys).withClock(clock));
    }

    @AfterAll
    protected final void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    protected final void startFromTheRecordedPresent(PactVerificationContext context) {
        sandbox.faults().clear();
        clock.set(recorded);
        scenario = null;
        resetState();
        context.setTarget(new HttpTestTarget("127.0.0.1", sandbox.port()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    protected final void the_sandbox_honours_the_adapters_pact(PactVerificationContext context, HttpRequest request)
            throws Exception {
        resign((ClassicHttpRequest) request);
        if (scenario != null) {
            request.setHeader(SCENARIO_HEADER, scenario);
        }
        context.verifyInteraction();
    }

    /** Signs the replayed request again as the vendor's client would now, for the sandbox's host and keys. */
    protected abstract void resign(ClassicHttpRequest request) throws Exception;

    /** Puts back what this subclass's provider states change besides faults, clock and scenario. */
    protected void resetState() {
    }

    /** What the sandbox should answer the next request with, in the scenario header's words. */
    protected final void scenario(String value) {
        scenario = value;
    }

    protected final VendorSandbox sandbox() {
        return sandbox;
    }

    protected final SettableClock clock() {
        return clock;
    }

    protected final Credentials keys() {
        return keys;
    }

    /** The Host the replaying client sends, which the signature covers. */
    protected final String host() {
        return "127.0.0.1:" + sandbox.port();
    }
}
