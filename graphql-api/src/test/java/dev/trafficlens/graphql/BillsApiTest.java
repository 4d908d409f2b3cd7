package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bills API over HTTP on the sandbox: bills over collected links, their current period within its bounds, the
 * last periods, AGGREGATE against PER_LINK, the volume model on an MNA link, each bad input refused at its field, a
 * viewer refused, and each bill mutation audited with the bill's id. The scheduled collection is off so that the
 * archive holds still between the figures a test compares.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"trafficlens.collector.enabled=false", "trafficlens.cache.enabled=false"})
class BillsApiTest {

    static final String DEFINE = "mutation($input: BillInput!) { defineBill(input: $input) { " + BillsApiTest.BILL
            + " } }";
    static final String BILL = """
            id name model rule combine commitBps pricePerMbps overagePricePerMbps commitBytes pricePerGB currency
            timeZone periodStartDay createdAt links { id }""";
    static final String FIGURES = """
            period from to complete expectedSlots presentSlots coverage p95InBps p95OutBps billedBps rank totalBytes
            commitBps overageBps commitBytes overageBytes charge closedAt revisedSinceClose
            forecast { floorBps ceilingBps burstSlotsLeft projectedBps }
            links { linkId name presentSlots coverage p95InBps p95OutBps billedBps rank totalBytes }""";
    static final String PERIOD = "query($id: ID!, $period: String!) { bill(id: $id) { period(period: $period) { "
            + FIGURES + " } } }";
    private static final TestTokens TOKENS = TestTokens.mint();

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    @RegisterExtension
    final NoSecretInTheLogs logs = TOKENS.watchedBy(new NoSecretInTheLogs());

    private final ServiceClient editor;
    private final ServiceClient viewer;
    private final int port;

    BillsApiTest(@LocalServerPort int port) {
        this.port = port;
        this.editor = new ServiceClient(port).withToken(TOKENS.editor);
        this.viewer = new ServiceClient(port).withToken(TOKENS.viewer);
    }

    static String call(ServiceClient caller, String query, Map<String, ?> variables) throws Exception {
        HttpResponse<String> response = caller.send(caller.graphqlRequest()
                .POST(HttpRequest.BodyPublishers.ofString(ServiceClient.body(query, variables))));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String ok(String query, Map<String, ?> variables) throws Exception {
        String body = call(editor, query, variables);
        assertThat(body).doesNotContain("\"errors\"");
        return body;
    }

    /** A new link on a sandbox Private Connect, collected. */
    private String collectedLink() throws Exception {
        String resource = "pc-bill-" + UUID.randomUUID().toString().substring(0, 8);
        String id = JsonPath.read(ok(LinksApiTest.ADD, LinksApiTest.linkInput("bill " + resource, resource, List.of())),
                "$.data.addLink.id");
        collect(id);
        return id;
    }

    private void collect(String id) throws Exception {
        String run = ok(CollectorTest.COLLECT, Map.of("ids", List.of(id)));
        assertThat(JsonPath.<List<?>>read(run, "$.data.collect.failures")).isEmpty();
    }

    private static Map<String, Object> input(String name, List<String> links) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("links", links);
        return input;
    }

    private Map<String, Object> define(Map<String, Object> input) throws Exception {
        return JsonPath.read(ok(DEFINE, Map.of("input", input)), "$.data.defineBill");
    }

