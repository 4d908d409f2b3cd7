package dev.trafficlens.sandbox.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signature version 1 against every vector docs/vendors.md lists, published and self-computed. */
class SignatureV1Test {

    private static final String SECRET = "SECRETACCESSKEY";

    @Test
    void reproduces_the_published_run_instances_vector_in_pek3a() {
        Map<String, String> parameters = runInstances("pek3a");

        String stringToSign = SignatureV1.stringToSign("GET", "/iaas/", parameters);

        assertThat(stringToSign).isEqualTo("GET\n/iaas/\naccess_key_id=QYACCESSKEYIDEXAMPLE&action=RunInstances"
                + "&count=1&image_id=centos64x86a&instance_name=demo&instance_type=small_b&login_mode=passwd"
                + "&login_passwd=QingCloud20130712&signature_method=HmacSHA256&signature_version=1"
                + "&time_stamp=2013-08-27T14%3A30%3A10Z&version=1&vxnets.1=vxnet-0&zone=pek3a");
        assertThat(SignatureV1.sign("HmacSHA256", SECRET, stringToSign))
                .isEqualTo("byjccvWIvAftaq+oublemagH3bYAlDWxxLFAzAsyslw=");
    }

    @Test
    void reproduces_the_published_run_instances_vector_in_pek1() {
        String stringToSign = SignatureV1.stringToSign("GET", "/iaas/", runInstances("pek1"));

        assertThat(SignatureV1.sign("HmacSHA256", SECRET, stringToSign))
                .isEqualTo("32bseYy39DOlatuewpeuW5vpmW51sD1A/JdGynqSpP8=");
    }

    @Test
    void reproduces_the_self_computed_get_wan_monitor_vector() {
        String stringToSign = SignatureV1.stringToSign("GET", "/iaas/", getWanMonitor("HmacSHA256"));

        assertThat(SignatureV1.sign("HmacSHA256", SECRET, stringToSign))
                .isEqualTo("oEnsThq9TN8cXX+ZwT38w0VcaZme0RADo/fADJSTlC0=");
    }

    @Test
    void signs_with_hmac_sha1_when_signature_method_says_so() {
        // Computed independently with Python's hmac for this test (no published SHA-1 vector exists).
        String stringToSign = SignatureV1.stringToSign("GET", "/iaas/", getWanMonitor("HmacSHA1"));

        assertThat(SignatureV1.sign("HmacSHA1", SECRET, stringToSign)).isEqualTo("fBAeM+i6hzVg9aN2n+ezt+yajfo=");
    }

    @Test
    void a_form_post_signs_its_method() {
        // Computed independently with Python's hmac: the string to sign starts with POST.
        String stringToSign = SignatureV1.stringToSign("POST", "/iaas/", getWanMonitor("HmacSHA256"));

        assertThat(SignatureV1.sign("HmacSHA256", SECRET, stringToSign))
                .isEqualTo("aoH/A3O14wP4IwC1NnKsExdpOA8FYY2JmpAOy/5xPlY=");
    }

    @Test
    void the_signature_parameter_itself_is_not_signed() {
        Map<String, String> parameters = runInstances("pek3a");
        String without = SignatureV1.canonicalQuery(parameters);
        parameters.put("signature", "anything");

        assertThat(SignatureV1.canonicalQuery(parameters)).isEqualTo(without);
    }

    @Test
    void encodes_rfc_3986_style_with_upper_case_hex() {
        assertThat(SignatureV1.encode("a b+c*d~e-f_g.h/i:j")).isEqualTo("a%20b%2Bc%2Ad~e-f_g.h%2Fi%3Aj");
        assertThat(SignatureV1.encode("北京")).isEqualTo("%E5%8C%97%E4%BA%AC");
    }

    @Test
    void sorts_names_in_byte_order() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("meters.2", "flow");
        parameters.put("Zone", "x");
        parameters.put("meters.1", "traffic");
        parameters.put("access_type", "vpc");

        assertThat(SignatureV1.canonicalQuery(parameters))
                .isEqualTo("Zone=x&access_type=vpc&meters.1=traffic&meters.2=flow");
    }

    @Test
    void refuses_an_unknown_algorithm() {
        assertThatThrownBy(() -> SignatureV1.sign("HmacMD5", SECRET, "x"))
                .hasMessageContaining("expected HmacSHA256 or HmacSHA1");
    }

    @Test
    void matches_only_the_exact_signature() {
        String stringToSign = SignatureV1.stringToSign("GET", "/iaas/", runInstances("pek3a"));

        assertThat(SignatureV1.matches("HmacSHA256", SECRET, stringToSign,
                "byjccvWIvAftaq+oublemagH3bYAlDWxxLFAzAsyslw=")).isTrue();
        assertThat(SignatureV1.matches("HmacSHA256", SECRET, stringToSign,
                "byjccvWIvAftaq oublemagH3bYAlDWxxLFAzAsyslw=")).isFalse();
        assertThat(SignatureV1.matches("HmacSHA256", "other", stringToSign,
                "byjccvWIvAftaq+oublemagH3bYAlDWxxLFAzAsyslw=")).isFalse();
    }

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
        parameters.put("access_key_id", "QYACCESSKEYIDEXAMPLE");
        parameters.put("action", "RunInstances");
        parameters.put("time_stamp", "2013-08-27T14:30:10Z");
        return parameters;
    }

    private static Map<String, String> getWanMonitor(String signatureMethod) {
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
        parameters.put("signature_method", signatureMethod);
        parameters.put("signature_version", "1");
        parameters.put("version", "1");
        parameters.put("time_stamp", "2020-05-09T08:05:00Z");
        parameters.put("access_key_id", "QYACCESSKEYIDEXAMPLE");
        return parameters;
    }
}
