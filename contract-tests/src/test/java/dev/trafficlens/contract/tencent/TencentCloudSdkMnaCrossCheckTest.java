package dev.trafficlens.contract.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.mna.v20210119.MnaClient;
import com.tencentcloudapi.mna.v20210119.models.GetFlowStatisticByRegionRequest;
import com.tencentcloudapi.mna.v20210119.models.GetFlowStatisticByRegionResponse;
import com.tencentcloudapi.mna.v20210119.models.NetDetails;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.VendorSandbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tencent's official Java SDK (tencentcloud-sdk-java 3.1.1436) calls the sandbox's GetFlowStatisticByRegion over plain
 * HTTP: its TC3 signature is accepted and its models read our answers. The SDK takes the service of the credential
 * scope from the endpoint's first label ({@code AbstractClient}: {@code endpoint.split("\\.")[0]}), so an endpoint of
 * {@code 127.0.0.1:<port>} signs for service "127", which the sandbox refuses as Tencent would. The SDK is therefore
 * pointed at the sandbox through its proxy settings: endpoint {@code mna.tencentcloudapi.com}, protocol
 * {@code http://}, proxy {@code 127.0.0.1:<port>}. It signs with the real time, so the sandbox's clock stands at the
 * moment the test starts.
 */
class TencentCloudSdkMnaCrossCheckTest {

    private VendorSandbox sandbox;
    private long now;

    @BeforeEach
    void start() {
        Instant started = Instant.now();
        now = started.getEpochSecond();
        sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withClock(Clock.fixed(started, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void the_sdk_s_signed_request_is_accepted_and_it_reads_net_details_and_totals() throws Exception {
        long end = Instant.ofEpochSecond(now).truncatedTo(ChronoUnit.HOURS).getEpochSecond() - 3_600;
        long begin = end - 24 * 3_600;

        GetFlowStatisticByRegionResponse response = client(sandbox.credentials().accessKeySecret())
                .GetFlowStatisticByRegion(request(begin, end, 3L, 1L, 0L, "MC"));

        List<Float> expected = new ArrayList<>();
        List<String> times = new ArrayList<>();
        double total = 0;
        for (long hour = begin; hour < end; hour += 3_600) {
            double bytes = 0;
            for (long slot = hour; slot < hour + 3_600; slot += 300) {
                bytes += sandbox.traffic().bytesInSlot("mna-0-MC", TrafficModel.Direction.IN, slot)
                        + sandbox.traffic().bytesInSlot("mna-0-MC", TrafficModel.Direction.OUT, slot);
            }
            expected.add((float) bytes);
            times.add(Long.toString(hour));
            total += bytes;
        }
        assertThat(response.getNetDetails()).extracting(NetDetails::getCurrent).containsExactlyElementsOf(expected);
        assertThat(response.getNetDetails()).extracting(NetDetails::getTime).containsExactlyElementsOf(times);
        assertThat(response.getTotalValue()).isEqualTo((float) total);
        assertThat(response.getAvgValue()).isEqualTo((float) (total / 24));
        assertThat(response.getMaxValue()).isEqualTo(expected.stream().max(Float::compare).orElseThrow());
        assertThat(response.getRequestId()).matches("[0-9a-f-]{36}");
        assertThat(sandbox.calls().of("GetFlowStatisticByRegion")).isEqualTo(1);
    }

    @Test
    void the_sdk_raises_our_error_envelope_with_its_code_and_request_id() {
        assertThatThrownBy(() -> client("not-the-sandbox-secret")
                .GetFlowStatisticByRegion(request(now - 7_200, now - 3_600, 3L, 1L, 0L, "MC")))
                .isInstanceOfSatisfying(TencentCloudSDKException.class, failure -> {
                    assertThat(failure.getErrorCode()).isEqualTo("AuthFailure.SignatureFailure");
                    assertThat(failure.getRequestId()).matches("[0-9a-f-]{36}");
                });
        assertThatThrownBy(() -> client(sandbox.credentials().accessKeySecret())
                .GetFlowStatisticByRegion(request(now - 40 * 86_400, now - 39 * 86_400, 3L, 2L, 0L, "MC")))
                .isInstanceOfSatisfying(TencentCloudSDKException.class, failure ->
                        assertThat(failure.getErrorCode()).isEqualTo("InvalidParameterValue.TimeTooEarly"));
    }

    @Test
    void an_ip_endpoint_makes_the_sdk_sign_for_service_127_which_is_refused() {
        HttpProfile http = new HttpProfile();
        http.setEndpoint("127.0.0.1:" + sandbox.port());
        http.setProtocol("http://");
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        MnaClient direct = new MnaClient(new Credential(sandbox.credentials().accessKeyId(),
                sandbox.credentials().accessKeySecret()), "", profile);

        assertThatThrownBy(() -> direct.GetFlowStatisticByRegion(request(now - 7_200, now - 3_600, 3L, 1L, 0L, "MC")))
                .isInstanceOfSatisfying(TencentCloudSDKException.class, failure -> {
                    assertThat(failure.getErrorCode()).isEqualTo("AuthFailure.SignatureFailure");
                    assertThat(failure.getMessage()).contains("/127/tc3_request");
                });
    }

    /** Through the sandbox as an HTTP proxy: the SDK signs host mna.tencentcloudapi.com and service mna. */
    private MnaClient client(String secretKey) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint("mna.tencentcloudapi.com");
        http.setProtocol("http://");
        http.setProxyHost("127.0.0.1");
        http.setProxyPort(sandbox.port());
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return new MnaClient(new Credential(sandbox.credentials().accessKeyId(), secretKey), "", profile);
    }

    private static GetFlowStatisticByRegionRequest request(
            long begin, long end, long type, long granularity, long gatewayType, String region) {
        GetFlowStatisticByRegionRequest request = new GetFlowStatisticByRegionRequest();
        request.setBeginTime(begin);
        request.setEndTime(end);
        request.setType(type);
        request.setTimeGranularity(granularity);
        request.setGatewayType(gatewayType);
        request.setAccessRegion(region);
        return request;
    }
}
