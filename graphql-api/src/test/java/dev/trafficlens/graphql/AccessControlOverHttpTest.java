package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Access control over HTTP with API tokens configured (on the sandbox, which then needs them too): no token and a
 * wrong one are refused with a 401 saying how to authenticate, a viewer queries but its mutations fail at their
 * fields, an editor does both, GraphiQL and the health probes need nothing, health details and metrics a viewer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WhoAmI.class)
class AccessControlOverHttpTest {

    static final String SOURCES = "{ sources { id mode } }";
    static final String ADD = LinksApiTest.ADD.replace("createdAt collectedThrough lagSeconds lastError", "");

    private static final TestTokens TOKENS = TestTokens.mint();

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    @RegisterExtension
    final NoSecretInTheLogs logs = TOKENS.watchedBy(new NoSecretInTheLogs());

    private final ServiceClient anonymous;
    private final ServiceClient viewer;
    private final ServiceClient editor;

    AccessControlOverHttpTest(@LocalServerPort int port) {
        this.anonymous = new ServiceClient(port);
        this.viewer = anonymous.withToken(TOKENS.viewer);
        this.editor = anonymous.withToken(TOKENS.editor);
    }

    @Test
    void without_a_token_graphql_answers_401_with_json_saying_how_to_authenticate() throws Exception {
        HttpResponse<String> response = anonymous.post(SOURCES, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer").doesNotContain("invalid_token"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(JsonPath.<String>read(response.body(), "$.error")).isEqualTo("unauthorized");
        assertThat(JsonPath.<String>read(response.body(), "$.message"))
                .contains("Authorization: Bearer <token>", "--trafficlens.security.new-token=NAME");
        assertThat(response.body()).doesNotContain("Exception", "at org.", "\"data\"");
    }

    @Test
    void a_wrong_token_answers_401_naming_it_invalid_and_never_echoes_it() throws Exception {
        String wrong = TestTokens.mint().editor;
        HttpResponse<String> response = anonymous.withToken(wrong).post(SOURCES, Map.of());
        HttpResponse<String> notBearer = anonymous.send(anonymous.graphqlRequest()
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("x:" + TOKENS.editor).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(ServiceClient.body(SOURCES, Map.of()))));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
        assertThat(JsonPath.<String>read(response.body(), "$.message")).contains("not accepted");
        assertThat(response.body()).doesNotContain(wrong).doesNotContain("Exception");
        assertThat(notBearer.statusCode()).as("a token sent the wrong way is no bearer token").isEqualTo(401);
    }

