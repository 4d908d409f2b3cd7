package dev.trafficlens.contract.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.PathExpressionsKt;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.matchingrules.EqualsMatcher;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleGroup;
import au.com.dius.pact.core.model.matchingrules.NullMatcher;
import au.com.dius.pact.core.model.matchingrules.TypeMatcher;
import dev.trafficlens.contract.frontend.DashboardClient.Bill;
import dev.trafficlens.contract.frontend.DashboardClient.Chart;
import dev.trafficlens.contract.frontend.DashboardClient.Panel;
import dev.trafficlens.contract.frontend.DashboardClient.Panels;
import dev.trafficlens.contract.frontend.DashboardClient.SourceRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's contract with the GraphQL service (consumer trafficlens-dashboard, provider trafficlens-graphql): the
 * documents its pages send and what it reads from the answers. Windows are never fixed in the pact: {@code from} and
 * {@code to} are injected by the provider state (the last 30 days when it is verified), and every chart must start at
 * the injected {@code from}. Figures are pinned by type and meaning (units, steps, source ids, error codes and fields,
 * at least a day of five-minute slots), never by the sandbox's numbers. Written to {@code target/pacts}; verified by
 * {@code DashboardPactVerificationTest}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = DashboardPactTest.PROVIDER, pactVersion = PactSpecVersion.V3)
class DashboardPactTest {

    static final String CONSUMER = "trafficlens-dashboard";
    static final String PROVIDER = "trafficlens-graphql";

    /**
     * Every request carries the user's API token. The pact holds an example token and a pattern: verification sends
     * a token the service under test was configured with instead (docs/security.md).
     */
    static final String EXAMPLE_TOKEN = "tl_example-token-of-the-dashboard-pact";
    static final String AUTHORIZATION = "Bearer [A-Za-z0-9._~+/=-]+";

    /** An example window only: verification replaces it with the provider state's. */
    private static final Instant FROM = Instant.parse("2026-10-26T20:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-25T20:00:00Z");
    /**
     * Figures are matched by type, not with Pact's number matcher: Pact JVM 4.7.5's {@code number} and
     * {@code decimal} rules refuse a JSON decimal whose value is whole, such as {@code 1.30707052E8}, which is how the
     * service (Jackson) writes a bit rate of 130,707,052 bit/s.
     */
    private static final TypeMatcher A_NUMBER = TypeMatcher.INSTANCE;
    /**
     * Five-minute slots in a day: the least a month's chart is pinned to hold. The service answers 8,640 for 30 days,
     * but Pact needs as many examples as the minimum, and 8,640 of them in ten charts made a 2.6 MB pact.
     */
    private static final int DAY_OF_FIVE_MINUTES = 288;

    private static final String SANDBOX = "every source is served by the vendor sandbox";
    private static final String LAST_30_DAYS = "every source is served by the vendor sandbox, and from and to bound "
            + "the last 30 days";
    private static final String MISSING_LINK = "private connect missing-pc does not exist, and from and to bound the "
            + "last 30 days";

    // --- the sources page ---

    @Pact(consumer = CONSUMER)
    public RequestResponsePact sources(PactDslWithProvider builder) {
        PactDslJsonArray sources = new PactDslJsonBody().object("data").array("sources");
        source(sources, "tencent.vpn-connection", "Tencent Cloud", "5m", null);
        source(sources, "tencent.mna-region", "Tencent Cloud", "1h", 30);
        source(sources, "qingcloud.wan-access", "QingCloud", "5m", null);
        source(sources, "zenlayer.private-connect", "Zenlayer", "5m", 30);
        source(sources, "zenlayer.cloud-router", "Zenlayer", "5m", 30);
        return builder.given(SANDBOX)
                .uponReceiving("the dashboard's Sources query")
                .method("POST").path("/graphql").headers(requestHeaders())
                .matchHeader("Authorization", AUTHORIZATION, "Bearer " + EXAMPLE_TOKEN)
                .body(new PactDslJsonBody().stringValue("query", DashboardClient.document("sources"))
                        .object("variables").closeObject())
                .willRespondWith().status(200).matchHeader("Content-Type", "application/json.*", "application/json")
                .body(sources.closeArray().closeObject())
                .toPact();
    }

