package dev.trafficlens.contract.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.qcloud.Common.Request;
import com.qcloud.Common.Sign;
import com.qcloud.Module.Vpc;
import com.qcloud.QcloudApiModuleCenter;
import com.qcloud.Utilities.Json.JSONArray;
import com.qcloud.Utilities.Json.JSONObject;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.VendorSandbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tencent's legacy Java SDK (com.qcloud:qcloud-java-sdk 2.0.7) against the sandbox's DescribeVpnConnMonitor. Its
 * module call cannot reach a plain-HTTP endpoint: {@code com.qcloud.Common.Request.send} builds the URL as
 * {@code "https://" + host + path} (host from the module's {@code serverHost}), so the sandbox only ever sees a TLS
 * handshake. The SDK's own pieces below that line are public, so the cross-check uses them: {@code Sign} signs (the
 * SDK's string to sign and HMAC), {@code Request.sendRequest} encodes and sends (GET query or multipart POST) to
 * {@code http://127.0.0.1:<port>/v2/index.php}, and the SDK's bundled {@code JSONObject} reads the answer.
 */
class QcloudLegacySdkVpcCrossCheckTest {

    private static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z");

    private VendorSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "POST"})
    void the_sdk_s_signature_and_encoding_are_accepted_and_its_json_reads_the_answer(String method) throws Exception {
        TreeMap<String, Object> parameters = parameters("HmacSHA256");
        String host = "127.0.0.1:" + sandbox.port();
        String plainText = Sign.makeSignPlainText(parameters, method, host, "/v2/index.php");
        parameters.put("Signature", Sign.sign(plainText, sandbox.credentials().accessKeySecret(), "HmacSHA256"));

        String body = Request.sendRequest("http://" + host + "/v2/index.php", parameters, method, null);

        JSONObject answer = new JSONObject(body);
        assertThat(answer.getInt("code")).as(body).isZero();
        JSONArray data = answer.getJSONArray("data");
        assertThat(data.length()).isEqualTo(288);
        long start = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < data.length(); i++) {
            double expected = sandbox.traffic().bitsPerSecond("vpnx-ol6bcqp0", TrafficModel.Direction.OUT,
                    start + 300L * i);
            if (Double.isNaN(expected)) {
                assertThat(data.isNull(i)).as("slot %d", i).isTrue();
            } else {
                assertThat(data.getLong(i)).as("slot %d", i).isEqualTo((long) expected);
            }
        }
    }

    @Test
    void the_sdk_s_default_hmac_sha1_is_accepted() throws Exception {
        TreeMap<String, Object> parameters = parameters(null);
        String host = "127.0.0.1:" + sandbox.port();
        parameters.put("Signature", Sign.sign(Sign.makeSignPlainText(parameters, "GET", host, "/v2/index.php"),
                sandbox.credentials().accessKeySecret(), "HmacSHA1"));

        JSONObject answer = new JSONObject(
                Request.sendRequest("http://" + host + "/v2/index.php", parameters, "GET", null));

        assertThat(answer.getInt("code")).isZero();
        assertThat(answer.getString("codeDesc")).isEqualTo("Success");
    }

    @Test
    void the_sdk_s_module_call_insists_on_https_and_never_reaches_the_plain_http_sandbox() {
        String host = "127.0.0.1:" + sandbox.port();
        Vpc vpc = new Vpc() {
            {
                serverHost = host; // the module's host can be changed; the scheme cannot
            }
        };
        TreeMap<String, Object> config = new TreeMap<>();
        config.put("SecretId", sandbox.credentials().accessKeyId());
        config.put("SecretKey", sandbox.credentials().accessKeySecret());
        config.put("RequestMethod", "GET");
        config.put("DefaultRegion", "ap-guangzhou");
        QcloudApiModuleCenter module = new QcloudApiModuleCenter(vpc, config);

        String answer = SdkTimeouts.withReadTimeout(2_000, () -> callQuietly(module, parameters("HmacSHA256")));

        assertThat(Request.getRequestUrl()).startsWith("https://" + host + "/v2/index.php?");
        assertThat(answer).doesNotContain("\"codeDesc\"");
        assertThat(sandbox.calls().total()).isZero();
    }

    /** The SDK prints its transport exception's stack trace and answers a JSON string of its own. */
    private static String callQuietly(QcloudApiModuleCenter module, TreeMap<String, Object> parameters) {
        try {
            return module.call("DescribeVpnConnMonitor", parameters);
        } catch (Exception failed) {
            return failed.toString();
        }
    }

    /** The SDK's transport timeouts are static; its 90-second read timeout would hold the TLS handshake that long. */
    private static final class SdkTimeouts extends Request {

        static String withReadTimeout(int millis, java.util.function.Supplier<String> call) {
            int before = readTimeout;
            readTimeout = millis;
            try {
                return call.get();
            } finally {
                readTimeout = before;
            }
        }
    }

    private TreeMap<String, Object> parameters(String signatureMethod) {
        TreeMap<String, Object> parameters = new TreeMap<>();
        parameters.put("Action", "DescribeVpnConnMonitor");
        parameters.put("Region", "ap-guangzhou");
        parameters.put("SecretId", sandbox.credentials().accessKeyId());
        parameters.put("Timestamp", NOW.getEpochSecond()); // the SDK would take the real time
        parameters.put("Nonce", 11886);
        parameters.put("RequestClient", "SDK_JAVA_2.0.7");
        if (signatureMethod != null) {
            parameters.put("SignatureMethod", signatureMethod);
        }
        parameters.put("vpcId", "vpc-03vihbk9");
        parameters.put("vpnGwId", "vpngw-dystbrkv");
        parameters.put("vpnConnId", "vpnx-ol6bcqp0");
        parameters.put("metricName", "outtraffic");
        parameters.put("starttime", "2026-01-01 08:00:00");
        parameters.put("endtime", "2026-01-02 08:00:00");
        return parameters;
    }
}
