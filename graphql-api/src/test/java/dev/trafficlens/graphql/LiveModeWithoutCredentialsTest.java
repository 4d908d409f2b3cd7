package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.trafficlens.graphql.generated.client.SourcesGraphQLQuery;
import dev.trafficlens.graphql.generated.client.SourcesProjectionRoot;
import dev.trafficlens.graphql.generated.client.TrafficProjectionRoot;
import dev.trafficlens.graphql.generated.types.TrafficQuery;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Live mode with credentials for one vendor only: the others are reported as not configured, never a crash. Live keys
 * need authentication, so the test configures its own tokens and asks as a viewer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "trafficlens.sandbox.enabled=false",
        "trafficlens.sources.zenlayer.endpoint=http://127.0.0.1:9",
        "trafficlens.sources.zenlayer.access-key-id=some-id",
        "trafficlens.sources.zenlayer.access-key-password=some-password"})
class LiveModeWithoutCredentialsTest {

    private static final TestTokens TOKENS = TestTokens.mint();

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    private final ServiceClient service;

    LiveModeWithoutCredentialsTest(@LocalServerPort int port) {
        this.service = new ServiceClient(port).withToken(TOKENS.viewer);
    }

    @Test
    void sources_without_credentials_are_listed_as_not_configured() throws Exception {
        HttpResponse<String> response = service.post(TrafficQueries.request(
                new SourcesGraphQLQuery(), new SourcesProjectionRoot<>().id().configured()), Map.of());

        List<Map<String, Object>> sources = JsonPath.read(response.body(), "$.data.sources");
        assertThat(sources).extracting(source -> source.get("id") + "=" + source.get("configured")).containsExactly(
                "tencent.vpn-connection=false", "tencent.mna-region=false", "qingcloud.wan-access=false",
                "zenlayer.private-connect=true", "zenlayer.cloud-router=true");
    }

    @Test
    void a_query_for_an_unconfigured_source_fails_alone_with_a_clear_error() throws Exception {
        TrafficQuery wan = TrafficQueries.fiveSourcesInput("1", "AP").get(2);
        HttpResponse<String> response = service.post(
                TrafficQueries.traffic(List.of(wan), new TrafficProjectionRoot<>().source()), Map.of());

        assertThat(JsonPath.<List<Object>>read(response.body(), "$.data.traffic")).containsExactly((Object) null);
        List<Map<String, Object>> errors = JsonPath.read(response.body(), "$.errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.get("path")).isEqualTo(List.of("traffic", 0));
            assertThat((Map<String, Object>) error.get("extensions")).containsEntry("source", "qingcloud.wan-access");
            assertThat((String) error.get("message")).contains("not configured");
        });
    }
}
