package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Collections;
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
 * The audit log over HTTP: each mutation is recorded once with its caller, name, id and outcome, and
 * {@code Query.auditLog} reads the entries back newest first within its bounds, for editors only. The caller is the
 * API token's configured name; a viewer's mutation is refused and recorded as FORBIDDEN.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogApiTest {

    static final String AUDIT = """
            query($from: DateTime, $to: DateTime, $limit: Int) { auditLog(from: $from, to: $to, limit: $limit) {
              at actor action target outcome } }""";
    private static final TestTokens TOKENS = TestTokens.mint();

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    @RegisterExtension
    final NoSecretInTheLogs logs = TOKENS.watchedBy(new NoSecretInTheLogs());

    private final ServiceClient editor;
    private final ServiceClient viewer;

    AuditLogApiTest(@LocalServerPort int port) {
        this.editor = new ServiceClient(port).withToken(TOKENS.editor);
        this.viewer = new ServiceClient(port).withToken(TOKENS.viewer);
    }

    private static String as(ServiceClient caller, String query, Map<String, ?> variables) throws Exception {
        HttpResponse<String> response = caller.send(caller.graphqlRequest()
                .POST(HttpRequest.BodyPublishers.ofString(ServiceClient.body(query, variables))));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The entries since {@code since}, newest first. */
    private List<Map<String, Object>> entriesSince(Instant since) throws Exception {
        String body = as(editor, AUDIT, Map.of("from", since.toString(), "limit", 1000));
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
        String added = as(editor, LinksApiTest.ADD, LinksApiTest.linkInput("Frankfurt uplink", unique(),
                List.of("eu")));
        String id = JsonPath.read(added, "$.data.addLink.id");
        as(editor, LinksApiTest.UPDATE, Map.of("id", id, "name", "FRA-1"));
        String collected = as(editor, CollectorTest.COLLECT, Map.of("ids", List.of(id)));
        assertThat(collected).doesNotContain("\"errors\"");
        as(editor, LinksApiTest.REMOVE, Map.of("id", id));
        as(viewer, "mutation { collect { skipped } }", Map.of());

        assertThat(withoutTimes(entriesSince(start))).containsExactly(
                entry(TestTokens.VIEWER_NAME, "collect", "all", "FORBIDDEN"),
                entry(TestTokens.EDITOR_NAME, "removeLink", id, "ok"),
                entry(TestTokens.EDITOR_NAME, "collect", id, "ok"),
                entry(TestTokens.EDITOR_NAME, "updateLink", id, "ok"),
                entry(TestTokens.EDITOR_NAME, "addLink", id, "ok"));
    }

    @Test
    void a_failed_mutation_is_recorded_with_its_error_code_and_no_input_is_kept() throws Exception {
        Instant start = Instant.now();
        String resource = unique();
        as(editor, LinksApiTest.ADD, LinksApiTest.linkInput("first", resource, List.of()));
        String conflict = as(editor, LinksApiTest.ADD, LinksApiTest.linkInput("second secret-looking name",
                resource, List.of()));
        assertThat(conflict).contains("CONFLICT");
        as(editor, LinksApiTest.UPDATE, Map.of("id", "lnk_nosuchlink0000", "name", "x"));
        as(editor, LinksApiTest.ADD, LinksApiTest.linkInput(" ", unique(), List.of()));

        List<Map<String, Object>> entries = entriesSince(start);
        assertThat(withoutTimes(entries).subList(0, 3)).containsExactly(
                entry(TestTokens.EDITOR_NAME, "addLink", null, "INVALID_QUERY"),
                entry(TestTokens.EDITOR_NAME, "updateLink", "lnk_nosuchlink0000", "NOT_FOUND"),
                entry(TestTokens.EDITOR_NAME, "addLink", null, "CONFLICT"));
        assertThat(entries.toString()).doesNotContain("secret-looking", resource, "first");
    }

    @Test
    void a_query_is_not_recorded_and_aliases_are_recorded_by_field_name() throws Exception {
        Instant start = Instant.now();
        as(editor, "{ links { id } }", Map.of());
        as(editor, "mutation { one: removeLink(id: \"lnk_gone1\") two: removeLink(id: \"lnk_gone2\") }", Map.of());

        assertThat(withoutTimes(entriesSince(start))).containsExactly(
                entry(TestTokens.EDITOR_NAME, "removeLink", "lnk_gone2", "ok"),
                entry(TestTokens.EDITOR_NAME, "removeLink", "lnk_gone1", "ok"));
    }

    @Test
    void bounds_and_limit_select_the_newest_entries_of_the_window() throws Exception {
        Instant start = Instant.now();
        for (int i = 0; i < 4; i++) {
            as(editor, LinksApiTest.REMOVE, Map.of("id", "lnk_window" + i));
            Thread.sleep(5);
        }
        List<Map<String, Object>> all = entriesSince(start);
        assertThat(all).extracting(each -> each.get("target"))
                .containsExactly("lnk_window3", "lnk_window2", "lnk_window1", "lnk_window0");
        String secondAt = (String) all.get(2).get("at");
        String fourthAt = (String) all.get(0).get("at");

        String window = as(editor, AUDIT, Map.of("from", secondAt, "to", fourthAt, "limit", 10));
        assertThat(JsonPath.<List<String>>read(window, "$.data.auditLog[*].target"))
                .containsExactly("lnk_window2", "lnk_window1");
        String limited = as(editor, AUDIT, Map.of("from", start.toString(), "limit", 1));
        assertThat(JsonPath.<List<String>>read(limited, "$.data.auditLog[*].target")).containsExactly("lnk_window3");
        String defaultLimit = as(editor, "{ auditLog { target } }", Map.of());
        assertThat(JsonPath.<List<String>>read(defaultLimit, "$.data.auditLog[*].target")).contains("lnk_window3")
                .hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void the_audit_log_is_for_editors_only_and_holds_no_token() throws Exception {
        Instant start = Instant.now();
        as(editor, LinksApiTest.REMOVE, Map.of("id", "lnk_tokencheck"));

        String refused = as(viewer, AUDIT, Map.of("from", start.toString()));
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].extensions.code")).containsExactly("FORBIDDEN");
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].extensions.errorType"))
                .containsExactly("PERMISSION_DENIED");
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].path[0]")).containsExactly("auditLog");
        String read = as(editor, AUDIT, Map.of("from", start.toString()));
        assertThat(JsonPath.<List<String>>read(read, "$.data.auditLog[*].target")).contains("lnk_tokencheck");
        assertThat(read).doesNotContain(TOKENS.editor, TOKENS.viewer);
    }

    @Test
    void bad_arguments_are_each_refused_at_their_argument() throws Exception {
        for (int limit : new int[] {0, -1, 1001}) {
            String body = as(editor, AUDIT, Map.of("limit", limit));
            assertThat(JsonPath.<List<String>>read(body, "$.errors[*].extensions.field")).containsExactly("limit");
            assertThat(JsonPath.<List<String>>read(body, "$.errors[*].extensions.code"))
                    .containsExactly("INVALID_QUERY");
            assertThat(JsonPath.<List<String>>read(body, "$.errors[*].message"))
                    .containsExactly("limit: expected 1 to 1000, got " + limit);
        }
        String reversed = as(editor, AUDIT, Map.of("from", "2026-12-02T00:00:00Z", "to", "2026-12-01T00:00:00Z"));
        assertThat(JsonPath.<List<String>>read(reversed, "$.errors[*].extensions.field")).containsExactly("to");
        String both = as(editor, AUDIT, Map.of("from", "2026-12-01T00:00:00Z", "to", "2026-12-01T00:00:00Z",
                "limit", 5000));
        assertThat(JsonPath.<List<String>>read(both, "$.errors[*].extensions.field"))
                .containsExactlyInAnyOrder("limit", "to");
        Map<String, Object> nullLimit = new HashMap<>();
        nullLimit.put("limit", null);
        String explicitNull = as(editor, AUDIT, Collections.unmodifiableMap(nullLimit));
        assertThat(JsonPath.<List<String>>read(explicitNull, "$.errors[*].extensions.field")).containsExactly("limit");
        String badTime = as(editor, AUDIT, Map.of("from", "yesterday"));
        assertThat(badTime).contains("\"errors\"").doesNotContain("Exception");
    }
}
