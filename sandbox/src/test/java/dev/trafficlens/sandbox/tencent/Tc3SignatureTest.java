package dev.trafficlens.sandbox.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The official TC3-HMAC-SHA256 vector (docs/vendors.md) step by step, and the self-computed mna vector. */
class Tc3SignatureTest {

    private static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3*******";

    @Test
    void reproduces_every_step_of_the_official_cvm_example() {
        String body = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], "
                + "\"Name\": \"instance-name\"}]}";
        long timestamp = 1551113065;

        String payloadHash = Tc3Signature.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        String canonicalRequest = Tc3Signature.canonicalRequest("POST", "/", "",
                "content-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n", "content-type;host",
                payloadHash);
        String date = Tc3Signature.dateOf(timestamp);
        String scope = Tc3Signature.credentialScope(date, "cvm");
        byte[] signingKey = Tc3Signature.signingKey(SECRET_KEY, date, "cvm");
        String stringToSign = Tc3Signature.stringToSign(timestamp, scope, canonicalRequest);

        assertThat(payloadHash).isEqualTo("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        assertThat(Tc3Signature.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
        assertThat(date).isEqualTo("2019-02-25");
        assertThat(scope).isEqualTo("2019-02-25/cvm/tc3_request");
        assertThat(stringToSign).startsWith("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04");
        assertThat(HexFormat.of().formatHex(signingKey))
                .isEqualTo("8aa8ab5755582f576e94bcfe383b8e29325b0ca90c3590d569221c6a63a091ed");
        assertThat(Tc3Signature.signature(signingKey, stringToSign))
                .isEqualTo("2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c");
    }

    @Test
    void reproduces_the_self_computed_mna_vector_on_the_intl_host() {
        String body = "{\"BeginTime\":1735257600,\"EndTime\":1735344000,\"Type\":3,\"TimeGranularity\":1,"
                + "\"GatewayType\":0}";
        long timestamp = 1735300000;
        String date = Tc3Signature.dateOf(timestamp);

        String canonicalRequest = Tc3Signature.canonicalRequest("POST", "/", "",
                "content-type:application/json\nhost:mna.intl.tencentcloudapi.com\n", "content-type;host",
                Tc3Signature.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
        String signature = Tc3Signature.signature(Tc3Signature.signingKey(SECRET_KEY, date, "mna"),
                Tc3Signature.stringToSign(timestamp, Tc3Signature.credentialScope(date, "mna"), canonicalRequest));

        assertThat(date).isEqualTo("2024-12-27");
        assertThat(signature).isEqualTo("142654515a28e23a5fc39398d5069ad92cdf09e9ec8bac31811c70bf2f36be4b");
    }

    @Test
    void the_scope_date_is_the_utc_date_even_when_beijing_has_moved_on() {
        assertThat(Tc3Signature.dateOf(1767311999)).isEqualTo("2026-01-01"); // 23:59:59 UTC, 07:59:59 in Beijing
        assertThat(Tc3Signature.dateOf(1767312000)).isEqualTo("2026-01-02");
    }
}
