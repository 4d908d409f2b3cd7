package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.domain.port.out.LinkStore;
import dev.trafficlens.domain.port.out.SampleArchive;
import graphql.ExecutionResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** {@code trafficlens.archive.enabled=false}: no archive, queries from vendors as before, link and bill fields refuse clearly. */
@SpringBootTest(properties = "trafficlens.archive.enabled=false")
class ArchiveDisabledTest {

    @Autowired
    DgsQueryExecutor dgs;

    @Autowired
    ApplicationContext context;

    @Test
    void links_answer_that_the_archive_is_off_and_queries_come_from_vendors() {
        assertThat(context.getBeansOfType(SampleArchive.class)).isEmpty();
        assertThat(context.getBeansOfType(LinkStore.class)).isEmpty();

        ExecutionResult links = dgs.execute("{ links { id } }");
        assertThat(links.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "ARCHIVE_DISABLED");
            assertThat(error.getMessage()).contains("trafficlens.archive.enabled=false");
        });
        ExecutionResult added = dgs.execute(LinksApiTest.ADD, LinksApiTest.linkInput("x", "pc-off", List.of()));
        assertThat(added.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "ARCHIVE_DISABLED"));

        ExecutionResult bills = dgs.execute("{ bills { id } }");
        assertThat(bills.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "ARCHIVE_DISABLED");
            assertThat(error.getMessage()).contains("trafficlens.archive.enabled=false");
        });
        ExecutionResult defined =
                dgs.execute("mutation { defineBill(input: {name: \"x\", links: [\"lnk_ANY\"]}) { id } }");
        assertThat(defined.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "ARCHIVE_DISABLED"));

        Map<String, Object> window = TrafficQueries.window();
        ExecutionResult traffic = dgs.execute(
                "query($q: [TrafficQuery!]!) { traffic(queries: $q) { provenance { archived fetched } } }",
                Map.of("q", List.of(
                        Map.of("link", "lnk_ANY", "from", window.get("from"), "to", window.get("to")),
                        Map.of("resource", Map.of("zenlayerPrivateConnect", Map.of("privateConnectId", "pc-off")),
                                "from", window.get("from"), "to", window.get("to")))));
        assertThat(traffic.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("field", "queries[0].link");
            assertThat(error.getMessage()).contains("trafficlens.archive.enabled=false");
        });
        List<Map<String, Map<String, Integer>>> results = traffic.<Map<String, List<Map<String, Map<String, Integer>>>>>getData()
                .get("traffic");
        assertThat(results.get(1).get("provenance").get("archived")).isZero();
        assertThat(results.get(1).get("provenance").get("fetched")).isPositive();
    }
}
