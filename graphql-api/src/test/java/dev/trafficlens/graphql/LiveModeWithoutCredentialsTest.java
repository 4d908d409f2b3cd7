package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.graphql.generated.client.SourcesGraphQLQuery;
import dev.trafficlens.graphql.generated.client.SourcesProjectionRoot;
import dev.trafficlens.graphql.generated.client.TrafficProjectionRoot;
import dev.trafficlens.graphql.generated.types.TrafficQuery;
import graphql.ExecutionResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Live mode with credentials for one vendor only: the others are reported as not configured, never a crash. */
@SpringBootTest(properties = {
        "trafficlens.sandbox.enabled=false",
        "trafficlens.sources.zenlayer.endpoint=http://127.0.0.1:9",
        "trafficlens.sources.zenlayer.access-key-id=some-id",
        "trafficlens.sources.zenlayer.access-key-password=some-password"})
@SuppressWarnings("unchecked")
class LiveModeWithoutCredentialsTest {

    @Autowired
    DgsQueryExecutor dgs;

    @Test
    void sources_without_credentials_are_listed_as_not_configured() {
        ExecutionResult result = dgs.execute(TrafficQueries.request(
                new SourcesGraphQLQuery(), new SourcesProjectionRoot<>().id().configured()));

        List<Map<String, Object>> sources = (List<Map<String, Object>>) ((Map<String, Object>) result.getData()).get("sources");
        assertThat(sources).extracting(source -> source.get("id") + "=" + source.get("configured")).containsExactly(
                "tencent.vpn-connection=false", "tencent.mna-region=false", "qingcloud.wan-access=false",
                "zenlayer.private-connect=true", "zenlayer.cloud-router=true");
    }

    @Test
    void a_query_for_an_unconfigured_source_fails_alone_with_a_clear_error() {
        TrafficQuery wan = TrafficQueries.fiveSourcesInput("1", "AP").get(2);
        ExecutionResult result = dgs.execute(TrafficQueries.traffic(List.of(wan), new TrafficProjectionRoot<>().source()));

        List<Object> traffic = (List<Object>) ((Map<String, Object>) result.getData()).get("traffic");
        assertThat(traffic).containsExactly((Object) null);
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("traffic", 0);
            assertThat(error.getExtensions()).containsEntry("source", "qingcloud.wan-access");
            assertThat(error.getMessage()).contains("not configured");
        });
    }
}
