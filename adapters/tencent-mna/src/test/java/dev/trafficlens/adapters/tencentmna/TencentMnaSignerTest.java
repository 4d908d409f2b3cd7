package dev.trafficlens.adapters.tencentmna;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.Secret;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** TC3-HMAC-SHA256 against the vendor's published example and the self-computed mna vector (docs/vendors.md). */
class TencentMnaSignerTest {

    /** The asterisks are part of the published keys. */
    private static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******";
    private static final Secret SECRET_KEY = Secret.of("Gu5t9xGARNpq86cd98joQYCN3*******");

    @Nested
    class The_official_cvm_example {

        private static final String HOST = "cvm.tencentcloudapi.com";
        private static final String CONTENT_TYPE = "application/json; charset=utf-8";
        private static final long TIMESTAMP = 1551113065;
        /** The unicode escapes are literal text in the body, as published. */
        private static final byte[] BODY = ("{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], "
                + "\"Name\": \"instance-name\"}]}").getBytes(StandardCharsets.UTF_8);

        private final TencentMnaSigner signer = new TencentMnaSigner(SECRET_ID, SECRET_KEY, "cvm");

        @Test
        void hashes_the_payload() {
            assertThat(TencentMnaSigner.hashedPayload(BODY))
                    .isEqualTo("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        }

        @Test
        void builds_the_canonical_request() {
            String canonical = TencentMnaSigner.canonicalRequest(HOST, CONTENT_TYPE, BODY);

            assertThat(canonical).isEqualTo("POST\n/\n\ncontent-type:application/json; charset=utf-8\n"
                    + "host:cvm.tencentcloudapi.com\n\ncontent-type;host\n"
                    + "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
            assertThat(TencentMnaSigner.hashedPayload(canonical.getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
        }

        @Test
        void builds_the_string_to_sign_with_the_utc_date_scope() {
            String stringToSign = signer.stringToSign(TencentMnaSigner.canonicalRequest(HOST, CONTENT_TYPE, BODY), TIMESTAMP);

            assertThat(stringToSign).isEqualTo("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
                    + "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
        }

        @Test
        void derives_the_signing_key() {
            assertThat(HexFormat.of().formatHex(signer.signingKey("2019-02-25")))
                    .isEqualTo("8aa8ab5755582f576e94bcfe383b8e29325b0ca90c3590d569221c6a63a091ed");
        }

        @Test
        void signs() {
            assertThat(signer.signature(HOST, CONTENT_TYPE, BODY, TIMESTAMP))
                    .isEqualTo("2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c");
        }

        @Test
        void writes_the_authorization_header() {
            assertThat(signer.authorization(HOST, CONTENT_TYPE, BODY, TIMESTAMP)).isEqualTo("TC3-HMAC-SHA256 "
                    + "Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, "
                    + "SignedHeaders=content-type;host, "
                    + "Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c");
        }
    }

    @Nested
    class The_mna_vector {

        private static final byte[] BODY =
                "{\"BeginTime\":1735257600,\"EndTime\":1735344000,\"Type\":3,\"TimeGranularity\":1,\"GatewayType\":0}"
                        .getBytes(StandardCharsets.UTF_8);

        private final TencentMnaSigner signer = new TencentMnaSigner(SECRET_ID, SECRET_KEY, "mna");

        @Test
        void signs_with_the_product_as_service_even_on_the_intl_host() {
            String authorization =
                    signer.authorization("mna.intl.tencentcloudapi.com", "application/json", BODY, 1735300000);

            assertThat(authorization).isEqualTo("TC3-HMAC-SHA256 "
                    + "Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2024-12-27/mna/tc3_request, "
                    + "SignedHeaders=content-type;host, "
                    + "Signature=142654515a28e23a5fc39398d5069ad92cdf09e9ec8bac31811c70bf2f36be4b");
        }

        @Test
        void the_request_body_the_adapter_writes_for_that_call_is_the_vector_body() {
            FlowStatisticRequest request = new FlowStatisticRequest(
                    1735257600, 1735344000, TrafficType.SUM, 1, 0, java.util.Optional.empty());

            assertThat(new String(request.toJson(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(BODY, StandardCharsets.UTF_8));
        }

        @Test
        void any_change_to_the_signed_bytes_or_host_changes_the_signature() {
            String signed = signer.signature("mna.intl.tencentcloudapi.com", "application/json", BODY, 1735300000);
            byte[] spaced = new String(BODY, StandardCharsets.UTF_8).replace(":", ": ").getBytes(StandardCharsets.UTF_8);

            assertThat(signer.signature("mna.intl.tencentcloudapi.com", "application/json", spaced, 1735300000))
                    .isNotEqualTo(signed);
            assertThat(signer.signature("mna.tencentcloudapi.com", "application/json", BODY, 1735300000))
                    .isNotEqualTo(signed);
            assertThat(signer.signature("127.0.0.1:8080", "application/json", BODY, 1735300000))
                    .isNotEqualTo(signed);
        }
    }

    @Test
    void the_scope_date_is_the_utc_date_of_the_timestamp() {
        assertThat(TencentMnaSigner.scopeDate(1551139199)).isEqualTo("2019-02-25"); // 23:59:59 UTC, already the 26th in Beijing
        assertThat(TencentMnaSigner.scopeDate(1551139200)).isEqualTo("2019-02-26");
    }

    @Test
    void the_signature_is_lower_case_hex_of_32_bytes() {
        TencentMnaSigner signer = new TencentMnaSigner(SECRET_ID, SECRET_KEY, "mna");

        assertThat(signer.signature("mna.intl.tencentcloudapi.com", "application/json", new byte[0], 1767225600))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void the_signer_never_prints_the_secret() {
        assertThat(new TencentMnaSigner(SECRET_ID, SECRET_KEY, "mna").toString()).doesNotContain(SECRET_KEY.reveal());
    }
}
