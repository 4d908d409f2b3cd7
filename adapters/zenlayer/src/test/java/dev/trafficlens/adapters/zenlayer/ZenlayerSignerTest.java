package dev.trafficlens.adapters.zenlayer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ZC2-HMAC-SHA256 against every published vector in docs/vendors.md, and the self-computed one for this API. */
class ZenlayerSignerTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reproduces_the_official_documentation_vector_step_by_step() {
        ZenlayerSigner.Signature signature = ZenlayerSigner.sign(
                "application/json; charset=utf-8", "console.zenlayer.com",
                utf8("{\"pageSize\":10,\"pageNum\":1,\"zoneId\":\"HKG-A\"}"), 1673361177L,
                Secret.of("Gu5t9xGARNpq86cd98joQYCN3"));

        assertThat(signature.payloadHash())
                .isEqualTo("5f714687ba91c606d503467766151206392474accd137ffea6dce2420b67c29a");
        assertThat(signature.canonicalRequest()).isEqualTo("POST\n/\n\n"
                + "content-type:application/json; charset=utf-8\n"
                + "host:console.zenlayer.com\n\n"
                + "content-type;host\n"
                + "5f714687ba91c606d503467766151206392474accd137ffea6dce2420b67c29a");
        assertThat(signature.canonicalRequestHash())
                .isEqualTo("29396f9dfa0f03820b931e8aa06e20cda197e73285ebd76aceb83f7dede493ee");
        assertThat(signature.stringToSign()).isEqualTo("ZC2-HMAC-SHA256\n1673361177\n"
                + "29396f9dfa0f03820b931e8aa06e20cda197e73285ebd76aceb83f7dede493ee");
        assertThat(signature.signature())
                .isEqualTo("efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f");
        assertThat(signature.authorization("0D9UtpyKYcHxms5v")).isEqualTo("ZC2-HMAC-SHA256 "
                + "Credential=0D9UtpyKYcHxms5v, SignedHeaders=content-type;host, "
                + "Signature=efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f");
    }

    @Test
    void reproduces_the_third_party_empty_body_vector() {
        ZenlayerSigner.Signature signature = ZenlayerSigner.sign("application/json", "console.zenlayer.com",
                utf8("{}"), 1700000000L, Secret.of("ZL-SECRET-PWD-deadbeef-1234"));

        assertThat(signature.payloadHash())
                .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        assertThat(signature.authorization("AKIDtest-key-id-0001")).isEqualTo("ZC2-HMAC-SHA256 "
                + "Credential=AKIDtest-key-id-0001, SignedHeaders=content-type;host, "
                + "Signature=2b3f42e101002bafea1f414aa9c7fe8a13d52a3fa27d92a3f338b22685ec7884");
    }

    @Test
    void reproduces_the_third_party_long_create_instances_vector() {
        String body = "{\"zoneId\":\"SEL-A\",\"imageId\":\"IMG-12345\",\"instanceType\":\"S8I\",\"instanceCount\":2,"
                + "\"internetMaxBandwidthOut\":100,\"instanceChargePrepaid\":{\"period\":12},"
                + "\"dataDisks\":[{\"diskSize\":100,\"diskCategory\":\"Basic NVMe SSD\"}]}";

        ZenlayerSigner.Signature signature = ZenlayerSigner.sign("application/json", "console.zenlayer.com",
                utf8(body), 1705501234L, Secret.of("longer-secret-here-9876543210"));

        assertThat(signature.payloadHash())
                .isEqualTo("5a1867bd6e5da40be76ceab6cfbc3b959b6f8150f1b14013644b0824fa126f36");
        assertThat(signature.authorization("AKID-full-test")).isEqualTo("ZC2-HMAC-SHA256 "
                + "Credential=AKID-full-test, SignedHeaders=content-type;host, "
                + "Signature=a308d57bae86769b7f2c5f9140185033c982a009af7e2644f0ae88794592070e");
    }

    /** Same source as the two above (augusl/zenlayercloud-sdk-laravel SignerTest): a non-ASCII body, key and host. */
    @Test
    void reproduces_the_third_party_unicode_vector_on_another_host() {
        ZenlayerSigner.Signature signature = ZenlayerSigner.sign("application/json", "api.example.zenlayer.local",
                utf8("{\"instanceName\":\"测试-实例-001\",\"comment\":\"Includes / and = chars\"}"), 1731234567L,
                Secret.of("pwd-unicode-中文-9999"));

        assertThat(signature.payloadHash())
                .isEqualTo("ed8ae2fd7e284d6db3de1b25e89ef86d167db75107b76a5a23fae68a28b2431a");
        assertThat(signature.signature())
                .isEqualTo("b39884f06e3cbeff6119e96ad89d69085bf986c8a4b7069737f8c0722eb097f8");
    }

    @Test
    void reproduces_the_self_computed_describe_private_connect_traffic_vector() {
        ZenlayerSigner.Signature signature = ZenlayerSigner.sign("application/json", "console.zenlayer.com",
                utf8("{\"privateConnectId\":\"your-private-connect-id\",\"startTime\":\"2023-01-01T00:00:00Z\","
                        + "\"endTime\":\"2023-01-01T23:59:59Z\"}"),
                1672531200L, Secret.of("Gu5t9xGARNpq86cd98joQYCN3"));

        assertThat(signature.signature())
                .isEqualTo("4e9bb866b08464f8ebe458065a13ee6fca96db1cf1b2266ca8f8d7be94e5602e");
    }

    @Test
    void the_content_type_is_signed_verbatim_so_a_charset_changes_the_signature() {
        byte[] body = utf8("{}");
        Secret key = Secret.of("ZL-SECRET-PWD-deadbeef-1234");

        String plain = ZenlayerSigner.sign("application/json", "console.zenlayer.com", body, 1700000000L, key)
                .signature();
        String withCharset = ZenlayerSigner.sign("application/json; charset=utf-8", "console.zenlayer.com", body,
                1700000000L, key).signature();

        assertThat(withCharset).isNotEqualTo(plain);
    }

    @Test
    void the_port_of_the_host_is_signed() {
        byte[] body = utf8("{}");
        Secret key = Secret.of("ZL-SECRET-PWD-deadbeef-1234");

        ZenlayerSigner.Signature withPort =
                ZenlayerSigner.sign("application/json", "127.0.0.1:8080", body, 1700000000L, key);

        assertThat(withPort.canonicalRequest()).contains("\nhost:127.0.0.1:8080\n");
        assertThat(withPort.signature()).isNotEqualTo(
                ZenlayerSigner.sign("application/json", "127.0.0.1", body, 1700000000L, key).signature());
    }
}
