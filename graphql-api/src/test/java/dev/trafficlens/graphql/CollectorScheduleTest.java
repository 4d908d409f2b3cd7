package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import graphql.ExecutionResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** With the collector's schedule on, a link added is collected without anyone asking, and the run is counted. */
@SpringBootTest(properties = {"trafficlens.collector.enabled=true", "trafficlens.collector.interval=1s"})
class CollectorScheduleTest {

    @Autowired
    DgsQueryExecutor dgs;

    @Autowired
    MeterRegistry meters;

    @Test
    void a_link_is_collected_on_the_schedule() {
        ExecutionResult added = dgs.execute(LinksApiTest.ADD,
                LinksApiTest.linkInput("scheduled", CollectorTest.unique("pc-sched-"), List.of()));
        String id = (String) ((Map<?, ?>) added.<Map<String, Object>>getData().get("addLink")).get("id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<?, ?> link = (Map<?, ?>) dgs.execute(CollectorTest.LINK, Map.of("id", id))
                    .<Map<String, Object>>getData().get("link");
            assertThat(link.get("collectedThrough")).isNotNull();
            assertThat(meters.counter("trafficlens.collector.runs", "outcome", "completed").count()).isPositive();
            assertThat(meters.find("trafficlens.collector.lag.seconds").tag("link", id).gauge()).isNotNull();
        });
    }
}