    private static void source(PactDslJsonArray sources, String id, String vendor, String step, Integer retention) {
        PactDslJsonBody source = sources.object()
                .stringValue("id", id)
                .stringValue("vendor", vendor)
                .booleanValue("configured", true)
                .stringValue("defaultStep", step);
        if (retention == null) {
            source.nullValue("retentionDays");
        } else {
            source.numberValue("retentionDays", retention);
        }
        source.closeObject();
    }

    @Test
    @PactTestFor(pactMethod = "sources")
    void the_sources_page_lists_the_five_vendor_apis_as_configured(MockServer server) {
        var rows = new DashboardClient(server.getUrl(), EXAMPLE_TOKEN).sources();

        assertThat(rows).extracting(SourceRow::id).containsExactly("tencent.vpn-connection", "tencent.mna-region",
                "qingcloud.wan-access", "zenlayer.private-connect", "zenlayer.cloud-router");
        assertThat(rows).allSatisfy(row -> assertThat(row.configured()).isTrue());
        assertThat(rows.get(1)).isEqualTo(new SourceRow("tencent.mna-region", true, "1h", 30));
        assertThat(rows.get(0).retentionDays()).isNull();
    }

    // --- the month page: one panel a link, over the five sources ---

    @Pact(consumer = CONSUMER)
    public RequestResponsePact monthOverview(PactDslWithProvider builder) {
        PactDslJsonBody body = new PactDslJsonBody();
        PactDslJsonArray traffic = body.object("data").array("traffic");
        billedPanel(traffic, "tunnel", "tencent.vpn-connection", false, "IN", "OUT");
        // Tencent MNA counts bytes; asked at 5m, its bit rate in, out and in total is derived from them and billed.
        billedPanel(traffic, "mna", "tencent.mna-region", true, "IN", "OUT", "TOTAL");
        billedPanel(traffic, "sdwan", "qingcloud.wan-access", false, "IN", "OUT");
        billedPanel(traffic, "pc", "zenlayer.private-connect", false, "IN", "OUT");
        billedPanel(traffic, "cr", "zenlayer.cloud-router", false, "IN", "OUT");
        traffic.closeArray().closeObject();
        oneRuleSetForAllCharts(body);
        return post(builder, LAST_30_DAYS, "the dashboard's MonthOverview query over one link on each of the five "
                + "sources", "month-overview", false, body);
    }

    private static void billedPanel(
            PactDslJsonArray traffic, String key, String source, boolean derived, String... directions) {
        PactDslJsonBody panel = traffic.object().stringValue("key", key).stringValue("source", source)
                .stringValue("step", "5m").and("billing95", 1.6e8, A_NUMBER);
        bitRateCharts(panel.array("series"), derived, directions).closeArray();
        panel.closeObject();
    }

    /** The bit-rate charts of a month: a value per five minutes from the window's start, null = gap. */
    private static PactDslJsonArray bitRateCharts(PactDslJsonArray series, boolean derived, String... directions) {
        for (String direction : directions) {
            PactDslJsonBody chart = series.object()
                    .stringValue("direction", direction)
                    .stringValue("unit", "bps")
                    .stringValue("step", "5m")
                    .booleanValue("derived", derived);
            startsAtFrom(chart);
            chart.minArrayLike("values", DAY_OF_FIVE_MINUTES, numberOrNull(1.5e8), DAY_OF_FIVE_MINUTES);
            chart.object("stats")
                    .integerType("count", 8550)
                    .integerType("missing", 90)
                    .and("coverage", 0.99, A_NUMBER)
                    .and("max", 4.5e8, A_NUMBER)
                    .array("percentiles")
                    .object().numberValue("p", 95.0).and("value", 1.6e8, A_NUMBER).closeObject()
                    .closeArray()
                    .closeObject();
            chart.closeObject();
        }
        return series;
    }

    /**
     * Pact JVM finds the rules for each value it checks by parsing the path of every rule of the interaction again,
     * so ten charts of 8,640 values each cost that many times the number of rules. The charts' rules are identical;
     * kept once on {@code series[*]} paths, they pin the same with a fifth of the rules.
     */
    private static void oneRuleSetForAllCharts(PactDslJsonBody body) {
        Map<String, MatchingRuleGroup> shared = new LinkedHashMap<>();
        body.getMatchers().getMatchingRules().forEach((path, rules) -> shared.putIfAbsent(path
                .replaceAll("traffic\\[\\d+]\\.series\\[\\d+]", "traffic[*].series[*]")
                .replaceAll("series\\[\\d+]", "series[*]"), rules));
        body.getMatchers().setMatchingRules(shared);
    }

