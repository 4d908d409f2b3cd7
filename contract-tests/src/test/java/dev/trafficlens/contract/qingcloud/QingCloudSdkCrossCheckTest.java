package dev.trafficlens.contract.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.qingcloud.sdk.config.EnvContext;
import com.qingcloud.sdk.model.IaasParamBody;
import com.qingcloud.sdk.model.OutputModel;
import com.qingcloud.sdk.request.ResourceRequestFactory;
import com.qingcloud.sdk.service.Types;
import dev.trafficlens.sandbox.FaultRule;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.TrafficModel.Direction;
import dev.trafficlens.sandbox.VendorSandbox;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vendor's official Java SDK (com.qingcloud:qingcloud-sdk-java 1.2.0) against the sandbox. Its
 * {@code EnvContext(protocol, host, port, ...)} points it at {@code http://127.0.0.1:<port>/iaas/}. It has no
 * GetWanMonitor action (its {@code MonitorService} offers only GetMonitor), so the call goes through the SDK's generic
 * path, {@code ResourceRequestFactory.getResourceRequest().sendApiRequest(context, input, outputClass)}, with an input
 * and output model written here the way the SDK writes its own: the SDK builds, signs (with the real clock, so the
 * sandbox runs on the system clock here), sends and parses.
 */
class QingCloudSdkCrossCheckTest {

    private static VendorSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withClock(Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void reset() {
        sandbox.faults().clear();
    }

    @Test
    void the_sdk_s_signed_get_is_accepted_and_its_parser_reads_the_compressed_series() throws Exception {
        GetWanMonitorOutput output = send("GET", sdk(sandbox.credentials().accessKeySecret()), input("waif-sdk-1"));

        assertThat(output.getRetCode()).as(output.getMessage()).isZero();
        assertThat(output.getAction()).isEqualTo("GetWanMonitorResponse");
        assertThat(output.getResourceId()).isEqualTo("waif-sdk-1");
        assertThat(output.getMeterSet()).extracting(Types.MeterModel::getMeterID)
                .containsExactly("traffic", "flow", "pps");
        List<Object> traffic = output.getMeterSet().get(0).getData();
        long t0 = Instant.parse("2026-11-24T00:00:00Z").getEpochSecond();
        while (sandbox.traffic().isGap("waif-sdk-1", t0)) {
            t0 += 300;
        }
        long firstSample = t0;
        assertThat(traffic.get(0)).isInstanceOfSatisfying(List.class, first -> {
            assertThat(((Number) first.get(0)).longValue()).isEqualTo(firstSample);
            List<?> pair = (List<?>) first.get(1);
            assertThat(((Number) pair.get(0)).doubleValue())
                    .isEqualTo(sandbox.traffic().bitsPerSecond("waif-sdk-1", Direction.IN, firstSample) / 8);
        });
        assertThat(traffic).hasSizeGreaterThan(24 * 12 * 95 / 100);
    }

    @Test
    void the_sdk_s_signed_form_post_is_accepted() throws Exception {
        GetWanMonitorOutput output = send("POST", sdk(sandbox.credentials().accessKeySecret()), input("waif-sdk-2"));

        assertThat(output.getRetCode()).as(output.getMessage()).isZero();
        assertThat(output.getMeterSet()).hasSize(3);
    }

    @Test
    void the_sdk_reads_our_errors_into_ret_code_and_message() throws Exception {
        GetWanMonitorOutput badSecret = send("GET", sdk("not-the-secret"), input("waif-sdk-1"));
        GetWanMonitorOutput unknown = send("GET", sdk(sandbox.credentials().accessKeySecret()), input("missing-1"));
        sandbox.faults().add(FaultRule.everywhere(FaultRule.Kind.SERVER_ERROR));
        GetWanMonitorOutput internal = send("GET", sdk(sandbox.credentials().accessKeySecret()), input("waif-sdk-1"));

        assertThat(badSecret.getRetCode()).isEqualTo(1200);
        assertThat(badSecret.getMessage()).contains("signature not matched");
        assertThat(unknown.getRetCode()).isEqualTo(2100);
        assertThat(unknown.getMessage()).contains("resource [missing-1] not found");
        assertThat(internal.getRetCode()).isEqualTo(5000);
    }

    private static EnvContext sdk(String secret) {
        EnvContext env = new EnvContext("http", "127.0.0.1", String.valueOf(sandbox.port()),
                sandbox.credentials().accessKeyId(), secret, "en");
        env.setZone("pek3");
        return env;
    }

    private static GetWanMonitorInput input(String resource) {
        GetWanMonitorInput input = new GetWanMonitorInput();
        input.setResource(resource);
        input.setAccessType("vpc");
        input.setMeters(List.of("traffic", "flow", "pps"));
        input.setStep("5m");
        input.setStartTime("2026-11-24T00:00:00Z");
        input.setEndTime("2026-11-25T00:00:00Z");
        return input;
    }

    /** What the SDK's own services do for an action (see MonitorService.getMonitor), for GetWanMonitor. */
    private static GetWanMonitorOutput send(String method, EnvContext env, GetWanMonitorInput input) throws Exception {
        Map<String, Object> context = new HashMap<>();
        context.put("envContext", env);
        context.put("OperationName", "GetWanMonitor");
        context.put("APIName", "GetWanMonitor");
        context.put("ServiceName", "GetWanMonitor");
        context.put("RequestMethod", method);
        context.put("RequestURI", "/iaas/GetWanMonitor");
        input.setAction("GetWanMonitor");
        input.setZone(env.getZone());
        OutputModel output = ResourceRequestFactory.getResourceRequest()
                .sendApiRequest(context, input, GetWanMonitorOutput.class);
        return (GetWanMonitorOutput) output;
    }

    /** GetWanMonitor's parameters in the SDK's input style: Jackson names, lists expanded to {@code meters.N}. */
    public static class GetWanMonitorInput extends IaasParamBody {
        private String resource;
        private String accessType;
        private List<String> meters;
        private String step;
        private String startTime;
        private String endTime;

        @JsonProperty("resource")
        public String getResource() {
            return resource;
        }

        @JsonProperty("resource")
        public void setResource(String resource) {
            this.resource = resource;
        }

        @JsonProperty("access_type")
        public String getAccessType() {
            return accessType;
        }

        @JsonProperty("access_type")
        public void setAccessType(String accessType) {
            this.accessType = accessType;
        }

        @JsonProperty("meters")
        public List<String> getMeters() {
            return meters;
        }

        @JsonProperty("meters")
        public void setMeters(List<String> meters) {
            this.meters = meters;
        }

        @JsonProperty("step")
        public String getStep() {
            return step;
        }

        @JsonProperty("step")
        public void setStep(String step) {
            this.step = step;
        }

        @JsonProperty("start_time")
        public String getStartTime() {
            return startTime;
        }

        @JsonProperty("start_time")
        public void setStartTime(String startTime) {
            this.startTime = startTime;
        }

        @JsonProperty("end_time")
        public String getEndTime() {
            return endTime;
        }

        @JsonProperty("end_time")
        public void setEndTime(String endTime) {
            this.endTime = endTime;
        }
    }

    /**
     * GetWanMonitor's answer in the SDK's output style, with the SDK's own {@link Types.MeterModel}. Unknown fields
     * are NOT ignored (unlike the SDK's GetMonitorOutput), so an extra field in our answer would fail the parse.
     */
    public static class GetWanMonitorOutput extends OutputModel {
        private String action;
        private Integer retCode;
        private String resourceId;
        private List<Types.MeterModel> meterSet;

        @JsonProperty("action")
        public String getAction() {
            return action;
        }

        @JsonProperty("action")
        public void setAction(String action) {
            this.action = action;
        }

        @JsonProperty("ret_code")
        @Override
        public Integer getRetCode() {
            return retCode;
        }

        @JsonProperty("ret_code")
        @Override
        public void setRetCode(Integer retCode) {
            this.retCode = retCode;
        }

        @JsonProperty("resource_id")
        public String getResourceId() {
            return resourceId;
        }

        @JsonProperty("resource_id")
        public void setResourceId(String resourceId) {
            this.resourceId = resourceId;
        }

        @JsonProperty("meter_set")
        public List<Types.MeterModel> getMeterSet() {
            return meterSet;
        }

        @JsonProperty("meter_set")
        public void setMeterSet(List<Types.MeterModel> meterSet) {
            this.meterSet = meterSet;
        }
    }
}
