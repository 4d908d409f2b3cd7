package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.trafficlens.sandbox.VendorSandbox;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Input meant to hurt: every one gets an error naming the problem, HTTP 200 for a well-formed GraphQL request and 400
 * for one that is not (GraphQL over HTTP), never a stack trace, and never a vendor call.
 */
@ExtendWith(NoSecretInTheLogs.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputOverHttpTest {

    @Autowired
    VendorSandbox sandbox;

    private final ServiceClient service;
    private long vendorCallsBefore;

    HostileInputOverHttpTest(@LocalServerPort int port) {
        this.service = new ServiceClient(port);
    }

    @BeforeEach
    void count() {
        vendorCallsBefore = sandbox.calls().total();
    }

    @AfterEach
    void noVendorWasAsked() {
        assertThat(sandbox.calls().total()).isEqualTo(vendorCallsBefore);
    }

    @Test
    void a_body_over_the_size_limit_is_refused_before_it_is_read() throws Exception {
        String padding = " ".repeat(300 * 1024);

        HttpResponse<String> response = post(ServiceClient.body("{" + padding + "sources { id } }", Map.of()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(messages(response)).singleElement().asString()
                .contains("at most 262144", "trafficlens.limits.max-request-bytes");
    }

    @Test
    void a_body_without_a_length_over_the_size_limit_is_refused_too() throws Exception {
        byte[] body = ServiceClient.body("{" + " ".repeat(300 * 1024) + "sources { id } }", Map.of())
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = service.send(service.graphqlRequest()
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(messages(response)).singleElement().asString().contains("trafficlens.limits.max-request-bytes");
    }

    @Test
    void a_query_of_too_many_tokens_is_refused_by_the_parser() throws Exception {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 4000; i++) {
            query.append(" sources { id }");
        }

        HttpResponse<String> response = post(ServiceClient.body(query.append(" }").toString(), Map.of()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(messages(response)).singleElement().asString().contains("tokens");
    }

    @Test
    void deep_nesting_is_refused_naming_the_depth() throws Exception {
        String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(20) + "{ name }" + " }".repeat(20)
                + " } } } }";

        HttpResponse<String> response = post(ServiceClient.body(deep, Map.of()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(messages(response)).singleElement().asString().containsIgnoringCase("depth");
        assertThat(JsonPath.<Map<String, Object>>read(response.body(), "$").get("data")).isNull();
    }

    @Test
    void thousands_of_aliases_are_refused_naming_the_complexity() throws Exception {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 1500; i++) {
            query.append(" s").append(i).append(": sources { id }");
        }

        HttpResponse<String> response = post(ServiceClient.body(query.append(" }").toString(), Map.of()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(messages(response)).singleElement().asString().containsIgnoringCase("complexity");
        assertThat(JsonPath.<Map<String, Object>>read(response.body(), "$").get("data")).isNull();
    }

    @Test
    void a_window_of_years_is_refused_naming_the_field_and_the_limit() throws Exception {
        String query = """
                { traffic(queries: [
                    {from: "2020-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z",
                     resource: {zenlayerPrivateConnect: {privateConnectId: "pc-1"}}}
                    {from: "2020-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z",
                     resource: {qingcloudWan: {zone: "pek3", resource: "wacc-1", accessType: "cpe"}}}
                  ]) { source } }""";

        HttpResponse<String> response = post(ServiceClient.body(query, Map.of()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<Object>>read(response.body(), "$.data.traffic")).containsExactly(null, null);
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[?(@.path[1] == 0)].extensions.code"))
                .contains("OUT_OF_RETENTION");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[?(@.path[1] == 1)].message"))
                .anySatisfy(message -> assertThat(message).startsWith("queries[1]"));
    }

    @Test
    void an_unknown_enum_value_is_refused_naming_it() throws Exception {
        HttpResponse<String> response = post(ServiceClient.body("""
                query Q($from: DateTime!, $to: DateTime!) {
                  traffic(queries: [{from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: "pc-1"}}}]) {
                    series(direction: SIDEWAYS) { values }
                  }
                }""", TrafficQueries.window()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(messages(response)).singleElement().asString().contains("SIDEWAYS");
    }

    @Test
    void garbage_is_a_bad_request() throws Exception {
        HttpResponse<String> garbage = service.postBody("\u0000\u00ff{{{[[[");
        HttpResponse<String> cutShort = service.postBody("{\"query\": ");

        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).doesNotContain("Exception", "\tat ");
        assertThat(cutShort.statusCode()).as("JSON cut short").isEqualTo(400);
        assertThat(cutShort.body()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void a_request_without_a_query_is_a_bad_request() throws Exception {
        HttpResponse<String> response = post("{\"variables\": {}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }

    private HttpResponse<String> post(String body) throws Exception {
        HttpResponse<String> response = service.postBody(body);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        return response;
    }

    private static List<String> messages(HttpResponse<String> response) {
        return JsonPath.read(response.body(), "$.errors[*].message");
    }

}