    /** The chart's {@code start} is the window's {@code from} exactly, as the provider state sets it. */
    private static void startsAtFrom(PactDslJsonBody chart) {
        chart.valueFromProviderState("start", "${from}", FROM.toString());
        chart.getMatchers().setRule(PathExpressionsKt.constructValidPath("start", chart.getRootPath(), false),
                EqualsMatcher.INSTANCE);
    }

    private static PactDslJsonRootValue numberOrNull(double example) {
        return PactDslJsonRootValue.or(example, A_NUMBER, NullMatcher.INSTANCE);
    }

    @Test
    @PactTestFor(pactMethod = "monthOverview")
    void the_month_page_draws_a_panel_a_link_with_a_month_of_five_minute_bit_rates(MockServer server) {
        Panels page = new DashboardClient(server.getUrl(), EXAMPLE_TOKEN).monthOverview(FROM, TO);

        assertThat(page.problems()).isEmpty();
        assertThat(page.panels()).extracting(Panel::key).containsExactly("tunnel", "mna", "sdwan", "pc", "cr");
        Panel mna = page.panels().get(1);
        assertThat(mna.charts()).extracting(Chart::direction).containsExactly("IN", "OUT", "TOTAL");
        assertThat(mna.charts()).allSatisfy(chart -> assertThat(chart.derived()).isTrue());
        for (Panel panel : page.panels()) {
            assertThat(panel.billing95()).isPositive();
            if (panel != mna) {
                assertThat(panel.charts()).extracting(Chart::direction).containsExactly("IN", "OUT");
                assertThat(panel.charts()).allSatisfy(chart -> assertThat(chart.derived()).isFalse());
            }
            assertThat(panel.charts()).allSatisfy(chart -> {
                assertThat(chart.unit()).isEqualTo("bps");
                assertThat(chart.start()).isEqualTo(FROM);
                assertThat(chart.values()).hasSizeGreaterThanOrEqualTo(DAY_OF_FIVE_MINUTES);
                assertThat(chart.stats().p95()).isPositive();
            });
        }
    }

    // --- the bills page: links billed together, then link by link ---

    @Pact(consumer = CONSUMER)
    public RequestResponsePact monthBill(PactDslWithProvider builder) {
        PactDslJsonBody body = new PactDslJsonBody();
        PactDslJsonBody aggregate = body.object("data").object("aggregate").and("billing95", 1.3e8, A_NUMBER);
        bitRateCharts(aggregate.array("series"), false, "IN", "OUT").closeArray();
        aggregate.closeObject().closeObject();
        oneRuleSetForAllCharts(body);
        return post(builder, LAST_30_DAYS, "the dashboard's MonthBill query summing a Zenlayer private connect and "
                + "cloud router", "month-bill", false, body);
    }

