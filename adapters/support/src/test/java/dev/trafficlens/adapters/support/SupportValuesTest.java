package dev.trafficlens.adapters.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.model.RateLimit;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SupportValuesTest {

    @Test
    void a_secret_never_prints_itself() {
        Secret secret = Secret.of("Gu5t9xGARNpq86cd98joQYCN3");

        assertThat(secret.toString()).isEqualTo("******");
        assertThat(String.valueOf(secret)).doesNotContain("Gu5t9");
        assertThat(secret.reveal()).isEqualTo("Gu5t9xGARNpq86cd98joQYCN3");
        assertThat(secret.appearsIn("key=Gu5t9xGARNpq86cd98joQYCN3")).isTrue();
    }

    @Test
    void the_endpoint_takes_any_http_host_and_port_and_keeps_a_base_path() {
        HttpSettings local = HttpSettings.defaults(URI.create("http://127.0.0.1:8089"), RateLimit.assumedPerSecond(5));
        HttpSettings proxied = HttpSettings.defaults(URI.create("https://proxy.example/zenlayer/"),
                RateLimit.assumedPerSecond(5));

        assertThat(local.resolve("/api/v2/sdn")).isEqualTo(URI.create("http://127.0.0.1:8089/api/v2/sdn"));
        assertThat(local.hostHeader()).isEqualTo("127.0.0.1:8089");
        assertThat(proxied.resolve("/api/v2/sdn")).isEqualTo(URI.create("https://proxy.example/zenlayer/api/v2/sdn"));
        assertThat(proxied.hostHeader()).isEqualTo("proxy.example");
    }

    @Test
    void an_endpoint_that_is_not_a_base_url_is_refused_with_the_reason() {
        assertThatThrownBy(() -> HttpSettings.defaults(URI.create("ftp://host"), RateLimit.assumedPerSecond(1)))
                .hasMessageContaining("expected an http:// or https:// URL");
        assertThatThrownBy(() -> HttpSettings.defaults(URI.create("http://host/?a=b"), RateLimit.assumedPerSecond(1)))
                .hasMessageContaining("without query");
    }

    @Test
    void retry_after_reads_seconds_and_dates_and_ignores_nonsense() {
        assertThat(VendorResponses.parseRetryAfter("120")).hasValue(Duration.ofMinutes(2));
        assertThat(VendorResponses.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).hasValue(Duration.ZERO);
        assertThat(VendorResponses.parseRetryAfter("soon")).isEmpty();
        assertThat(VendorResponses.parseRetryAfter("-5")).isEmpty();
    }

    @Test
    void vendor_numbers_may_be_numbers_or_numeric_strings() {
        var tree = JsonBodies.parse("{\"a\":873034,\"b\":\"873034\",\"c\":\"NA\",\"d\":null,\"e\":12345678901234}"
                .getBytes(StandardCharsets.UTF_8)).get();

        assertThat(JsonBodies.number(tree.get("a"))).hasValue(873034.0);
        assertThat(JsonBodies.number(tree.get("b"))).hasValue(873034.0);
        assertThat(JsonBodies.number(tree.get("c"))).isEmpty();
        assertThat(JsonBodies.number(tree.get("d"))).isEmpty();
        assertThat(JsonBodies.number(tree.get("missing"))).isEmpty();
        assertThat(JsonBodies.number(tree.get("e"))).hasValue(12345678901234.0);
        assertThat(JsonBodies.text(tree, "b")).hasValue("873034");
    }

    @Test
    void unreadable_bodies_say_what_is_wrong_and_quote_a_short_excerpt() {
        assertThat(JsonBodies.parse("{\"data\":[1,2,],}".getBytes(StandardCharsets.UTF_8)).getLeft()).isEqualTo("not JSON");
        assertThat(JsonBodies.parse(new byte[0]).getLeft()).isEqualTo("empty body");
        String long_ = "x".repeat(1000);
        assertThat(VendorResponses.excerpt(long_.getBytes(StandardCharsets.UTF_8))).hasSize(161).endsWith("…");
        assertThat(VendorResponses.excerpt("a\n  b".getBytes(StandardCharsets.UTF_8))).isEqualTo("a b");
    }

    @Test
    void retry_policies_refuse_nonsense() {
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.withMaxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.withDeadline(Duration.ZERO)).hasMessageContaining("deadline");
    }
}
