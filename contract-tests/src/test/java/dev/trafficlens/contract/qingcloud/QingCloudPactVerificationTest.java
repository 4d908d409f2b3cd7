package dev.trafficlens.contract.qingcloud;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.filter.InteractionFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.trafficlens.contract.SandboxPactVerification;
import dev.trafficlens.sandbox.Credentials;
import dev.trafficlens.sandbox.FaultRule;
import java.time.Instant;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpRequest;

/**
 * The QingCloud adapter's pact, verified against the sandbox's GetWanMonitor. Each replayed request is signed afresh
 * with the sandbox's secret at the sandbox's present. States use fault rules, the sandbox clock, or the sandbox-only
 * {@code X-Sandbox-Scenario} header (unknown resource, a given ret_code, a bare HTTP status, the documentation's
 * example answer) added to the replay. Interactions whose answers the simulator cannot produce are
 * filtered out, each for the reason listed in {@link #UNVERIFIABLE} (none at present); {@code QingCloudPactCoverageTest} checks
 * that every interaction is one or the other.
 */
@Provider("qingcloud-iaas")
@PactFolder("../adapters/qingcloud/target/pacts")
@PactFilter(filter = InteractionFilter.ByProviderState.class, value = {
        "GetWanMonitor fails with an internal error",
        "GetWanMonitor is too busy to answer",
        "access key QYACCESSKEYIDEXAMPLE has used up its daily API request quota",
        "access key QYUNKNOWNKEYID is not registered",
        "no wan access point waif-404 exists in pek3",
        "the API is throttling access key QYACCESSKEYIDEXAMPLE",
        "the API's clock is more than 60 s past 2026-01-02T00:00:10Z",
        "wan access point waif-1 in pek3 has traffic on 2026-01-01",
        "wan access point waif-2 in pek3 has traffic with gaps on 2026-01-01",
        "wan access point waif-6bm6mt85 in pek3a has the traffic of the API documentation's example",
        "wan access point waif-7 in pek3 belongs to another account"})
class QingCloudPactVerificationTest extends SandboxPactVerification {

    /** When the pact's requests were signed; the sandbox's present during verification. */
    private static final Instant PACT_TIME = Instant.parse("2026-01-02T00:00:10Z");

    /** The pact's key id, registered in the sandbox with the sandbox's own secret (not the pact's). */
    private static final Credentials KEYS = new Credentials("QYACCESSKEYIDEXAMPLE", "sandbox-secret-for-pact");

    /** Provider states the simulator has no mode for, and why; their interactions are not verified. */
    static final Map<String, String> UNVERIFIABLE = Map.of();

    QingCloudPactVerificationTest() {
        super(KEYS, PACT_TIME);
    }

    /** Signed at the pact's time whatever the sandbox's clock says, so a state may move the clock past it. */
    @Override
    protected void resign(ClassicHttpRequest request) throws Exception {
        request.setUri(IaasResigner.resign(request.getUri(), KEYS.accessKeySecret(), PACT_TIME));
    }

    @State("GetWanMonitor fails with an internal error")
    void internalError() {
        sandbox().faults().add(FaultRule.everywhere(FaultRule.Kind.SERVER_ERROR));
    }

    @State("GetWanMonitor is too busy to answer")
    void busy() {
        scenario("error=5100");
    }

    @State("access key QYACCESSKEYIDEXAMPLE has used up its daily API request quota")
    void quotaUsedUp() {
        sandbox().faults().add(FaultRule.everywhere(FaultRule.Kind.THROTTLED));
    }

    @State("access key QYUNKNOWNKEYID is not registered")
    void onlyTheSandboxKeyIsRegistered() {
        // The sandbox accepts one key id, QYACCESSKEYIDEXAMPLE here.
    }

    @State("no wan access point waif-404 exists in pek3")
    void waif404DoesNotExist() {
        scenario("unknown=waif-404");
    }

    @State("the API is throttling access key QYACCESSKEYIDEXAMPLE")
    void throttlingWithHttp429() {
        scenario("status=429");
    }

    @State("wan access point waif-6bm6mt85 in pek3a has the traffic of the API documentation's example")
    void documentationExample() {
        scenario("example=documentation");
    }

    @State("wan access point waif-7 in pek3 belongs to another account")
    void waif7BelongsToAnotherAccount() {
        scenario("error=1400");
    }

    @State("the API's clock is more than 60 s past 2026-01-02T00:00:10Z")
    void clockAhead() {
        clock().set(PACT_TIME.plusSeconds(90));
    }

    /** The hours the pact's day with gaps lacks: 00, 02, 04–05, 07, 09 and 12–23. */
    @State("wan access point waif-2 in pek3 has traffic with gaps on 2026-01-01")
    void dayWithGaps() {
        scenario("omit=2026-01-01T00:00:00Z/2026-01-01T01:00:00Z,2026-01-01T02:00:00Z/2026-01-01T03:00:00Z,"
                + "2026-01-01T04:00:00Z/2026-01-01T06:00:00Z,2026-01-01T07:00:00Z/2026-01-01T08:00:00Z,"
                + "2026-01-01T09:00:00Z/2026-01-01T10:00:00Z,2026-01-01T12:00:00Z/2026-01-02T00:00:00Z");
    }

    @State("wan access point waif-1 in pek3 has traffic on 2026-01-01")
    void deterministicTraffic() {
        // TrafficModel serves every hour of that day for waif-1 (an hour is a gap only if all 12 slots are).
    }
}
