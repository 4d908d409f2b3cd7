package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.sandbox.VendorSandbox;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The links API: adding, listing, changing and removing links, and every refusal as a field-specific error. */
@SpringBootTest
class LinksApiTest {

    static final String ADD = """
            mutation($input: LinkInput!) { addLink(input: $input) {
              id name source tags createdAt collectedThrough lagSeconds lastError } }""";
    static final String LINKS = "query($tag: String) { links(tag: $tag) { id name tags } }";
    static final String LINK = "query($id: ID!) { link(id: $id) { id name tags source } }";
    static final String UPDATE = """
            mutation($id: ID!, $name: String, $tags: [String!]) { updateLink(id: $id, name: $name, tags: $tags) {
              id name tags } }""";
    static final String REMOVE = "mutation($id: ID!) { removeLink(id: $id) }";

    @Autowired
    DgsQueryExecutor dgs;

    @Autowired
    VendorSandbox sandbox;

    static Map<String, Object> linkInput(String name, Object privateConnectId, List<String> tags) {
        return Map.of("input", Map.of("name", name, "tags", tags,
                "resource", Map.of("zenlayerPrivateConnect", Map.of("privateConnectId", privateConnectId))));
    }

    private String add(String name, String privateConnectId, List<String> tags) {
        ExecutionResult added = dgs.execute(ADD, linkInput(name, privateConnectId, tags));
        assertThat(added.getErrors()).isEmpty();
        return (String) this.<Map<String, Object>>field(added, "addLink").get("id");
    }

    @SuppressWarnings("unchecked")
    private <T> T field(ExecutionResult result, String name) {
        return (T) result.<Map<String, Object>>getData().get(name);
    }

    private static String unique() {
        return "pc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_link_is_added_listed_by_tag_found_by_id_changed_and_removed() {
        String resource = unique();
        ExecutionResult added = dgs.execute(ADD, linkInput("Frankfurt uplink", resource, List.of("eu", "billing")));
        assertThat(added.getErrors()).isEmpty();
        Map<String, Object> link = field(added, "addLink");
        String id = (String) link.get("id");
        assertThat(id).startsWith("lnk_");
        assertThat(link).containsEntry("name", "Frankfurt uplink").containsEntry("source", "zenlayer.private-connect")
                .containsEntry("tags", List.of("billing", "eu")).containsEntry("collectedThrough", null)
                .containsEntry("lagSeconds", null).containsEntry("lastError", null);
        String other = add("elsewhere", unique(), List.of("us"));

        List<Map<String, Object>> tagged = field(dgs.execute(LINKS, Map.of("tag", "eu")), "links");
        assertThat(tagged).extracting(each -> each.get("id")).contains(id).doesNotContain(other);
        List<Map<String, Object>> all = field(dgs.execute(LINKS, Collections.singletonMap("tag", null)), "links");
        assertThat(all).extracting(each -> each.get("id")).contains(id, other);
        assertThat(this.<Map<String, Object>>field(dgs.execute(LINK, Map.of("id", id)), "link"))
                .containsEntry("name", "Frankfurt uplink");

        ExecutionResult renamed = dgs.execute(UPDATE, Map.of("id", id, "name", "FRA-1"));
        assertThat(renamed.getErrors()).isEmpty();
        assertThat(this.<Map<String, Object>>field(renamed, "updateLink"))
                .containsEntry("name", "FRA-1").containsEntry("tags", List.of("billing", "eu"));
        ExecutionResult retagged = dgs.execute(UPDATE, Map.of("id", id, "tags", List.of("apac")));
        assertThat(this.<Map<String, Object>>field(retagged, "updateLink"))
                .containsEntry("name", "FRA-1").containsEntry("tags", List.of("apac"));

        assertThat(this.<Boolean>field(dgs.execute(REMOVE, Map.of("id", id)), "removeLink")).isTrue();
        assertThat(this.<Boolean>field(dgs.execute(REMOVE, Map.of("id", id)), "removeLink")).isFalse();
        assertThat(this.<Object>field(dgs.execute(LINK, Map.of("id", id)), "link")).isNull();
    }

