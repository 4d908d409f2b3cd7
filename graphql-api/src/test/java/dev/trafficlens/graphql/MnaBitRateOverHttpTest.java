package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tencent MNA's derived bit rate as a client meets it over HTTP, on the in-process sandbox: at 5 minutes the bytes
 * × 8 ÷ 300, marked derived and billed; summed with the four other sources; and refused, with the reason, hourly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MnaBitRateOverHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] DIRECTIONS = {"IN", "OUT", "TOTAL"};

    private final ServiceClient service;

    MnaBitRateOverHttpTest(@LocalServerPort int port) {
        this.service = new ServiceClient(port);
    }

    @Test
    void a_five_minute_mna_bit_rate_is_its_bytes_times_8_over_300_slot_by_slot_marked_derived_and_billed() throws Exception {
        String query = """
                query Mna($from: DateTime!, $to: DateTime!) {
                  traffic(queries: [{from: $from, to: $to, step: "5m",
                      resource: {tencentMnaRegion: {gatewayType: 0, accessRegion: "MC"}}}]) {
                    step billing95 perInterval: billing95(rule: PER_INTERVAL_MAX)
                    series { direction quantity unit derived step start values }
                  }
                }""";

        JsonNode body = post(query, TrafficQueries.window());

        assertThat(body.has("errors")).as("%s", body).isFalse();
        JsonNode result = body.at("/data/traffic/0");
        assertThat(result.get("step").asString()).isEqualTo("5m");
        List<JsonNode> series = list(result.get("series"));
        assertThat(series).extracting(one -> one.get("quantity").asString() + " " + one.get("direction").asString())
                .containsExactly("BITRATE IN", "BITRATE OUT", "BITRATE TOTAL", "VOLUME IN", "VOLUME OUT", "VOLUME TOTAL");
        for (int d = 0; d < DIRECTIONS.length; d++) {
            JsonNode rates = series.get(d);
            JsonNode bytes = series.get(d + 3);
            assertThat(rates.get("derived").asBoolean()).isTrue();
            assertThat(bytes.get("derived").asBoolean()).isFalse();
            assertThat(rates.get("unit").asString()).isEqualTo("bps");
            assertThat(rates.get("step").asString()).isEqualTo("5m");
            assertThat(rates.get("start")).isEqualTo(bytes.get("start"));
            double[] rateValues = values(rates);
            double[] byteValues = values(bytes);
            assertThat(rateValues).hasSize(2 * 288).hasSameSizeAs(byteValues);
            assertThat(Arrays.stream(byteValues).filter(Double::isNaN).count())
                    .as("the sandbox's gaps").isPositive().isLessThan(byteValues.length / 2);
            for (int i = 0; i < rateValues.length; i++) {
                // Boxed, so that a gap (NaN) equals a gap.
                assertThat(Double.valueOf(rateValues[i])).as("%s slot %d", DIRECTIONS[d], i)
                        .isEqualTo(Double.valueOf(byteValues[i] * 8 / 300));
            }
        }
        double in95 = nearestRank95(values(series.get(0)));
        double out95 = nearestRank95(values(series.get(1)));
        assertThat(result.get("billing95").isNull()).isFalse();
        assertThat(result.get("billing95").asDouble()).isEqualTo(Math.max(in95, out95)).isPositive();
        assertThat(result.get("perInterval").asDouble())
                .isEqualTo(nearestRank95(perIntervalMax(values(series.get(0)), values(series.get(1)))));
    }

    @Test
    void the_aggregate_of_all_five_sources_at_five_minutes_has_a_billing95_with_mna_in_its_sum() throws Exception {
        String queries = """
                {from: $from, to: $to, step: "5m", resource: {tencentVpnConnection:
                  {region: "ap-guangzhou", vpcId: "vpc-1", vpnGwId: "vpngw-1", vpnConnId: "vpnx-sum"}}}
                {from: $from, to: $to, step: "5m", resource: {tencentMnaRegion: {gatewayType: 1, accessRegion: "EU"}}}
                {from: $from, to: $to, step: "5m", resource: {qingcloudWan: {zone: "pek3", resource: "wacc-sum", accessType: "cpe"}}}
                {from: $from, to: $to, step: "5m", resource: {zenlayerPrivateConnect: {privateConnectId: "pc-sum"}}}
                {from: $from, to: $to, step: "5m", resource: {zenlayerCloudRouter:
                  {cloudRouterId: "cr-sum", sourceDcId: "dc-a", destinationDcId: "dc-z"}}}""";
        String query = """
                query Sum($from: DateTime!, $to: DateTime!) {
                  aggregate(queries: [%1$s]) {
                    billing95
                    series(quantity: BITRATE) { direction derived values }
                  }
                  traffic(queries: [%1$s]) { source series(quantity: BITRATE) { direction derived values } }
                }""".formatted(queries);

        JsonNode body = post(query, TrafficQueries.window());

        assertThat(body.has("errors")).as("%s", body).isFalse();
        List<JsonNode> sums = list(body.at("/data/aggregate/series"));
        assertThat(sums).extracting(one -> one.get("direction").asString()).containsExactly("IN", "OUT", "TOTAL");
        // MNA's derived series is summed with the others', so the sums are derived; TOTAL is MNA's alone.
        assertThat(sums).allSatisfy(sum -> assertThat(sum.get("derived").asBoolean()).isTrue());
        List<JsonNode> links = list(body.at("/data/traffic"));
        assertThat(links).extracting(link -> link.get("source").asString()).containsExactly("tencent.vpn-connection",
                "tencent.mna-region", "qingcloud.wan-access", "zenlayer.private-connect", "zenlayer.cloud-router");
        for (int d = 0; d < 2; d++) {
            double[] sum = values(sums.get(d));
            // Summed in query order; a slot any link misses is missing from the sum (missing samples skipped).
            double[] expected = new double[sum.length];
            for (JsonNode link : links) {
                double[] own = values(list(link.get("series")).get(d));
                assertThat(own).hasSameSizeAs(sum);
                for (int i = 0; i < own.length; i++) {
                    expected[i] += own[i];
                }
            }
            for (int i = 0; i < sum.length; i++) {
                assertThat(Double.valueOf(sum[i])).as("%s slot %d", DIRECTIONS[d], i)
                        .isEqualTo(Double.valueOf(expected[i]));
            }
        }
        JsonNode billing = body.at("/data/aggregate/billing95");
        assertThat(billing.isNull()).isFalse();
        assertThat(billing.asDouble()).isEqualTo(Math.max(nearestRank95(values(sums.get(0))),
                nearestRank95(values(sums.get(1))))).isPositive();
    }

    @Test
    void an_hourly_mna_result_asked_for_its_bit_rate_gets_invalid_query_errors_saying_why() throws Exception {
        String query = """
                query Hourly($from: DateTime!, $to: DateTime!) {
                  traffic(queries: [
                    {from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: "pc-hourly"}}}
                    {from: $from, to: $to, resource: {tencentMnaRegion: {gatewayType: 0, accessRegion: "AM"}}}
                  ]) {
                    step billing95
                    bitRates: series(quantity: BITRATE) { direction }
                    all: series { quantity derived }
                  }
                }""";

        JsonNode body = post(query, TrafficQueries.window());

        JsonNode mna = body.at("/data/traffic/1");
        assertThat(mna.get("step").asString()).isEqualTo("1h");
        assertThat(mna.get("billing95").isNull()).isTrue();
        assertThat(list(mna.get("bitRates"))).isEmpty();
        // Asked for no quantity, an hourly MNA result is its volumes, without an error.
        assertThat(list(mna.get("all"))).extracting(one -> one.get("quantity").asString() + " " + one.get("derived"))
                .containsOnly("VOLUME false").hasSize(3);
        assertThat(body.at("/data/traffic/0/billing95").asDouble()).isPositive();
        List<JsonNode> errors = list(body.get("errors"));
        assertThat(errors).extracting(error -> error.get("path").toString())
                .containsExactlyInAnyOrder("[\"traffic\",1,\"billing95\"]", "[\"traffic\",1,\"bitRates\"]");
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.at("/extensions/code").asString()).isEqualTo("INVALID_QUERY");
            assertThat(error.at("/extensions/field").asString()).isEqualTo("queries[1].step");
            assertThat(error.get("message").asString())
                    .startsWith("queries[1].step: tencent.mna-region has no BITRATE_")
                    .contains("at step 1h", "× 8 ÷ bucket seconds", "derived only from 1m or 5m buckets",
                            "a percentile of 1h averages is not a 5-minute billing figure",
                            "ask for step 1m, 5m, 15m or 30m")
                    .doesNotContain("Exception");
        });
    }

    @Test
    void an_aggregate_with_an_hourly_mna_query_sums_no_bit_rate_and_says_which_query_has_none() throws Exception {
        String query = """
                query HourlySum($from: DateTime!, $to: DateTime!) {
                  aggregate(queries: [
                    {from: $from, to: $to, step: "1h", resource: {zenlayerPrivateConnect: {privateConnectId: "pc-hsum"}}}
                    {from: $from, to: $to, resource: {tencentMnaRegion: {gatewayType: 1, accessRegion: "AM"}}}
                  ]) {
                    billing95
                    series { direction quantity }
                  }
                }""";

        JsonNode body = post(query, TrafficQueries.window());

        assertThat(body.at("/data/aggregate/billing95").isNull()).isTrue();
        // Zenlayer's bit rate alone would pass for the sum of both links: it is left out, the volumes are summed.
        assertThat(list(body.at("/data/aggregate/series"))).extracting(one -> one.get("quantity").asString())
                .containsOnly("VOLUME").hasSize(3);
        List<JsonNode> errors = list(body.get("errors"));
        assertThat(errors).extracting(error -> error.get("path").toString())
                .containsExactlyInAnyOrder("[\"aggregate\",\"billing95\"]", "[\"aggregate\",\"series\"]");
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.at("/extensions/code").asString()).isEqualTo("INVALID_QUERY");
            assertThat(error.at("/extensions/field").asString()).isEqualTo("queries[1].step");
            assertThat(error.get("message").asString()).contains("tencent.mna-region has no BITRATE_", "at step 1h");
        });
    }

    @Test
    void sources_lists_mnas_bit_rates_as_derived_and_every_other_metric_as_served() throws Exception {
        JsonNode body = post("{ sources { id metrics { direction quantity unit derived } } }", Map.of());

        assertThat(body.has("errors")).isFalse();
        for (JsonNode source : list(body.at("/data/sources"))) {
            List<String> metrics = new ArrayList<>();
            for (JsonNode metric : source.get("metrics")) {
                metrics.add(metric.get("quantity").asString() + " " + metric.get("direction").asString() + " "
                        + metric.get("unit").asString() + (metric.get("derived").asBoolean() ? " derived" : ""));
            }
            if (source.get("id").asString().equals("tencent.mna-region")) {
                assertThat(metrics).containsExactly("BITRATE IN bps derived", "BITRATE OUT bps derived",
                        "BITRATE TOTAL bps derived", "VOLUME IN B", "VOLUME OUT B", "VOLUME TOTAL B");
            } else {
                assertThat(metrics).as(source.get("id").asString()).isNotEmpty().noneMatch(m -> m.endsWith("derived"));
            }
        }
    }

    private JsonNode post(String query, Map<String, ?> variables) throws Exception {
        HttpResponse<String> response = service.post(query, variables);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<JsonNode> list(JsonNode array) {
        assertThat(array.isArray()).as("%s", array).isTrue();
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** A series' values as Jackson reads the JSON's numbers (exactly), null as NaN. */
    private static double[] values(JsonNode series) {
        List<JsonNode> values = list(series.get("values"));
        return values.stream().mapToDouble(value -> value.isNull() ? Double.NaN : value.asDouble()).toArray();
    }

    /** The 95th percentile by nearest rank of the present values: the ceil(0.95·N)-th smallest. */
    private static double nearestRank95(double[] values) {
        double[] present = Arrays.stream(values).filter(value -> !Double.isNaN(value)).sorted().toArray();
        assertThat(present).isNotEmpty();
        int rank = (95 * present.length + 99) / 100;
        return present[rank - 1];
    }

    /** The larger direction of each interval; an interval missing in either is left out. */
    private static double[] perIntervalMax(double[] in, double[] out) {
        double[] max = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            max[i] = Double.isNaN(in[i]) || Double.isNaN(out[i]) ? Double.NaN : Math.max(in[i], out[i]);
        }
        return max;
    }
}
