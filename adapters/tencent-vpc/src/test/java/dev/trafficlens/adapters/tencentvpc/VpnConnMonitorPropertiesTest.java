package dev.trafficlens.adapters.tencentvpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomised checks of the rules that have many cases: where positional values land, and that whatever the
 * identifiers hold, the wire carries each raw value exactly once-encoded under a signature the vendor can recompute.
 */
class VpnConnMonitorPropertiesTest {

    private static final int ROUNDS = 300;
    private static final Instant EPOCH_OF_TESTS = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ID_ALPHABET = "abcXYZ019-_.~&=%+/?#:;,@!$'()*[]中é";

    @Test
    void value_i_always_lands_on_starttime_plus_five_i_minutes_and_the_rest_stay_missing() {
        Random random = new Random(8_0000_0001L);
        for (int round = 0; round < ROUNDS; round++) {
            TimeWindow window = randomWindow(random);
            int slots = window.sampleCount(Step.FIVE_MINUTES);
            int sent = random.nextInt(slots + 12);
            double[] expected = new double[slots];
            Arrays.fill(expected, Double.NaN);
            StringBuilder data = new StringBuilder();
            for (int i = 0; i < sent; i++) {
                boolean missing = random.nextInt(5) == 0;
                long value = (long) (random.nextDouble() * 1e10);
                data.append(i == 0 ? "" : ",")
                        .append(missing ? "null" : random.nextBoolean() ? Long.toString(value) : "\"" + value + "\"");
                if (i < slots && !missing) {
                    expected[i] = value;
                }
            }
            String array = "[" + data + "]";
            String body = "{\"code\":0,\"message\":\"\",\"data\":"
                    + (random.nextBoolean() ? array : "{\"data\":" + array + "}") + "}";
            VpnConnMonitorRequest request = new VpnConnMonitorRequest(TencentVpcContractTest.TUNNEL,
                    VpnMonitorMetric.INTRAFFIC, window);

            Attempt<VpnConnMonitorReply> read = new VpnConnMonitorReader("property").read(200,
                    body.getBytes(StandardCharsets.UTF_8));
            TrafficSeries series = TencentVpcTrafficSource.series(request, Step.FIVE_MINUTES,
                    ((Attempt.Success<VpnConnMonitorReply>) read).value());

            assertThat(series.metric()).isEqualTo(Metric.BITRATE_IN);
            assertThat(series.window()).isEqualTo(window);
            assertThat(Arrays.equals(series.values(), expected)).as("round %d, %s, body %s", round, window, body)
                    .isTrue();
        }
    }

    @Test
    void the_wire_decodes_to_the_raw_signed_values_with_times_in_beijing() {
        Random random = new Random(8_0000_0002L);
        Secret key = Secret.of("Gu5t9xGARNpq86cd98joQYCN3Cozk1qA");
        for (int round = 0; round < ROUNDS; round++) {
            TencentVpnConnection connection = new TencentVpnConnection(randomId(random), randomId(random),
                    randomId(random), randomId(random));
            TimeWindow window = randomWindow(random);
            VpnMonitorMetric metric = VpnMonitorMetric.values()[random.nextInt(2)];
            VpnConnMonitorRequest request = new VpnConnMonitorRequest(connection, metric, window);
            long timestamp = 1_700_000_000L + random.nextInt(100_000_000);
            int nonce = 1 + random.nextInt(Integer.MAX_VALUE - 1);
            String host = "127.0.0.1:" + (1024 + random.nextInt(60_000));

            URI uri = request.signedUri(URI.create("http://" + host + "/v2/index.php"), host, "AKIDprop", key,
                    timestamp, nonce);

            Map<String, String> decoded = decode(uri.getRawQuery());
            Map<String, String> unsigned = request.unsignedParams("AKIDprop", timestamp, nonce);
            assertThat(decoded).as("round %d", round).containsAllEntriesOf(unsigned).hasSize(unsigned.size() + 1);
            assertThat(decoded.get("Signature"))
                    .isEqualTo(TencentVpcSigner.signGet(host, "/v2/index.php", unsigned, key));
            assertThat(LocalDateTime.parse(decoded.get("starttime").replace(' ', 'T'))
                    .toInstant(VpnConnMonitorRequest.BEIJING)).isEqualTo(window.from());
            assertThat(LocalDateTime.parse(decoded.get("endtime").replace(' ', 'T'))
                    .toInstant(VpnConnMonitorRequest.BEIJING)).isEqualTo(window.to());
            assertThat(uri.getRawQuery()).doesNotContain(" ").doesNotContain("+");
        }
    }

    private static TimeWindow randomWindow(Random random) {
        Instant from = EPOCH_OF_TESTS.plusSeconds(300L * random.nextInt(365 * 288));
        return new TimeWindow(from, from.plusSeconds(300L * (1 + random.nextInt(576))));
    }

    private static String randomId(Random random) {
        StringBuilder id = new StringBuilder();
        int length = 1 + random.nextInt(16);
        for (int i = 0; i < length; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    /** Splits on the raw separators first, so an encoded '&' or '=' inside a value cannot split it. */
    private static Map<String, String> decode(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