    @Test
    void a_viewer_queries_and_its_mutation_fails_at_its_field_as_forbidden_without_running() throws Exception {
        HttpResponse<String> sources = viewer.post(SOURCES, Map.of());
        HttpResponse<String> added = viewer.post(ADD, LinksApiTest.linkInput("viewer's", "pc-viewer-1", List.of()));
        HttpResponse<String> links = viewer.post(LinksApiTest.LINKS, Map.of());

        assertThat(sources.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(sources.body(), "$.data.sources[*].mode")).hasSize(5)
                .containsOnly("SANDBOX");
        assertThat(added.statusCode()).isEqualTo(200);
        List<Map<String, Object>> errors = JsonPath.read(added.body(), "$.errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.get("path")).isEqualTo(List.of("addLink"));
            assertThat((Map<String, Object>) error.get("extensions")).containsEntry("code", "FORBIDDEN")
                    .containsEntry("errorType", "PERMISSION_DENIED");
            assertThat((String) error.get("message")).isEqualTo(
                    "Mutation.addLink needs the EDITOR role; this caller is a VIEWER");
        });
        assertThat(JsonPath.<List<String>>read(links.body(), "$.data.links[*].name")).doesNotContain("viewer's");
    }

    @Test
    void a_viewers_mutation_of_an_editors_link_changes_nothing() throws Exception {
        HttpResponse<String> added = editor.post(ADD, LinksApiTest.linkInput("kept", "pc-kept-1", List.of()));
        String id = JsonPath.read(added.body(), "$.data.addLink.id");

        HttpResponse<String> removed = viewer.post("mutation($id: ID!) { removeLink(id: $id) }", Map.of("id", id));
        HttpResponse<String> renamed = viewer.post("mutation($id: ID!) { updateLink(id: $id, name: \"x\") { name } }",
                Map.of("id", id));

        for (HttpResponse<String> refused : List.of(removed, renamed)) {
            assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].extensions.code"))
                    .containsExactly("FORBIDDEN");
        }
        HttpResponse<String> link = viewer.post(LinksApiTest.LINK, Map.of("id", id));
        assertThat(JsonPath.<String>read(link.body(), "$.data.link.name")).isEqualTo("kept");
    }

    @Test
    void an_editor_queries_and_mutates() throws Exception {
        HttpResponse<String> added = editor.post(ADD, LinksApiTest.linkInput("editor's", "pc-editor-1", List.of()));

        assertThat(JsonPath.<List<Object>>read(added.body(), "$..errors")).isEmpty();
        String id = JsonPath.read(added.body(), "$.data.addLink.id");
        HttpResponse<String> removed = editor.post("mutation($id: ID!) { removeLink(id: $id) }", Map.of("id", id));
        assertThat(JsonPath.<Boolean>read(removed.body(), "$.data.removeLink")).isTrue();
        assertThat(editor.post(SOURCES, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void the_caller_is_known_by_its_tokens_configured_name() throws Exception {
        assertThat(viewer.get(WhoAmI.PATH).body()).isEqualTo(TestTokens.VIEWER_NAME);
        assertThat(editor.get(WhoAmI.PATH).body()).isEqualTo(TestTokens.EDITOR_NAME);
        assertThat(anonymous.get(WhoAmI.PATH).statusCode()).isEqualTo(401);
    }

    @Test
    void graphiql_and_its_assets_load_without_a_token() throws Exception {
        HttpResponse<String> page = anonymous.get("/graphiql");

        assertThat(page.statusCode()).isEqualTo(200);
        Matcher asset = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page.body());
        int assets = 0;
        while (asset.find()) {
            assertThat(anonymous.get(asset.group(1)).statusCode()).as(asset.group(1)).isEqualTo(200);
            assets++;
        }
        assertThat(assets).as("GraphiQL's scripts and style sheet, and the icon").isEqualTo(5);
    }

    @Test
    void health_answers_everyone_with_its_status_and_viewers_with_its_details() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> open = anonymous.get(path);

            assertThat(open.statusCode()).as(path).isEqualTo(200);
            assertThat(JsonPath.<String>read(open.body(), "$.status")).as(path).isEqualTo("UP");
            assertThat(JsonPath.<Map<String, Object>>read(open.body(), "$")).as(path)
                    .doesNotContainKeys("components", "details");
        }
        HttpResponse<String> detailed = viewer.get("/actuator/health");
        assertThat(JsonPath.<Map<String, Object>>read(detailed.body(), "$.components")).containsKey("archive");
        HttpResponse<String> readiness = viewer.get("/actuator/health/readiness");
        assertThat(JsonPath.<Map<String, Object>>read(readiness.body(), "$.components")).containsKey("archive");
    }

    @Test
    void metrics_and_prometheus_need_a_token() throws Exception {
        for (String path : List.of("/actuator/metrics", "/actuator/metrics/jvm.threads.live",
                "/actuator/prometheus")) {
            HttpResponse<String> refused = anonymous.get(path);

            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(JsonPath.<String>read(refused.body(), "$.error")).as(path).isEqualTo("unauthorized");
            assertThat(viewer.get(path).statusCode()).as(path).isEqualTo(200);
            assertThat(editor.get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void cors_is_closed_unless_origins_are_listed() throws Exception {
        HttpResponse<String> preflight = CorsTest.preflight(anonymous, CorsTest.DASHBOARD);

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).isEmpty();
    }
}
