package dev.trafficlens.adapters.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.Signing;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** QingCloud signature version 1 against the vendor's published vectors (docs/vendors.md), byte for byte. */
class QingCloudSignerTest {

    private static final String ACCESS_KEY_ID = "QYACCESSKEYIDEXAMPLE";
    private static final QingCloudSigner SIGNER = new QingCloudSigner(Secret.of("SECRETACCESSKEY"));

    /** The documentation's RunInstances example, in the order the docs list it (the signer must sort). */
    private static Map<String, String> runInstances(String zone) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("count", "1");
        parameters.put("vxnets.1", "vxnet-0");
        parameters.put("zone", zone);
        parameters.put("instance_type", "small_b");
        parameters.put("signature_version", "1");
        parameters.put("signature_method", "HmacSHA256");
        parameters.put("instance_name", "demo");
        parameters.put("image_id", "centos64x86a");
        parameters.put("login_mode", "passwd");
        parameters.put("login_passwd", "QingCloud20130712");
        parameters.put("version", "1");
        parameters.put("access_key_id", ACCESS_KEY_ID);
        parameters.put("action", "RunInstances");
        parameters.put("time_stamp", "2013-08-27T14:30:10Z");
        return parameters;
    }

    @Test
    void reproduces_the_published_pek3a_run_instances_vector_and_its_string_to_sign() {
        String canonical = QingCloudSigner.canonicalQuery(runInstances("pek3a"));
        String stringToSign = QingCloudSigner.stringToSign("/iaas/", canonical);

        assertThat(stringToSign).isEqualTo("GET\n/iaas/\naccess_key_id=QYACCESSKEYIDEXAMPLE&action=RunInstances"
                + "&count=1&image_id=centos64x86a&instance_name=demo&instance_type=small_b&login_mode=passwd"
                + "&login_passwd=QingCloud20130712&signature_method=HmacSHA256&signature_version=1"
                + "&time_stamp=2013-08-27T14%3A30%3A10Z&version=1&vxnets.1=vxnet-0&zone=pek3a");
        assertThat(SIGNER.signature(stringToSign)).isEqualTo("byjccvWIvAftaq+oublemagH3bYAlDWxxLFAzAsyslw=");
        assertThat(SIGNER.signedQuery("/iaas/", runInstances("pek3a")))
                .isEqualTo(canonical + "&signature=byjccvWIvAftaq%2BoublemagH3bYAlDWxxLFAzAsyslw%3D");
    }

    @Test
    void reproduces_the_published_pek1_run_instances_vector_of_the_older_docs_and_go_sdk() {
        String canonical = QingCloudSigner.canonicalQuery(runInstances("pek1"));
        String stringToSign = QingCloudSigner.stringToSign("/iaas/", canonical);

        assertThat(stringToSign).endsWith("&version=1&vxnets.1=vxnet-0&zone=pek1");
        assertThat(SIGNER.signature(stringToSign)).isEqualTo("32bseYy39DOlatuewpeuW5vpmW51sD1A/JdGynqSpP8=");
        assertThat(SIGNER.signedQuery("/iaas/", runInstances("pek1")))
                .endsWith("&zone=pek1&signature=32bseYy39DOlatuewpeuW5vpmW51sD1A%2FJdGynqSpP8%3D");
    }

    @Test
    void reproduces_the_self_computed_get_wan_monitor_vector_with_millisecond_times() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("action", "GetWanMonitor");
        parameters.put("resource", "waif-6bm6mt85");
        parameters.put("access_type", "vpc");
        parameters.put("meters.1", "traffic");
        parameters.put("meters.2", "flow");
        parameters.put("meters.3", "pps");
        parameters.put("step", "5m");
        parameters.put("start_time", "2020-05-09T02:04:32.200Z");
        parameters.put("end_time", "2020-05-09T08:04:32.200Z");
        parameters.put("zone", "pek3");
        parameters.put("signature_method", "HmacSHA256");
        parameters.put("signature_version", "1");
        parameters.put("version", "1");
        parameters.put("time_stamp", "2020-05-09T08:05:00Z");
        parameters.put("access_key_id", ACCESS_KEY_ID);

        String stringToSign = QingCloudSigner.stringToSign("/iaas/", QingCloudSigner.canonicalQuery(parameters));

        assertThat(stringToSign).isEqualTo("GET\n/iaas/\naccess_key_id=QYACCESSKEYIDEXAMPLE&access_type=vpc"
                + "&action=GetWanMonitor&end_time=2020-05-09T08%3A04%3A32.200Z&meters.1=traffic&meters.2=flow"
                + "&meters.3=pps&resource=waif-6bm6mt85&signature_method=HmacSHA256&signature_version=1"
                + "&start_time=2020-05-09T02%3A04%3A32.200Z&step=5m&time_stamp=2020-05-09T08%3A05%3A00Z&version=1"
                + "&zone=pek3");
        assertThat(SIGNER.signature(stringToSign)).isEqualTo("oEnsThq9TN8cXX+ZwT38w0VcaZme0RADo/fADJSTlC0=");
    }

    @Test
    void encodes_like_rfc_3986_with_upper_case_hex_and_space_as_percent_20() {
        assertThat(Signing.percentEncode("AZaz09-_.~")).isEqualTo("AZaz09-_.~");
        assertThat(Signing.percentEncode("a b+c/d=e:f&g*h")).isEqualTo("a%20b%2Bc%2Fd%3De%3Af%26g%2Ah");
        assertThat(Signing.percentEncode("流量")).isEqualTo("%E6%B5%81%E9%87%8F");
    }

    @Test
    void sorts_by_name_in_byte_order_so_upper_case_comes_before_lower_case() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("b", "2");
        parameters.put("a_b", "3");
        parameters.put("a.b", "4");
        parameters.put("B", "1");
        parameters.put("a", "5");

        assertThat(QingCloudSigner.canonicalQuery(parameters)).isEqualTo("B=1&a=5&a.b=4&a_b=3&b=2");
    }

    @Test
    void never_prints_the_secret() {
        assertThat(SIGNER.toString()).doesNotContain("SECRETACCESSKEY");
    }
}
