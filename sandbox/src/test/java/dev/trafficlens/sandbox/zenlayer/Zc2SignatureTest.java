package dev.trafficlens.sandbox.zenlayer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The simulator's ZC2-HMAC-SHA256 against every published vector in docs/vendors.md. Zenlayer publishes no Java SDK on
 * Maven Central, so these vectors are the reference the sandbox is held to.
 */
class Zc2SignatureTest {

    private static final String ZENLAYER_HOST = "console.zenlayer.com";

    @Test
    void reproduces_the_official_documentation_example_step_by_step() {
        byte[] body = bytes("{\"pageSize\":10,\"pageNum\":1,\"zoneId\":\"HKG-A\"}");
        String contentType = "application/json; charset=utf-8";

        assertThat(Zc2Signature.hashedPayload(body))
                .isEqualTo("5f714687ba91c606d503467766151206392474accd137ffea6dce2420b67c29a");
        assertThat(Zc2Signature.stringToSign("1673361177", Zc2Signature.canonicalRequest(contentType, ZENLAYER_HOST, body)))
                .isEqualTo("ZC2-HMAC-SHA256\n1673361177\n"
                        + "29396f9dfa0f03820b931e8aa06e20cda197e73285ebd76aceb83f7dede493ee");
        assertThat(Zc2Signature.signature("Gu5t9xGARNpq86cd98joQYCN3", "1673361177", contentType, ZENLAYER_HOST, body))
                .isEqualTo("efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f");
    }

    @Test
    void lays_out_the_canonical_request_with_root_uri_empty_query_and_two_signed_headers() {
        assertThat(Zc2Signature.canonicalRequest("application/json", "h:1", bytes("{}")))
                .isEqualTo("POST\n/\n\ncontent-type:application/json\nhost:h:1\n\ncontent-type;host\n"
                        + "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }

    @Test
    void reproduces_the_third_party_vector_with_an_empty_object_body() {
        byte[] body = bytes("{}");

        assertThat(Zc2Signature.hashedPayload(body))
                .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        assertThat(Zc2Signature.signature("ZL-SECRET-PWD-deadbeef-1234", "1700000000", "application/json",
                ZENLAYER_HOST, body))
                .isEqualTo("2b3f42e101002bafea1f414aa9c7fe8a13d52a3fa27d92a3f338b22685ec7884");
    }

    @Test
    void reproduces_the_third_party_vector_with_a_nested_body() {
        byte[] body = bytes("{\"zoneId\":\"SEL-A\",\"imageId\":\"IMG-12345\",\"instanceType\":\"S8I\",\"instanceCount\":2,"
                + "\"internetMaxBandwidthOut\":100,\"instanceChargePrepaid\":{\"period\":12},"
                + "\"dataDisks\":[{\"diskSize\":100,\"diskCategory\":\"Basic NVMe SSD\"}]}");

        assertThat(Zc2Signature.hashedPayload(body))
                .isEqualTo("5a1867bd6e5da40be76ceab6cfbc3b959b6f8150f1b14013644b0824fa126f36");
        assertThat(Zc2Signature.signature("longer-secret-here-9876543210", "1705501234", "application/json",
                ZENLAYER_HOST, body))
                .isEqualTo("a308d57bae86769b7f2c5f9140185033c982a009af7e2644f0ae88794592070e");
    }

    @Test
    void reproduces_the_third_party_vector_with_unicode_in_body_and_key_and_another_host() {
        // augusl/zenlayercloud-sdk-laravel tests/Unit/SignerTest.php, custom_host_unicode_payload: UTF-8 everywhere.
        byte[] body = bytes("{\"instanceName\":\"测试-实例-001\",\"comment\":\"Includes / and = chars\"}");

        assertThat(Zc2Signature.hashedPayload(body))
                .isEqualTo("ed8ae2fd7e284d6db3de1b25e89ef86d167db75107b76a5a23fae68a28b2431a");
        assertThat(Zc2Signature.signature("pwd-unicode-中文-9999", "1731234567", "application/json",
                "api.example.zenlayer.local", body))
                .isEqualTo("b39884f06e3cbeff6119e96ad89d69085bf986c8a4b7069737f8c0722eb097f8");
    }

    @Test
    void reproduces_the_self_computed_private_connect_traffic_vector() {
        byte[] body = bytes("{\"privateConnectId\":\"your-private-connect-id\",\"startTime\":\"2023-01-01T00:00:00Z\","
                + "\"endTime\":\"2023-01-01T23:59:59Z\"}");

        assertThat(Zc2Signature.signature("Gu5t9xGARNpq86cd98joQYCN3", "1672531200", "application/json",
                ZENLAYER_HOST, body))
                .isEqualTo("4e9bb866b08464f8ebe458065a13ee6fca96db1cf1b2266ca8f8d7be94e5602e");
    }

    @Test
    void signs_the_content_type_verbatim() {
        byte[] body = bytes("{}");

        assertThat(Zc2Signature.signature("k", "1", "application/json", ZENLAYER_HOST, body))
                .isNotEqualTo(Zc2Signature.signature("k", "1", "application/json; charset=utf-8", ZENLAYER_HOST, body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