    private Map<String, Object> period(String billId, String period) throws Exception {
        return JsonPath.read(ok(PERIOD, Map.of("id", billId, "period", period)), "$.data.bill.period");
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    private static String currentPeriod() {
        return YearMonth.now(ZoneOffset.UTC).toString();
    }

    @Test
    void a_bill_over_collected_links_shows_its_current_period_within_its_bounds() throws Exception {
        String first = collectedLink();
        String second = collectedLink();
        Map<String, Object> input = input("Frankfurt transit", List.of(first, second));
        input.put("commitBps", 1.0e8);
        input.put("pricePerMbps", 0.5);
        Map<String, Object> bill = define(input);

        assertThat((String) bill.get("id")).startsWith("bil_");
        assertThat(bill).containsEntry("model", "PERCENTILE_95").containsEntry("rule", "HIGHER_DIRECTION")
                .containsEntry("combine", "AGGREGATE").containsEntry("currency", "USD")
                .containsEntry("timeZone", "UTC").containsEntry("periodStartDay", 1)
                .containsEntry("overagePricePerMbps", null).containsEntry("commitBytes", null)
                .containsEntry("links", List.of(Map.of("id", first), Map.of("id", second)));

        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        Map<String, Object> now = period((String) bill.get("id"), month.toString());
        assertThat(now).containsEntry("period", month.toString()).containsEntry("complete", false)
                .containsEntry("expectedSlots", month.lengthOfMonth() * 288).containsEntry("closedAt", null)
                .containsEntry("revisedSinceClose", false)
                .containsEntry("from", month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
        assertThat((Integer) now.get("presentSlots")).isPositive();
        assertThat(number(now, "coverage")).isBetween(0.0, 1.0);
        double billed = number(now, "billedBps");
        assertThat(billed).isEqualTo(Math.max(number(now, "p95InBps"), number(now, "p95OutBps")), within(1e-6));
        assertThat(number(now, "overageBps")).isEqualTo(Math.max(0, billed - 1.0e8), within(1e-6));
        assertThat(number(now, "charge")).isEqualTo(
                1.0e8 / 1e6 * 0.5 + number(now, "overageBps") / 1e6 * 0.5, within(1e-6));
        List<Map<String, Object>> links = cast(now.get("links"));
        assertThat(links).extracting(link -> link.get("linkId")).containsExactly(first, second);
        assertThat(number(now, "totalBytes")).isEqualTo(
                links.stream().mapToDouble(link -> number(link, "totalBytes")).sum(), within(1.0));

        Map<String, Object> forecast = cast(now.get("forecast"));
        int expected = (Integer) now.get("expectedSlots");
        int rankFromTop = expected - (int) Math.ceil(0.95 * expected) + 1;
        assertThat(number(forecast, "floorBps")).isLessThanOrEqualTo(billed);
        if (forecast.get("ceilingBps") != null) {
            assertThat(number(forecast, "ceilingBps")).isGreaterThanOrEqualTo(number(forecast, "floorBps"));
        }
        assertThat((Integer) forecast.get("burstSlotsLeft")).isBetween(0, rankFromTop - 1);
        assertThat(forecast.get("projectedBps")).isNotNull();
    }

    @Test
    void the_last_periods_come_newest_first_and_those_before_the_bill_stay_open() throws Exception {
        String link = collectedLink();
        String id = (String) define(input("three months", List.of(link))).get("id");

        String body = ok("query($id: ID!) { bill(id: $id) { periods(last: 3) { period complete closedAt forecast "
                + "{ floorBps } } } }", Map.of("id", id));

        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        assertThat(JsonPath.<List<String>>read(body, "$.data.bill.periods[*].period")).containsExactly(
                month.toString(), month.minusMonths(1).toString(), month.minusMonths(2).toString());
        assertThat(JsonPath.<List<Boolean>>read(body, "$.data.bill.periods[*].complete"))
                .containsExactly(false, true, true);
        assertThat(JsonPath.<List<Object>>read(body, "$.data.bill.periods[1:].forecast")).containsOnlyNulls();
        assertThat(JsonPath.<List<Object>>read(body, "$.data.bill.periods[*].closedAt")).containsOnlyNulls();

        String tooMany = call(editor, "query($id: ID!) { bill(id: $id) { periods(last: 121) { period } } }",
                Map.of("id", id));
        assertThat(JsonPath.<List<String>>read(tooMany, "$.errors[*].extensions.field")).containsExactly("last");
    }

    @Test
    void per_link_sums_each_links_own_figure_where_aggregate_ranks_the_summed_slots() throws Exception {
        List<String> links = List.of(collectedLink(), collectedLink(), collectedLink());
        String aggregate = (String) define(input("aggregate", links)).get("id");
        Map<String, Object> perLinkInput = input("per link", links);
        perLinkInput.put("combine", "PER_LINK");
        String perLink = (String) define(perLinkInput).get("id");

        Map<String, Object> summed = period(aggregate, currentPeriod());
        Map<String, Object> each = period(perLink, currentPeriod());

        List<Map<String, Object>> eachLinks = cast(each.get("links"));
        assertThat(number(each, "billedBps")).isEqualTo(
                eachLinks.stream().mapToDouble(link -> number(link, "billedBps")).sum(), within(1e-3));
        assertThat(each.get("rank")).as("PER_LINK has one rank per link").isNull();
        assertThat(summed.get("rank")).isNotNull();
        assertThat(BillsApiTest.<List<Map<String, Object>>>cast(summed.get("links"))).as("each link's own figures do not depend on the combination")
                .isEqualTo(eachLinks);
        assertThat(number(summed, "totalBytes")).isEqualTo(number(each, "totalBytes"), within(1.0));
        assertThat(number(summed, "billedBps")).isPositive();
        Map<String, Object> forecast = cast(each.get("forecast"));
        assertThat(forecast.get("burstSlotsLeft")).isNull();
    }

    @Test
    void a_volume_bill_charges_the_bytes_of_an_mna_link() throws Exception {
        Map<String, Object> resource = Map.of("tencentMnaRegion", Map.of("gatewayType", 1, "accessRegion", "EU"));
        String added = call(editor, LinksApiTest.ADD,
                Map.of("input", Map.of("name", "MNA EU", "tags", List.of(), "resource", resource)));
        // The sandbox has few MNA regions; another test's link of the same region is as good.
        String link = added.contains("\"errors\"")
                ? JsonPath.<List<String>>read(added, "$.errors[*].extensions.linkId").get(0)
                : JsonPath.read(added, "$.data.addLink.id");
        collect(link);
        Map<String, Object> input = input("MNA volume", List.of(link));
        input.put("model", "VOLUME");
        input.put("commitBytes", 1.0e9);
        input.put("pricePerGB", 2.0);
        input.put("currency", "EUR");
        String id = (String) define(input).get("id");

        Map<String, Object> now = period(id, currentPeriod());

        double total = number(now, "totalBytes");
        assertThat(total).isPositive();
        assertThat(number(now, "overageBytes")).isEqualTo(Math.max(0, total - 1.0e9), within(1.0));
        assertThat(number(now, "charge")).isEqualTo(
                (1.0e9 + Math.max(0, total - 1.0e9)) / 1e9 * 2.0, within(1e-6));
        assertThat(now).containsEntry("forecast", null).containsEntry("commitBps", null)
                .containsEntry("overageBps", null);
        assertThat(number(now, "commitBytes")).isEqualTo(1.0e9);
        assertThat((Integer) now.get("presentSlots")).isPositive();
        assertThat(now.get("p95InBps")).as("an MNA link's bit rate is derived from its volumes").isNotNull();
    }

    @Test
    void each_bad_field_of_a_bill_is_refused_at_that_field() throws Exception {
        String link = collectedLink();
        Map<String, Object> input = input("bad", List.of(link, "lnk_NOSUCHLINK00000"));
        input.put("timeZone", "Mars/Olympus");
        input.put("periodStartDay", 29);
        input.put("pricePerGB", 1.0);
        input.put("currency", "usd");

        String refused = call(editor, DEFINE, Map.of("input", input));

        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].extensions.field")).containsExactlyInAnyOrder(
                "input.links[1]", "input.timeZone", "input.periodStartDay", "input.pricePerGB", "input.currency");
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[?(@.extensions.field == 'input.links[1]')]"
                + ".extensions.code")).containsExactly("NOT_FOUND");
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[?(@.extensions.field == 'input.timeZone')]"
                + ".extensions.code")).containsExactly("INVALID_QUERY");
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].message"))
                .anySatisfy(message -> assertThat(message).contains("Mars/Olympus"))
                .anySatisfy(message -> assertThat(message).contains("29"));
        assertThat(JsonPath.<Object>read(refused, "$.data")).isNull();
    }

    @Test
    void unknown_bills_and_periods_are_refused_at_their_field() throws Exception {
        String link = collectedLink();
        String id = (String) define(input("named", List.of(link))).get("id");

        String update = call(editor, "mutation($id: ID!, $input: BillInput!) { updateBill(id: $id, input: $input) "
                + "{ id } }", Map.of("id", "bil_NOSUCHBILL00000", "input", input("x", List.of(link))));
        assertThat(JsonPath.<List<String>>read(update, "$.errors[*].extensions.code")).containsExactly("NOT_FOUND");
        assertThat(JsonPath.<List<String>>read(update, "$.errors[*].extensions.field")).containsExactly("id");
        assertThat(JsonPath.<Boolean>read(ok("mutation { removeBill(id: \"bil_NOSUCHBILL00000\") }", Map.of()),
                "$.data.removeBill")).isFalse();
        assertThat(JsonPath.<Object>read(ok("query { bill(id: \"bil_NOSUCHBILL00000\") { id } }", Map.of()),
                "$.data.bill")).isNull();

        for (String bad : List.of("2026-13", "November", "2026-1")) {
            String refused = call(editor, PERIOD, Map.of("id", id, "period", bad));
            assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].extensions.code"))
                    .containsExactly("INVALID_QUERY");
            assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].extensions.field"))
                    .containsExactly("period");
            assertThat(JsonPath.<List<List<Object>>>read(refused, "$.errors[*].path"))
                    .containsExactly(List.of("bill", "period"));
        }
    }

    @Test
    void bills_are_changed_and_removed_by_editors_only_and_each_change_is_audited_with_the_bill() throws Exception {
        Instant start = Instant.now();
        String link = collectedLink();
        String id = (String) define(input("audited", List.of(link))).get("id");
        Map<String, Object> changed = input("audited, renamed", List.of(link));
        changed.put("timeZone", "America/New_York");
        changed.put("periodStartDay", 15);
        String updated = ok("mutation($id: ID!, $input: BillInput!) { updateBill(id: $id, input: $input) { id name "
                + "timeZone periodStartDay } }", Map.of("id", id, "input", changed));
        assertThat(JsonPath.<Map<String, Object>>read(updated, "$.data.updateBill"))
                .containsEntry("id", id).containsEntry("name", "audited, renamed")
                .containsEntry("timeZone", "America/New_York").containsEntry("periodStartDay", 15);
        assertThat(JsonPath.<List<String>>read(ok("{ bills { id } }", Map.of()), "$.data.bills[*].id")).contains(id);
        assertThat(JsonPath.<List<String>>read(call(viewer, "{ bills { id } }", Map.of()), "$.data.bills[*].id"))
                .as("viewers read bills").contains(id);

        String forbidden = call(viewer, DEFINE, Map.of("input", input("viewer's", List.of(link))));
        assertThat(JsonPath.<List<String>>read(forbidden, "$.errors[*].extensions.code")).containsExactly("FORBIDDEN");
        assertThat(JsonPath.<Boolean>read(ok("mutation($id: ID!) { removeBill(id: $id) }", Map.of("id", id)),
                "$.data.removeBill")).isTrue();
        assertThat(JsonPath.<Object>read(ok("query($id: ID!) { bill(id: $id) { id } }", Map.of("id", id)),
                "$.data.bill")).isNull();

        String audit = ok(AuditLogApiTest.AUDIT, Map.of("from", start.toString(), "limit", 1000));
        List<Map<String, Object>> billEntries = new ArrayList<>();
        for (Map<String, Object> entry : JsonPath.<List<Map<String, Object>>>read(audit, "$.data.auditLog")) {
            if (((String) entry.get("action")).contains("Bill")) {
                Map<String, Object> copy = new HashMap<>(entry);
                copy.remove("at");
                billEntries.add(copy);
            }
        }
        assertThat(billEntries).containsExactly(
                entry(TestTokens.EDITOR_NAME, "removeBill", id, "ok"),
                entry(TestTokens.VIEWER_NAME, "defineBill", null, "FORBIDDEN"),
                entry(TestTokens.EDITOR_NAME, "updateBill", id, "ok"),
                entry(TestTokens.EDITOR_NAME, "defineBill", id, "ok"));
    }

    /** The records of an RFC 4180 text: fields quoted where they hold a comma, quote or line break, CRLF line ends. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(record).as("the text ends with CRLF").isEmpty();
        assertThat(field).isEmpty();
        return records;
    }

    private static Map<String, String> named(List<String> header, List<String> record) {
        Map<String, String> named = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            named.put(header.get(i), record.get(i));
        }
        return named;
    }

    private static void sameFigure(String csv, Object graphql) {
        if (graphql == null) {
            assertThat(csv).isEmpty();
        } else {
            assertThat(Double.parseDouble(csv)).isEqualTo(((Number) graphql).doubleValue());
        }
    }

    @Test
    void a_periods_csv_holds_the_figures_graphql_shows_per_link_and_in_total() throws Exception {
        List<String> links = List.of(collectedLink(), collectedLink());
        Map<String, Object> input = input("Frankfurt, \"main\" transit", links);
        input.put("commitBps", 5.0e7);
        input.put("pricePerMbps", 1.25);
        String id = (String) define(input).get("id");
        String month = currentPeriod();
        Map<String, Object> shown = period(id, month);

        HttpResponse<String> response = viewer.get("/bills/" + id + "/periods/" + month + ".csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"" + id + "-" + month + ".csv\"");
        List<List<String>> records = parseCsv(response.body());
        List<String> header = records.get(0);
        assertThat(records).hasSize(1 + links.size() + 1);
        List<Map<String, Object>> shownLinks = cast(shown.get("links"));
        for (int i = 0; i < links.size(); i++) {
            Map<String, String> row = named(header, records.get(1 + i));
            Map<String, Object> link = shownLinks.get(i);
            assertThat(row).containsEntry("row", "link").containsEntry("link_id", links.get(i))
                    .containsEntry("name", (String) link.get("name"))
                    .containsEntry("present_slots", link.get("presentSlots").toString())
                    .containsEntry("rank", String.valueOf(link.get("rank")));
            for (String figure : List.of("p95InBps", "p95OutBps", "billedBps", "totalBytes")) {
                sameFigure(row.get(figure.replaceAll("([A-Z])", "_$1").toLowerCase()), link.get(figure));
            }
        }
        Map<String, String> total = named(header, records.get(records.size() - 1));
        assertThat(total).containsEntry("row", "total").containsEntry("name", "Frankfurt, \"main\" transit")
                .containsEntry("rank", String.valueOf(shown.get("rank"))).containsEntry("currency", "USD");
        for (String figure : List.of("p95InBps", "p95OutBps", "billedBps", "totalBytes", "commitBps", "overageBps",
                "charge")) {
            sameFigure(total.get(figure.replaceAll("([A-Z])", "_$1").toLowerCase()), shown.get(figure));
        }

        HttpResponse<String> badPeriod = viewer.get("/bills/" + id + "/periods/2026-13.csv");
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(badPeriod.body(), "$.errors[*].field")).containsExactly("period");
        assertThat(viewer.get("/bills/bil_NOSUCHBILL00000/periods/" + month + ".csv").statusCode()).isEqualTo(404);
    }

    @Test
    void a_links_samples_csv_holds_the_values_a_traffic_query_answers_blank_where_missing() throws Exception {
        String id = collectedLink();
        Instant to = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(java.time.Duration.ofHours(2));
        Instant from = to.minus(java.time.Duration.ofDays(2));
        String traffic = ok("""
                query($q: [TrafficQuery!]!) { traffic(queries: $q) {
                  series(quantity: BITRATE) { direction values } } }""",
                Map.of("q", List.of(Map.of("link", id, "step", "5m", "from", from.toString(), "to", to.toString()))));
        List<Object> in = JsonPath.read(traffic, "$.data.traffic[0].series[?(@.direction == 'IN')].values[*]");
        List<Object> out = JsonPath.read(traffic, "$.data.traffic[0].series[?(@.direction == 'OUT')].values[*]");

        HttpResponse<String> response = viewer.get("/links/" + id + "/samples.csv?from=" + from + "&to=" + to);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("attachment; filename="));
        List<List<String>> records = parseCsv(response.body());
        assertThat(records.get(0)).containsExactly("time", "in_bps", "out_bps");
        assertThat(records).hasSize(1 + 2 * 288);
        assertThat(in).hasSize(2 * 288);
        for (int i = 0; i < in.size(); i++) {
            List<String> row = records.get(1 + i);
            assertThat(row.get(0)).isEqualTo(from.plusSeconds(300L * i).toString());
            sameFigure(row.get(1), in.get(i));
            sameFigure(row.get(2), out.get(i));
        }
        assertThat(records.stream().skip(1).filter(row -> !row.get(1).isEmpty())).isNotEmpty();
    }

    @Test
    void a_samples_csv_refuses_a_bad_window_naming_the_parameter() throws Exception {
        String id = collectedLink();
        Map<String, String> cases = Map.of(
                "from=yesterday&to=2026-11-02T00:00:00Z", "from",
                "from=2026-11-01T00:00:00Z", "to",
                "from=2026-11-01T00:01:00Z&to=2026-11-02T00:00:00Z", "from",
                "from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "to",
                "from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to");
        for (Map.Entry<String, String> each : cases.entrySet()) {
            HttpResponse<String> refused = viewer.get("/links/" + id + "/samples.csv?" + each.getKey());
            assertThat(refused.statusCode()).as(each.getKey()).isEqualTo(400);
            assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field")).as(each.getKey())
                    .containsExactly(each.getValue());
        }
        assertThat(viewer.get("/links/lnk_NOSUCHLINK00000/samples.csv?from=2026-11-01T00:00:00Z"
                + "&to=2026-11-02T00:00:00Z").statusCode()).isEqualTo(404);
    }

    @Test
    void both_csvs_need_a_token() throws Exception {
        String link = collectedLink();
        String id = (String) define(input("tokens", List.of(link))).get("id");
        ServiceClient anonymous = new ServiceClient(port);

        assertThat(anonymous.get("/bills/" + id + "/periods/" + currentPeriod() + ".csv").statusCode())
                .isEqualTo(401);
        assertThat(anonymous.get("/links/" + link + "/samples.csv?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z")
                .statusCode()).isEqualTo(401);
        assertThat(viewer.get("/links/" + link + "/samples.csv?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z")
                .statusCode()).isEqualTo(200);
    }

    private static Map<String, Object> entry(String actor, String action, String target, String outcome) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("actor", actor);
        entry.put("action", action);
        entry.put("target", target);
        entry.put("outcome", outcome);
        return entry;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