    @Test
    void a_resource_that_is_already_a_link_is_refused_naming_that_link() {
        String resource = unique();
        String first = add("first", resource, List.of());

        ExecutionResult again = dgs.execute(ADD, linkInput("second", resource, List.of()));

        assertThat(again.getErrors()).hasSize(1);
        GraphQLError conflict = again.getErrors().get(0);
        assertThat(conflict.getExtensions()).containsEntry("code", "CONFLICT").containsEntry("linkId", first)
                .containsEntry("field", "input.resource");
        assertThat(conflict.getMessage()).contains(first);
        assertThat(conflict.getPath()).containsExactly("addLink");
    }

    @Test
    void an_unknown_id_is_not_found_at_the_field() {
        ExecutionResult updated = dgs.execute(UPDATE, Map.of("id", "lnk_NOSUCHLINK00000", "name", "x"));

        assertThat(updated.getErrors()).hasSize(1);
        assertThat(updated.getErrors().get(0).getExtensions()).containsEntry("code", "NOT_FOUND")
                .containsEntry("field", "id");
        assertThat(updated.getErrors().get(0).getMessage()).contains("lnk_NOSUCHLINK00000");
        assertThat(updated.getErrors().get(0).getPath()).containsExactly("updateLink");
    }

    @Test
    void bad_names_tags_and_resources_are_each_refused_at_their_field_before_anything_is_stored() {
        List<String> fiftyOne = IntStream.range(0, 51).mapToObj(i -> "t" + i).toList();
        List<Map<String, Object>> before = field(dgs.execute(LINKS, Collections.singletonMap("tag", null)), "links");

        assertThat(fields(dgs.execute(ADD, linkInput("  ", unique(), List.of("ok", " ", "x".repeat(65))))))
                .containsExactlyInAnyOrder("input.name", "input.tags[1]", "input.tags[2]");
        assertThat(fields(dgs.execute(ADD, linkInput("n".repeat(201), unique(), fiftyOne))))
                .containsExactlyInAnyOrder("input.name", "input.tags");
        assertThat(fields(dgs.execute(ADD, linkInput("fine", "   ", List.of()))))
                .containsExactly("input.resource.zenlayerPrivateConnect.privateConnectId");
        assertThat(fields(dgs.execute(UPDATE, Map.of("id", "lnk_X", "name", "", "tags", List.of("")))))
                .containsExactlyInAnyOrder("name", "tags[0]");

        List<Map<String, Object>> after = field(dgs.execute(LINKS, Collections.singletonMap("tag", null)), "links");
        assertThat(after).hasSameSizeAs(before);
    }

    @Test
    void a_traffic_query_takes_a_link_or_a_resource_but_not_both_nor_neither() {
        String resource = unique();
        String id = add("queried", resource, List.of());
        String query = """
                query($queries: [TrafficQuery!]!) { traffic(queries: $queries) { source key provenance { fetched } } }""";
        Map<String, Object> window = TrafficQueries.window();
        Map<String, Object> byLink = Map.of("key", "byLink", "link", id, "from", window.get("from"), "to", window.get("to"));
        Map<String, Object> both = Map.of("link", id, "from", window.get("from"), "to", window.get("to"),
                "resource", Map.of("zenlayerPrivateConnect", Map.of("privateConnectId", resource)));
        Map<String, Object> neither = Map.of("from", window.get("from"), "to", window.get("to"));
        Map<String, Object> unknown = Map.of("link", "lnk_UNKNOWN000000", "from", window.get("from"), "to",
                window.get("to"));

        ExecutionResult result = dgs.execute(query, Map.of("queries", List.of(byLink, both, neither, unknown)));

        List<Map<String, Object>> answers = field(result, "traffic");
        assertThat(answers.get(0)).containsEntry("source", "zenlayer.private-connect").containsEntry("key", "byLink");
        assertThat((Map<String, Object>) answers.get(0).get("provenance")).extractingByKey("fetched")
                .isNotEqualTo(0);
        assertThat(answers.subList(1, 4)).containsOnlyNulls();
        assertThat(result.getErrors()).extracting(error -> error.getExtensions().get("field"))
                .containsExactly("queries[1].link", "queries[2].resource", "queries[3].link");
        assertThat(result.getErrors().get(2).getExtensions()).containsEntry("code", "NOT_FOUND");
        assertThat(result.getErrors().get(2).getMessage()).contains("lnk_UNKNOWN000000");
    }

    private static List<Object> fields(ExecutionResult result) {
        assertThat(result.getErrors()).allSatisfy(error -> assertThat(error.getExtensions())
                .containsEntry("code", "INVALID_QUERY"));
        return result.getErrors().stream().map(error -> error.getExtensions().get("field")).toList();
    }
}
