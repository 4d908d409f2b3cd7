package dev.trafficlens.adapters.tencentvpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.Signing;
import dev.trafficlens.adapters.tencentvpc.TencentVpcSigner.SignatureMethod;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.model.TimeWindow;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every published Tencent legacy v2 / API 3.0 v1 vector (docs/vendors.md), byte for byte, plus this API's own. */
class TencentVpcSignerTest {

    private static final Secret KEY = Secret.of("Gu5t9xGARNpq86cd98joQYCN3Cozk1qA");
    private static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA";
    private static final String CVM_HOST = "cvm.api.qcloud.com";
    private static final String V2_PATH = "/v2/index.php";

    @Test
    void reproduces_the_published_sha1_vector_without_a_signature_method() {
        Map<String, String> params = params(
                "Action", "DescribeInstances", "Nonce", "345122", "Region", "gz",
                "SecretId", SECRET_ID, "Timestamp", "1408704141");

        String stringToSign = TencentVpcSigner.stringToSign("GET", CVM_HOST, V2_PATH, params);

        assertThat(stringToSign).isEqualTo("GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&Nonce=345122"
                + "&Region=gz&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&Timestamp=1408704141");
        assertThat(TencentVpcSigner.signGet(CVM_HOST, V2_PATH, params, KEY)).isEqualTo("HgIYOPcx5lN6gz8JsCFBNAWp2oQ=");
        assertThat(Signing.percentEncode("HgIYOPcx5lN6gz8JsCFBNAWp2oQ="))
                .isEqualTo("HgIYOPcx5lN6gz8JsCFBNAWp2oQ%3D");
    }

    @Test
    void reproduces_the_published_sha1_vector_with_api_parameters_sorted_after_the_common_ones() {
        Map<String, String> params = params(
                "limit", "20", "offset", "0", "instanceIds.0", "ins-09dx96dg", "Action", "DescribeInstances",
                "Nonce", "11886", "Region", "gz", "SecretId", SECRET_ID, "Timestamp", "1465185768");

        String stringToSign = TencentVpcSigner.stringToSign("GET", CVM_HOST, V2_PATH, params);

        assertThat(stringToSign).isEqualTo("GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&Nonce=11886"
                + "&Region=gz&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&Timestamp=1465185768"
                + "&instanceIds.0=ins-09dx96dg&limit=20&offset=0");
        assertThat(TencentVpcSigner.signGet(CVM_HOST, V2_PATH, params, KEY)).isEqualTo("NSI3UqqD99b/UJb4tbG/xZpRW64=");
    }

    @Test
    void an_underscore_in_a_name_is_signed_as_a_dot() {
        Map<String, String> params = params(
                "Action", "DescribeInstances", "Nonce", "11886", "Region", "gz", "SecretId", SECRET_ID,
                "Timestamp", "1465185768", "instanceIds_0", "ins-09dx96dg", "limit", "20", "offset", "0");

        assertThat(TencentVpcSigner.signGet(CVM_HOST, V2_PATH, params, KEY)).isEqualTo("NSI3UqqD99b/UJb4tbG/xZpRW64=");
    }

    @Test
    void reproduces_the_published_sha256_vector() {
        Map<String, String> params = params(
                "Action", "DescribeInstances", "InstanceIds.0", "ins-09dx96dg", "Nonce", "11886",
                "Region", "ap-guangzhou", "SecretId", SECRET_ID, "SignatureMethod", "HmacSHA256",
                "Timestamp", "1465185768");

        String stringToSign = TencentVpcSigner.stringToSign("GET", CVM_HOST, V2_PATH, params);
        String signature = TencentVpcSigner.signGet(CVM_HOST, V2_PATH, params, KEY);

        assertThat(stringToSign).isEqualTo("GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances"
                + "&InstanceIds.0=ins-09dx96dg&Nonce=11886&Region=ap-guangzhou"
                + "&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&SignatureMethod=HmacSHA256&Timestamp=1465185768");
        assertThat(signature).isEqualTo("0EEm/HtGRr/VJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s=");
        assertThat(Signing.percentEncode(signature))
                .isEqualTo("0EEm%2FHtGRr%2FVJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s%3D");
    }

    @Test
    void reproduces_the_published_vector_naming_hmac_sha1_explicitly() {
        Map<String, String> params = params(
                "Action", "DescribeInstances", "InstanceIds.0", "ins-09dx96dg", "Nonce", "11886",
                "Region", "ap-guangzhou", "SecretId", SECRET_ID, "SignatureMethod", "HmacSHA1",
                "Timestamp", "1465185768");

        assertThat(TencentVpcSigner.signGet(CVM_HOST, V2_PATH, params, KEY)).isEqualTo("nPVnY6njQmwQ8ciqbPl5Qe+Oru4=");
    }

