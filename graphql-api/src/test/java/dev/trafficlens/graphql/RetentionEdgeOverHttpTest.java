package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A window reaching past the vendor's 30-day retention, or into the future, is answered with those slots missing and
 * a warning; only a window entirely older than the retention is refused.
 */
// The archive off: these are the vendors' retention edges as a service without an archive reports them (with one, the
// warning also says what the archive lacks, and an archived window past retention is answered: CollectorTest and the
// domain's ArchiveFirstQueryTest cover that).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "trafficlens.archive.enabled=false")
class RetentionEdgeOverHttpTest {

    private static final String QUERY = """
            query Q($from: DateTime!, $to: DateTime!) {
              traffic(queries: [
                {from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: "pc-edge"}}}
              ]) { from warnings { code message from to }
                   series(direction: IN) { values stats { count missing coverage } } }
              aggregate(queries: [
                {from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: "pc-edge"}}}
              ]) { warnings { code message } }
            }""";

    private final ServiceClient service;

    RetentionEdgeOverHttpTest(@LocalServerPort int port) {
        this.service = new ServiceClient(port);
    }

    @Test
    void a_rolling_30_day_window_an_hour_stale_is_answered_with_its_oldest_hour_missing() throws Exception {
        // What a "last 30 days" page computed an hour ago still asks.
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        Instant from = to.minus(Duration.ofDays(30));

        String body = service.post(QUERY, Map.of("from", from.toString(), "to", to.toString())).body();

        assertThat(body).doesNotContain("\"errors\"");
        assertThat(JsonPath.<List<String>>read(body, "$.data.traffic[0].warnings[*].code"))
                .containsExactly("PARTIAL_RETENTION");
        String lostTo = JsonPath.read(body, "$.data.traffic[0].warnings[0].to");
        int lost = (int) (Duration.between(from, Instant.parse(lostTo)).toMinutes() / 5);
        // The hour it is stale, the minutes past the hour now, and the minute the planner keeps from the edge: 12 + 1
        // at the top of the hour, 12 + 13 in its last minute (59:xx plus that minute rounds up to a thirteenth slot).
        assertThat(lost).isBetween(13, 25);
        assertThat(JsonPath.<String>read(body, "$.data.traffic[0].warnings[0].message"))
                .startsWith("zenlayer.private-connect keeps 30 days of data: the " + lost + " samples at 5m from "
                        + from);
        List<Object> values = JsonPath.read(body, "$.data.traffic[0].series[0].values");
        assertThat(values.subList(0, lost)).containsOnlyNulls();
        List<Object> answered = values.subList(lost, values.size());
        long gapsInside = answered.stream().filter(value -> value == null).count();
        // The sandbox, like the vendors, has a gap now and then; the part inside retention is answered.
        assertThat(gapsInside).isLessThan(answered.size() / 20);
        assertThat(JsonPath.<Integer>read(body, "$.data.traffic[0].series[0].stats.missing"))
                .isEqualTo(lost + (int) gapsInside);
        assertThat(JsonPath.<List<String>>read(body, "$.data.aggregate.warnings[*].message"))
                .singleElement().satisfies(message -> assertThat(message).startsWith("queries[0]: zenlayer"));
    }

    @Test
    void slots_in_the_future_are_missing_with_a_warning() throws Exception {
        // At least an hour ahead whatever the time of day: a window ending at tomorrow's midnight held no whole
        // future slot when run in the last minutes before midnight UTC.
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(2));

        String body = service.post(QUERY, Map.of("from", to.minus(Duration.ofDays(1)).toString(),
                "to", to.toString())).body();

        assertThat(JsonPath.<List<String>>read(body, "$.data.traffic[0].warnings[*].code"))
                .containsExactly("FUTURE_SLOTS");
        assertThat(JsonPath.<String>read(body, "$.data.traffic[0].warnings[0].to")).isEqualTo(to.toString());
        assertThat(JsonPath.<Double>read(body, "$.data.traffic[0].series[0].stats.coverage")).isLessThan(1.0);
    }

    @Test
    void a_window_entirely_older_than_retention_is_refused() throws Exception {
        Instant to = Instant.now().minus(Duration.ofDays(31));

        String body = service.post(QUERY, Map.of("from", to.minus(Duration.ofDays(1)).toString(),
                "to", to.toString())).body();

        assertThat(JsonPath.<List<Object>>read(body, "$.data.traffic")).containsExactly((Object) null);
        assertThat(JsonPath.<List<String>>read(body, "$.errors[*].extensions.code")).contains("OUT_OF_RETENTION");
        assertThat(JsonPath.<List<String>>read(body, "$.errors[*].message"))
                .anySatisfy(message -> assertThat(message).contains("keeps 30 days of data and the whole window is"
                        + " older"));
    }
}
