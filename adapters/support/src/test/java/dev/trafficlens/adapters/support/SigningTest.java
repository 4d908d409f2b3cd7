package dev.trafficlens.adapters.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SigningTest {

    @Test
    void hmac_sha256_matches_rfc_4231_test_case_2() {
        byte[] mac = Signing.hmacSha256("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?");

        assertThat(Signing.hex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void hmac_sha1_keyed_with_a_secret_matches_rfc_2202_test_case_2() {
        byte[] mac = Signing.hmac("HmacSHA1", Secret.of("Jefe"), "what do ya want for nothing?");

        assertThat(Signing.hex(mac)).isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    }

    @Test
    void sha256_matches_the_fips_180_abc_example() {
        assertThat(Signing.hex(Signing.sha256("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void percent_encoding_keeps_only_unreserved_characters_and_encodes_utf8_bytes_in_upper_case() {
        assertThat(Signing.percentEncode("AZaz09-_.~")).isEqualTo("AZaz09-_.~");
        assertThat(Signing.percentEncode("a b+c/d=e:f&g*h")).isEqualTo("a%20b%2Bc%2Fd%3De%3Af%26g%2Ah");
        assertThat(Signing.percentEncode("流量")).isEqualTo("%E6%B5%81%E9%87%8F");
    }
}
