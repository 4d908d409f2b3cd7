package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** GraphiQL at /graphiql over real HTTP: the page, the webjar assets it loads, its example query and introspection. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphiqlPageTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]*)\"");
    private static final Pattern EXAMPLE_QUERY = Pattern.compile(
            "<script type=\"application/graphql\" id=\"example-query\">(.*?)</script>", Pattern.DOTALL);
    private static final Pattern EXAMPLE_WINDOW = Pattern.compile(
            "<script type=\"application/json\" id=\"example-window\">(.*?)</script>", Pattern.DOTALL);


    private final ServiceClient service;

    GraphiqlPageTest(@LocalServerPort int port) {
        this.service = new ServiceClient(port);
    }

    @Test
    void serves_graphiql_as_html_that_loads_only_assets_of_this_server() throws Exception {
        for (String path : List.of("/graphiql", "/graphiql/")) {
            HttpResponse<String> response = service.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            String page = response.body();
            assertThat(page).contains("<title>trafficlens GraphiQL</title>", "<div id=\"graphiql\">",
                    "fetch('/graphql', {method: 'POST', headers", "sessionStorage");
            assertThat(assets(page)).allSatisfy(asset -> assertThat(asset).startsWith("/").doesNotStartWith("//"))
                    .anySatisfy(asset -> assertThat(asset).matches("/webjars/react/[0-9.]+/umd/react\\.production\\.min\\.js"))
                    .anySatisfy(asset -> assertThat(asset).matches("/webjars/react-dom/[0-9.]+/umd/react-dom\\.production\\.min\\.js"))
                    .anySatisfy(asset -> assertThat(asset).matches("/webjars/graphiql/[0-9.]+/graphiql\\.min\\.js"))
                    .anySatisfy(asset -> assertThat(asset).matches("/webjars/graphiql/[0-9.]+/graphiql\\.min\\.css"));
            assertThat(page).as("no version placeholder left unfilled").doesNotContainPattern("@[a-z-]+\\.version@");
            assertThat(page).doesNotContainPattern("(?i)https?:").doesNotContain("url(", "@import");
        }
    }

    @Test
    void every_asset_on_the_page_answers_with_a_script_or_a_style_sheet_from_the_jar() throws Exception {
        List<String> assets = assets(service.get("/graphiql").body());

        assertThat(assets).hasSize(5);
        for (String asset : assets) {
            assertThat(asset).startsWith("/").doesNotStartWith("//");
            HttpResponse<byte[]> response = service.sendForBytes(HttpRequest.newBuilder(service.uri(asset)).GET());

            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (asset.endsWith(".svg")) {
                assertThat(type).as(asset).startsWith("image/svg+xml");
                assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(asset).startsWith("<svg");
                continue;
            }
            if (asset.endsWith(".js")) {
                assertThat(type).as(asset).matches("(text|application)/javascript.*");
            } else {
                assertThat(type).as(asset).startsWith("text/css");
            }
            // The smallest, React's production build, is about 10 KB; GraphiQL's bundle is about 1 MB.
            assertThat(response.body().length).as(asset).isGreaterThan(10_000);
        }
    }

    @Test
    void the_example_on_the_page_answers_for_all_five_sources_without_errors() throws Exception {
        String page = service.get("/graphiql").body();
        String query = extract(EXAMPLE_QUERY, page).strip();
        String window = extract(EXAMPLE_WINDOW, page);
        int days = JsonPath.read(window, "$.days");
        int endsAtNextMinutes = JsonPath.read(window, "$.endsAtNextMinutes");
        // As the page's script computes them: the window ends at the next multiple of endsAtNextMinutes.
        long rounding = Duration.ofMinutes(endsAtNextMinutes).toMillis();
        Instant to = Instant.ofEpochMilli(-Math.floorDiv(-System.currentTimeMillis(), rounding) * rounding);
        Instant from = to.minus(Duration.ofDays(days));

        String body = post(ServiceClient.body(query, Map.of("from", from.toString(), "to", to.toString())));

        assertThat(body).doesNotContain("\"errors\"");
        List<String> sources = JsonPath.read(body, "$.data.traffic[*].source");
        assertThat(sources).containsExactlyInAnyOrder("tencent.vpn-connection", "tencent.mna-region",
                "qingcloud.wan-access", "zenlayer.private-connect", "zenlayer.cloud-router");
        List<Map<String, Object>> results = JsonPath.read(body, "$.data.traffic[*]");
        for (int i = 0; i < results.size(); i++) {
            List<Integer> counts = JsonPath.read(body, "$.data.traffic[" + i + "].series[*].stats.count");
            assertThat(counts).as("samples of %s", sources.get(i)).isNotEmpty().allSatisfy(count -> assertThat(count).isPositive());
        }
        List<Object> billed = JsonPath.read(body, "$.data.traffic[?(@.billing95 != null)].key");
        assertThat(billed).as("every source is billed; Tencent MNA on the bit rate derived from its 5-minute bytes")
                .containsExactlyInAnyOrder("tunnel", "mna", "sdwan", "pc", "cr");
    }

    @Test
    void answers_graphiqls_own_introspection_query_so_its_docs_explorer_works() throws Exception {
        String introspection;
        try (InputStream in = getClass().getResourceAsStream("/graphiql/introspection-query.graphql")) {
            introspection = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        String body = post(JsonMapper.builder().build().writeValueAsString(
                Map.of("query", introspection, "operationName", "IntrospectionQuery")));

        assertThat(body).doesNotContain("\"errors\"");
        assertThat((String) JsonPath.read(body, "$.data.__schema.queryType.name")).isEqualTo("Query");
        List<String> types = JsonPath.read(body, "$.data.__schema.types[*].name");
        assertThat(types).contains("TrafficQuery", "TrafficResult", "ResourceInput", "Stats");
    }

    private static List<String> assets(String page) {
        List<String> assets = new ArrayList<>();
        Matcher matcher = ASSET.matcher(page);
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        return assets;
    }

    private static String extract(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as("the page holds %s", pattern).isTrue();
        return matcher.group(1);
    }

    private String post(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = service.postBody(json);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }


}