    @Test
    @PactTestFor(pactMethod = "monthBill")
    void the_bills_page_shows_the_p95_of_the_links_billed_together(MockServer server) {
        Bill bill = new DashboardClient(server.getUrl(), EXAMPLE_TOKEN).monthBill(FROM, TO);

        assertThat(bill.problems()).isEmpty();
        assertThat(bill.billing95()).isPositive();
        assertThat(bill.charts()).extracting(Chart::direction).containsExactly("IN", "OUT");
        assertThat(bill.charts()).allSatisfy(chart -> {
            assertThat(chart.derived()).isFalse();
            assertThat(chart.start()).isEqualTo(FROM);
            assertThat(chart.values()).hasSizeGreaterThanOrEqualTo(DAY_OF_FIVE_MINUTES);
        });
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact linkBillsWithAMissingLink(PactDslWithProvider builder) {
        PactDslJsonBody body = new PactDslJsonBody();
        PactDslJsonArray traffic = body.object("data").array("traffic");
        traffic.object().stringValue("key", "pc").stringValue("source", "zenlayer.private-connect")
                .and("billing95", 1.6e7, A_NUMBER).closeObject();
        traffic.nullValue();
        traffic.object().stringValue("key", "sdwan").stringValue("source", "qingcloud.wan-access")
                .and("billing95", 1.8e8, A_NUMBER).closeObject();
        traffic.closeArray().closeObject();
        body.array("errors").object()
                .stringMatcher("message", ".*missing-pc.*", "zenlayer.private-connect private connect missing-pc over "
                        + "[...]: Zenlayer has no such private connect (INVALID_PRIVATE_CONNECT_NOT_FOUND, HTTP 404)")
                .array("path").stringValue("traffic").numberValue(1).closeArray()
                .object("extensions")
                .stringValue("code", "NOT_FOUND")
                .stringValue("source", "zenlayer.private-connect")
                .stringValue("vendorCode", "INVALID_PRIVATE_CONNECT_NOT_FOUND")
                .stringType("requestId", "TF7FE1D9E-49F3-3862-AD12-B814EE46FEC7")
                .integerType("failedCalls", 8)
                .closeObject()
                .closeObject().closeArray();
        return post(builder, MISSING_LINK, "the dashboard's LinkBills query with one link that does not exist",
                "link-bills", false, body);
    }

    @Test
    @PactTestFor(pactMethod = "linkBillsWithAMissingLink")
    void a_missing_link_leaves_its_panel_empty_with_its_error_and_the_others_drawn(MockServer server) {
        Panels page = new DashboardClient(server.getUrl(), EXAMPLE_TOKEN).linkBills(FROM, TO);

        assertThat(page.panels()).hasSize(3);
        assertThat(page.panels().get(0).billing95()).isPositive();
        assertThat(page.panels().get(1)).isNull();
        assertThat(page.panels().get(2).source()).isEqualTo("qingcloud.wan-access");
        assertThat(page.problemFor(1)).hasValueSatisfying(problem -> {
            assertThat(problem.code()).isEqualTo("NOT_FOUND");
            assertThat(problem.message()).contains("missing-pc");
        });
        assertThat(page.problemFor(0)).isEmpty();
        assertThat(page.problemFor(2)).isEmpty();
    }

    // --- a date picker holding a range that ends before it starts ---

    @Pact(consumer = CONSUMER)
    public RequestResponsePact linkMonthBackwards(PactDslWithProvider builder) {
        PactDslJsonBody body = new PactDslJsonBody();
        body.object("data").array("traffic").nullValue().closeArray().closeObject();
        body.array("errors").object()
                .stringMatcher("message", "queries\\[0\\]\\.to: .+",
                        "queries[0].to: expected a time after from (" + TO + "), got " + FROM)
                .array("path").stringValue("traffic").numberValue(0).closeArray()
                .object("extensions")
                .stringValue("code", "INVALID_QUERY")
                .stringValue("field", "queries[0].to")
                .closeObject()
                .closeObject().closeArray();
        return post(builder, LAST_30_DAYS, "the dashboard's LinkMonth query with to before from", "link-month", true,
                body);
    }

    @Test
    @PactTestFor(pactMethod = "linkMonthBackwards")
    void a_backwards_range_is_reported_against_the_to_field(MockServer server) {
        Panels page = new DashboardClient(server.getUrl(), EXAMPLE_TOKEN).linkMonth(TO, FROM);

        assertThat(page.panels()).containsExactly((Panel) null);
        assertThat(page.problemFor(0)).hasValueSatisfying(problem -> {
            assertThat(problem.code()).isEqualTo("INVALID_QUERY");
            assertThat(problem.field()).isEqualTo("queries[0].to");
        });
    }

    // --- the request every page sends ---

    private static Map<String, String> requestHeaders() {
        return Map.of("Content-Type", "application/json", "Accept", "application/json");
    }

    /**
     * {@code POST /graphql} with the document and the window as variables, injected from the provider state;
     * {@code backwards} sends {@code to} as {@code from} and {@code from} as {@code to}.
     */
    private static RequestResponsePact post(PactDslWithProvider builder, String state, String description,
            String document, boolean backwards, PactDslJsonBody response) {
        PactDslJsonBody request = new PactDslJsonBody().stringValue("query", DashboardClient.document(document));
        PactDslJsonBody variables = request.object("variables");
        if (backwards) {
            variables.valueFromProviderState("from", "${to}", TO.toString())
                    .valueFromProviderState("to", "${from}", FROM.toString());
        } else {
            variables.valueFromProviderState("from", "${from}", FROM.toString())
                    .valueFromProviderState("to", "${to}", TO.toString());
        }
        variables.closeObject();
        return builder.given(state)
                .uponReceiving(description)
                .method("POST").path("/graphql").headers(requestHeaders())
                .matchHeader("Authorization", AUTHORIZATION, "Bearer " + EXAMPLE_TOKEN)
                .body(request)
                .willRespondWith().status(200).matchHeader("Content-Type", "application/json.*", "application/json")
                .body(response)
                .toPact();
    }
}
