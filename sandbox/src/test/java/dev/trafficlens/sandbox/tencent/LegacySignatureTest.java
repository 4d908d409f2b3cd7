package dev.trafficlens.sandbox.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** Every published signature v1 vector in docs/vendors.md, rebuilt from its parameters, plus the self-computed one. */
class LegacySignatureTest {

    private static final String KEY = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA";

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/tencent/legacy-signature-vectors.csv", delimiter = '|')
    void rebuilds_the_published_string_to_sign_and_signature(
            String vector, String key, LegacySignature.Algorithm algorithm, String published, String signature) {
        String host = published.substring(3, published.indexOf('/'));
        String path = published.substring(published.indexOf('/'), published.indexOf('?'));
        Map<String, String> shuffled = reversed(published.substring(published.indexOf('?') + 1));
        shuffled.put("Signature", "not part of what is signed");

        String rebuilt = LegacySignature.stringToSign("get", host, path, shuffled);

        assertThat(rebuilt).isEqualTo(published);
        assertThat(LegacySignature.sign(algorithm, key, rebuilt)).isEqualTo(signature);
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({"Placement_Zone, Placement.Zone", "instanceIds_0, instanceIds.0"})
    void underscores_in_names_are_signed_as_dots(String sent, String signed) {
        String text = LegacySignature.stringToSign("GET", "vpc.api.qcloud.com", "/v2/index.php", Map.of(sent, "x"));

        assertThat(text).isEqualTo("GETvpc.api.qcloud.com/v2/index.php?" + signed + "=x");
        assertThat(LegacySignature.sign(LegacySignature.Algorithm.HMAC_SHA1, KEY, text)).isNotBlank();
    }

    /** The vector's parameters in reverse order, so the test proves the sorting too. */
    private static Map<String, String> reversed(String joined) {
        String[] pairs = joined.split("&");
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = pairs.length - 1; i >= 0; i--) {
            int equals = pairs[i].indexOf('=');
            parameters.put(pairs[i].substring(0, equals), pairs[i].substring(equals + 1));
        }
        return parameters;
    }
}
