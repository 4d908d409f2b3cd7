package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.TimeWindow;
import graphql.ExecutionResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive outlives the process: an H2 file (in a temporary directory, never ~/.trafficlens) collected by one run
 * of the service answers the next run's query while every vendor call fails.
 */
class ArchiveRestartTest {

    @TempDir
    Path directory;

    @Test
    @SuppressWarnings("unchecked")
    void samples_collected_before_a_restart_answer_queries_after_it_with_the_vendors_failing() {
        String url = "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("archive");
        String resource = CollectorTest.unique("pc-restart-");
        String linkId;
        Instant through;
        try (ArchivedService first = ArchivedService.start(url)) {
            linkId = first.addLink(resource);
            through = first.collect(linkId);
        }
        TimeWindow window = CollectorTest.gaplessWindow(resource, through);

        try (ArchivedService second = ArchivedService.start(url, "--trafficlens.sandbox.faults=SERVER_ERROR@.*")) {
            ExecutionResult answer = second.query(linkId, window);

            assertThat(answer.getErrors()).isEmpty();
            assertThat(ArchivedService.provenance(answer)).isEqualTo(Map.of("archived", 72, "fetched", 0, "missing", 0));
            assertThat(second.sandbox().calls().total()).isZero();
            List<Object> links = (List<Object>) second.dgs.execute("{ links { id } }").<Map<String, Object>>getData().get("links");
            assertThat(links).containsExactly(Map.of("id", linkId));
        }
    }
}
