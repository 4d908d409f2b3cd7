package dev.trafficlens.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxCoreTest {

    @Test
    void a_path_no_vendor_serves_is_a_clear_404() throws Exception {
        try (VendorSandbox sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/nothing/here")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("no simulated vendor API at GET /nothing/here");
            assertThat(sandbox.calls().total()).isZero();
        }
    }

    @Test
    void counts_the_most_requests_an_api_was_answering_at_once() throws Exception {
        try (VendorSandbox sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS)) {
            sandbox.faults().add(FaultRule.parse("NONE:300@.*"));
            URI describe = URI.create(sandbox.baseUrl() + "/v2/index.php?Action=DescribeVpnConnMonitor");
            HttpClient http = HttpClient.newHttpClient();

            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> five = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                five.add(http.sendAsync(HttpRequest.newBuilder(describe).build(), HttpResponse.BodyHandlers.ofString()));
            }
            five.forEach(java.util.concurrent.CompletableFuture::join);
            http.send(HttpRequest.newBuilder(describe).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(sandbox.calls().of("DescribeVpnConnMonitor")).isEqualTo(6);
            assertThat(sandbox.calls().peakInFlight("DescribeVpnConnMonitor")).isEqualTo(5);
            sandbox.calls().reset();
            assertThat(sandbox.calls().peakInFlight("DescribeVpnConnMonitor")).isZero();
        }
    }

    @Test
    void every_request_to_a_vendor_path_gets_an_answer_even_with_broken_escapes() throws Exception {
        try (VendorSandbox sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS)) {
            // Written on a bare socket: java.net.URI would refuse to send these targets at all.
            for (String target : new String[] {"/v2/index.php?Action=DescribeVpnConnMonitor&vpcId=%zz",
                    "/iaas/?action=GetWanMonitor&resource=%E0%A4%A"}) {
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", sandbox.port())) {
                    socket.setSoTimeout(10_000);
                    socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    String answer = new String(socket.getInputStream().readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8);

                    // The JDK server itself may refuse the target (400); what must never happen is no answer.
                    assertThat(answer).as(target).matches("(?s)HTTP/1\\.1 [2-5][0-9][0-9] .*");
                }
            }
        }
    }

    @Test
    void the_command_line_sets_port_keys_and_faults() {
        List<FaultRule> faults = new ArrayList<>();

        SandboxOptions options = SandboxMain.parse(new String[] {"--port", "9123", "--access-key-id", "AKID1",
                "--access-key-secret", "s3cret", "--fault", "server_error:100@pc-bad.*"}, faults);

        assertThat(options.port()).isEqualTo(9123);
        assertThat(options.credentials()).isEqualTo(new Credentials("AKID1", "s3cret"));
        assertThat(faults).singleElement().satisfies(rule -> {
            assertThat(rule.kind()).isEqualTo(FaultRule.Kind.SERVER_ERROR);
            assertThat(rule.latency()).isEqualTo(Duration.ofMillis(100));
            assertThat(rule.resourcePattern().pattern()).isEqualTo("pc-bad.*");
        });
    }

    @Test
    void the_command_line_defaults_to_the_documented_port_and_keys() {
        SandboxOptions options = SandboxMain.parse(new String[0], new ArrayList<>());

        assertThat(options.port()).isEqualTo(8089);
        assertThat(options.credentials()).isEqualTo(Credentials.DEFAULT);
    }

    @Test
    void bad_command_lines_say_what_is_wrong() {
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port", "eighty"}, new ArrayList<>()))
                .hasMessageContaining("--port: expected a number");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--colour", "red"}, new ArrayList<>()))
                .hasMessageContaining("--colour: unknown option");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--fault", "SLOW"}, new ArrayList<>()))
                .hasMessageContaining("expected KIND[:LATENCY_MS]@REGEX");
    }

    @Test
    void the_secret_never_prints() {
        assertThat(new Credentials("AKID1", "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void fault_rules_match_whole_resource_ids_and_the_first_match_wins() {
        Faults faults = new Faults()
                .add(FaultRule.forResources("pc-slow-.*", FaultRule.Kind.NONE).withLatency(Duration.ofMillis(100)))
                .add(FaultRule.everywhere(FaultRule.Kind.THROTTLED));

        assertThat(faults.matching("pc-slow-1")).hasValueSatisfying(rule ->
                assertThat(rule.kind()).isEqualTo(FaultRule.Kind.NONE));
        assertThat(faults.matching("xpc-slow-1")).hasValueSatisfying(rule ->
                assertThat(rule.kind()).isEqualTo(FaultRule.Kind.THROTTLED));
        faults.clear();
        assertThat(faults.matching("pc-slow-1")).isEmpty();
    }
}