    @Test
    void reproduces_the_api_3_signature_v1_vector_on_its_own_host_and_root_path() {
        Secret maskedKey = Secret.of("Gu5t9xGARNpq86cd98joQYCN3*******");
        Map<String, String> params = params(
                "Action", "DescribeInstances", "InstanceIds.0", "ins-09dx96dg", "Limit", "20", "Nonce", "11886",
                "Offset", "0", "Region", "ap-guangzhou", "SecretId", "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******",
                "Timestamp", "1465185768", "Version", "2017-03-12");

        String stringToSign = TencentVpcSigner.stringToSign("GET", "cvm.tencentcloudapi.com", "/", params);

        assertThat(stringToSign).isEqualTo("GETcvm.tencentcloudapi.com/?Action=DescribeInstances"
                + "&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0&Region=ap-guangzhou"
                + "&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******&Timestamp=1465185768&Version=2017-03-12");
        assertThat(TencentVpcSigner.signGet("cvm.tencentcloudapi.com", "/", params, maskedKey))
                .isEqualTo("zmmjn35mikh6pM3V7sUEuX4wyYM=");
    }

    @Test
    void reproduces_the_describe_vpn_conn_monitor_vector_with_raw_spaces_in_the_times() {
        Map<String, String> params = params(
                "Action", "DescribeVpnConnMonitor", "Nonce", "11886", "Region", "ap-guangzhou",
                "SecretId", SECRET_ID, "SignatureMethod", "HmacSHA256", "Timestamp", "1465185768",
                "endtime", "2016-07-07 12:00:00", "metricName", "outtraffic", "starttime", "2016-07-06 12:00:00",
                "vpcId", "vpc-03vihbk9", "vpnConnId", "vpnx-ol6bcqp0", "vpnGwId", "vpngw-dystbrkv");

        String stringToSign = TencentVpcSigner.stringToSign("GET", "vpc.api.qcloud.com", V2_PATH, params);

        assertThat(stringToSign).isEqualTo("GETvpc.api.qcloud.com/v2/index.php?Action=DescribeVpnConnMonitor"
                + "&Nonce=11886&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA"
                + "&SignatureMethod=HmacSHA256&Timestamp=1465185768&endtime=2016-07-07 12:00:00&metricName=outtraffic"
                + "&starttime=2016-07-06 12:00:00&vpcId=vpc-03vihbk9&vpnConnId=vpnx-ol6bcqp0&vpnGwId=vpngw-dystbrkv");
        assertThat(TencentVpcSigner.signGet("vpc.api.qcloud.com", V2_PATH, params, KEY))
                .isEqualTo("FPxglqp0qNTJCvbMI5IggtvzvZtrJWfHLtKHjNDup5A=");
    }

    @Test
    void the_request_builder_produces_the_same_vector_from_a_vpn_connection_and_window() {
        VpnConnMonitorRequest request = new VpnConnMonitorRequest(
                new TencentVpnConnection(
                        "ap-guangzhou", "vpc-03vihbk9", "vpngw-dystbrkv", "vpnx-ol6bcqp0"),
                VpnMonitorMetric.OUTTRAFFIC,
                TimeWindow.of("2016-07-06T04:00:00Z", "2016-07-07T04:00:00Z"));

        URI uri = request.signedUri(URI.create("https://vpc.api.qcloud.com/v2/index.php"),
                "vpc.api.qcloud.com", SECRET_ID, KEY, 1465185768, 11886);

        assertThat(uri.getRawQuery()).endsWith("&Signature=FPxglqp0qNTJCvbMI5IggtvzvZtrJWfHLtKHjNDup5A%3D")
                .contains("&endtime=2016-07-07%2012%3A00%3A00&").contains("&starttime=2016-07-06%2012%3A00%3A00&");
    }

    @Test
    void the_signature_parameter_itself_is_never_signed() {
        Map<String, String> params = params(
                "Action", "DescribeInstances", "Nonce", "345122", "Region", "gz",
                "SecretId", SECRET_ID, "Timestamp", "1408704141", "Signature", "stale");

        assertThat(TencentVpcSigner.signGet(CVM_HOST, V2_PATH, params, KEY)).isEqualTo("HgIYOPcx5lN6gz8JsCFBNAWp2oQ=");
    }

    @Test
    void the_order_parameters_arrive_in_never_changes_the_signature() {
        List<String> names = List.of("Action", "InstanceIds.0", "Nonce", "Region", "SecretId", "SignatureMethod",
                "Timestamp");
        List<String> values = List.of("DescribeInstances", "ins-09dx96dg", "11886", "ap-guangzhou", SECRET_ID,
                "HmacSHA256", "1465185768");
        Random random = new Random(20260101);
        for (int round = 0; round < 50; round++) {
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
            Collections.shuffle(order, random);
            Map<String, String> shuffled = new LinkedHashMap<>();
            order.forEach(i -> shuffled.put(names.get(i), values.get(i)));

            assertThat(TencentVpcSigner.signGet(CVM_HOST, V2_PATH, shuffled, KEY)).as("order %s", order)
                    .isEqualTo("0EEm/HtGRr/VJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s=");
        }
    }

    @Test
    void names_sort_by_byte_so_upper_case_comes_before_lower_case() {
        String canonical = TencentVpcSigner.canonicalParams(params("b", "1", "a", "2", "B", "3", "A", "4", "_z", "5"));

        assertThat(canonical).isEqualTo("A=4&B=3&.z=5&a=2&b=1");
    }

    @Test
    void an_unknown_signature_method_is_refused_rather_than_signed_wrongly() {
        assertThatThrownBy(() -> SignatureMethod.of(Map.of("SignatureMethod", "HmacMD5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HmacMD5");
        assertThat(SignatureMethod.of(Map.of())).isEqualTo(SignatureMethod.HMAC_SHA1);
    }

    private static Map<String, String> params(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }
}
