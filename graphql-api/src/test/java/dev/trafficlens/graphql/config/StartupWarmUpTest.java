package dev.trafficlens.graphql.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.SampleArchive;
import dev.trafficlens.sandbox.VendorSandbox;
import graphql.ExecutionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import dev.trafficlens.graphql.security.Caller;
import dev.trafficlens.graphql.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The warm-up before readiness reads the archive and runs the GraphQL traffic path over collected links without one
 * vendor call, with a query the schema accepts and as a caller of its own where tokens are needed; it queries only
 * days the archive settles. A context of its own, so that its links are the only ones.
 */
@SpringBootTest(properties = {"trafficlens.cache.enabled=false",
        // Tokens configured (a hash no token has): an in-process query has no caller unless one is set.
        "trafficlens.security.tokens[0].name=nobody",
        "trafficlens.security.tokens[0].sha256=" + StartupWarmUpTest.NO_TOKENS_HASH,
        "trafficlens.security.tokens[0].role=VIEWER"})
class StartupWarmUpTest {

    static final TimeWindow MONTH = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-12-01T00:00:00Z"));
    static final int DAY = 288;
    static final String NO_TOKENS_HASH = "0000000000000000000000000000000000000000000000000000000000000000";

    @Autowired
    StartupWarmUp warmUp;

    @Autowired
    DgsQueryExecutor dgs;

    @Autowired
    VendorSandbox sandbox;

    @AfterEach
    void noCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void answersCollectedLinksFromTheArchiveWithoutCallingAVendor() {
        ExecutionResult refused = dgs.execute("{ links { id } }");
        assertThat(refused.getErrors()).as("without a caller, where tokens are needed")
                .extracting(error -> error.getExtensions().get("code")).containsExactly("FORBIDDEN");
        SecurityContext setUp = SecurityContextHolder.createEmptyContext();
        setUp.setAuthentication(new Caller("test-set-up", Role.EDITOR));
        SecurityContextHolder.setContext(setUp);
        String privateConnectId = "pc-warm-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutionResult added = dgs.execute("""
                mutation($input: LinkInput!) { addLink(input: $input) { id } }""",
                Map.of("input", Map.of("name", "warm", "resource",
                        Map.of("zenlayerPrivateConnect", Map.of("privateConnectId", privateConnectId)))));
        assertThat(added.getErrors()).isEmpty();
        ExecutionResult tunnel = dgs.execute("""
                mutation { addLink(input: {name: "tunnel", resource: {tencentVpnConnection: {region: "ap-guangzhou",
                  vpcId: "vpc-1", vpnGwId: "vpngw-1", vpnConnId: "vpnx-warm"}}}) { id } }""");
        assertThat(tunnel.getErrors()).isEmpty();
        ExecutionResult collected = dgs.execute("mutation { collect { failures { code } } }");
        assertThat(collected.getErrors()).isEmpty();
        assertThat(collected.<Map<String, Map<String, List<?>>>>getData().get("collect").get("failures")).isEmpty();
        long callsBefore = sandbox.calls().total();
        SecurityContextHolder.clearContext();

        StartupWarmUp.WarmUp done = warmUp.warmUp();

        assertThat(sandbox.calls().total()).as("vendor calls during the warm-up").isEqualTo(callsBefore);
        assertThat(done.slotsRead()).as("a month of both links' archived slots").isPositive();
        assertThat(done.links()).isEqualTo(2);
        assertThat(done.graphqlErrors()).isEmpty();
        List<?> answered = (List<?>) done.graphqlData().get("traffic");
        assertThat(answered).hasSize(2).allSatisfy(result -> {
            Map<?, ?> provenance = (Map<?, ?>) ((Map<?, ?>) result).get("provenance");
            assertThat(provenance.get("fetched")).isEqualTo(0);
            assertThat((Integer) provenance.get("archived")).isGreaterThanOrEqualTo(DAY);
            assertThat(((Map<?, ?>) result).get("billing95")).isNotNull();
        });
    }

    @Test
    void queriesTheLatestRunOfDaysEverySlotOfWhichIsSettled() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            boolean[] dayHeld = new boolean[30];
            double[] values = new double[30 * DAY];
            for (int day = 0; day < 30; day++) {
                dayHeld[day] = random.nextInt(4) > 0;
                for (int slot = 0; slot < DAY; slot++) {
                    values[day * DAY + slot] = random.nextBoolean() ? 1e6 * random.nextDouble() : SampleArchive.NO_SAMPLE;
                }
                if (!dayHeld[day]) {
                    values[day * DAY + random.nextInt(DAY)] = Double.NaN;
                }
            }
            TrafficSeries in = TrafficSeries.of(Metric.BITRATE_IN, MONTH.from(), Step.FIVE_MINUTES, values);
            double[] allHeld = new double[values.length];
            Arrays.fill(allHeld, 1.0);
            TrafficSeries out = TrafficSeries.of(Metric.BITRATE_OUT, MONTH.from(), Step.FIVE_MINUTES, allHeld);

            Optional<TimeWindow> found = StartupWarmUp.heldDays(List.of(in, out), MONTH);

            int to = 30;
            while (to > 0 && !dayHeld[to - 1]) {
                to--;
            }
            int from = to;
            while (from > 0 && dayHeld[from - 1]) {
                from--;
            }
            Optional<TimeWindow> expected = from == to ? Optional.empty() : Optional.of(new TimeWindow(
                    MONTH.from().plus(Duration.ofDays(from)), MONTH.from().plus(Duration.ofDays(to))));
            assertThat(found).as("trial %d, days held %s", trial, Arrays.toString(dayHeld)).isEqualTo(expected);
        }
    }
}
