package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The audit log over HTTP: each mutation is recorded once with its caller, name, id and outcome, and
 * {@code Query.auditLog} reads the entries back newest first within its bounds. The caller is the request's
 * principal, set here by a test filter from a header (the real one comes from the security layer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AuditLogApiTest.PrincipalFromHeader.class)
class AuditLogApiTest {

    static final String AUDIT = """
            query($from: DateTime, $to: DateTime, $limit: Int) { auditLog(from: $from, to: $to, limit: $limit) {
              at actor action target outcome } }""";
    static final String PRINCIPAL_HEADER = "X-Test-Principal";

    /** Sets the request's principal to the header's name: a stand-in for the security layer. */
    @TestConfiguration
    static class PrincipalFromHeader {
        @Bean
        Filter principalFromHeader() {
            return (request, response, chain) -> {
                String name = ((HttpServletRequest) request).getHeader(PRINCIPAL_HEADER);
                if (name == null) {
                    chain.doFilter(request, response);
                    return;
                }
                Principal principal = () -> name;
                chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {
                    @Override
                    public Principal getUserPrincipal() {
                        return principal;
                    }
                }, response);
            };
        }
    }

    private final ServiceClient service;

    AuditLogApiTest(@LocalServerPort int port) {
        this.service = new ServiceClient(port);
    }

    private String as(String principal, String query, Map<String, ?> variables) throws Exception {
        HttpRequest.Builder request = service.graphqlRequest()
                .POST(HttpRequest.BodyPublishers.ofString(ServiceClient.body(query, variables)));
        if (principal != null) {
            request.header(PRINCIPAL_HEADER, principal);
        }
        HttpResponse<String> response = service.send(request);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The entries since {@code since}, newest first. */
    private List<Map<String, Object>> entriesSince(Instant since) throws Exception {
        String body = as("auditor", AUDIT, Map.of("from", since.toString(), "limit", 1000));
        assertThat(body).doesNotContain("\"errors\"");
        return JsonPath.read(body, "$.data.auditLog");
    }

    private static Map<String, Object> entry(String actor, String action, String target, String outcome) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("actor", actor);
        entry.put("action", action);
        entry.put("target", target);
        entry.put("outcome", outcome);
        return entry;
    }

    private static List<Map<String, Object>> withoutTimes(List<Map<String, Object>> entries) {
        return entries.stream().map(each -> {
            Map<String, Object> copy = new HashMap<>(each);
            assertThat(Instant.parse((String) copy.remove("at"))).isBeforeOrEqualTo(Instant.now());
            return copy;
        }).toList();
    }

    private static String unique() {
        return "pc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void each_link_mutation_is_recorded_once_with_its_caller_action_id_and_outcome() throws Exception {
        Instant start = Instant.now();
        String added = as("alice", LinksApiTest.ADD, LinksApiTest.linkInput("Frankfurt uplink", unique(),
                List.of("eu")));
        String id = JsonPath.read(added, "$.data.addLink.id");
        as("alice", LinksApiTest.UPDATE, Map.of("id", id, "name", "FRA-1"));
        String collected = as("bob", CollectorTest.COLLECT, Map.of("ids", List.of(id)));
        assertThat(collected).doesNotContain("\"errors\"");
        as("bob", LinksApiTest.REMOVE, Map.of("id", id));
        as(null, "mutation { collect { skipped } }", Map.of());

        assertThat(withoutTimes(entriesSince(start))).containsExactly(
                entry("anonymous", "collect", "all", "ok"),
                entry("bob", "removeLink", id, "ok"),
                entry("bob", "collect", id, "ok"),
                entry("alice", "updateLink", id, "ok"),
                entry("alice", "addLink", id, "ok"));
    }

    @Test
    void a_failed_mutation_is_recorded_with_its_error_code_and_no_input_is_kept() throws Exception {
        Instant start = Instant.now();
        String resource = unique();
        as("carol", LinksApiTest.ADD, LinksApiTest.linkInput("first", resource, List.of()));
        String conflict = as("carol", LinksApiTest.ADD, LinksApiTest.linkInput("second secret-looking name",
                resource, List.of()));
        assertThat(conflict).contains("CONFLICT");
        as("carol", LinksApiTest.UPDATE, Map.of("id", "lnk_nosuchlink0000", "name", "x"));
        as("carol", LinksApiTest.ADD, LinksApiTest.linkInput(" ", unique(), List.of()));

        List<Map<String, Object>> entries = entriesSince(start);
        assertThat(withoutTimes(entries).subList(0, 3)).containsExactly(
                entry("carol", "addLink", null, "INVALID_QUERY"),
                entry("carol", "updateLink", "lnk_nosuchlink0000", "NOT_FOUND"),
                entry("carol", "addLink", null, "CONFLICT"));
        assertThat(entries.toString()).doesNotContain("secret-looking", resource, "first");
    }

    @Test
    void a_query_is_not_recorded_and_aliases_are_recorded_by_field_name() throws Exception {
        Instant start = Instant.now();
        as("dave", "{ links { id } }", Map.of());
        as("dave", "mutation { one: removeLink(id: \"lnk_gone1\") two: removeLink(id: \"lnk_gone2\") }", Map.of());

        assertThat(withoutTimes(entriesSince(start))).containsExactly(
                entry("dave", "removeLink", "lnk_gone2", "ok"),
                entry("dave", "removeLink", "lnk_gone1", "ok"));
    }

    @Test
    void bounds_and_limit_select_the_newest_entries_of_the_window() throws Exception {
        Instant start = Instant.now();
        for (int i = 0; i < 4; i++) {
            as("erin", LinksApiTest.REMOVE, Map.of("id", "lnk_window" + i));
            Thread.sleep(5);
        }
        List<Map<String, Object>> all = entriesSince(start);
        assertThat(all).extracting(each -> each.get("target"))
                .containsExactly("lnk_window3", "lnk_window2", "lnk_window1", "lnk_window0");
        String secondAt = (String) all.get(2).get("at");
        String fourthAt = (String) all.get(0).get("at");

        String window = as("erin", AUDIT, Map.of("from", secondAt, "to", fourthAt, "limit", 10));
        assertThat(JsonPath.<List<String>>read(window, "$.data.auditLog[*].target"))
                .containsExactly("lnk_window2", "lnk_window1");
        String limited = as("erin", AUDIT, Map.of("from", start.toString(), "limit", 1));
        assertThat(JsonPath.<List<String>>read(limited, "$.data.auditLog[*].target")).containsExactly("lnk_window3");
        String defaultLimit = as("erin", "{ auditLog { target } }", Map.of());
        assertThat(JsonPath.<List<String>>read(defaultLimit, "$.data.auditLog[*].target")).contains("lnk_window3")
                .hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void bad_arguments_are_each_refused_at_their_argument() throws Exception {
        for (int limit : new int[] {0, -1, 1001}) {
            String body = as("frank", AUDIT, Map.of("limit", limit));
            assertThat(JsonPath.<List<String>>read(body, "$.errors[*].extensions.field")).containsExactly("limit");
            assertThat(JsonPath.<List<String>>read(body, "$.errors[*].extensions.code"))
                    .containsExactly("INVALID_QUERY");
            assertThat(JsonPath.<List<String>>read(body, "$.errors[*].message"))
                    .containsExactly("limit: expected 1 to 1000, got " + limit);
        }
        String reversed = as("frank", AUDIT, Map.of("from", "2026-12-02T00:00:00Z", "to", "2026-12-01T00:00:00Z"));
        assertThat(JsonPath.<List<String>>read(reversed, "$.errors[*].extensions.field")).containsExactly("to");
        String both = as("frank", AUDIT, Map.of("from", "2026-12-01T00:00:00Z", "to", "2026-12-01T00:00:00Z",
                "limit", 5000));
        assertThat(JsonPath.<List<String>>read(both, "$.errors[*].extensions.field"))
                .containsExactlyInAnyOrder("limit", "to");
        Map<String, Object> nullLimit = new HashMap<>();
        nullLimit.put("limit", null);
        String explicitNull = as("frank", AUDIT, Collections.unmodifiableMap(nullLimit));
        assertThat(JsonPath.<List<String>>read(explicitNull, "$.errors[*].extensions.field")).containsExactly("limit");
        String badTime = as("frank", AUDIT, Map.of("from", "yesterday"));
        assertThat(badTime).contains("\"errors\"").doesNotContain("Exception");
    }
}
