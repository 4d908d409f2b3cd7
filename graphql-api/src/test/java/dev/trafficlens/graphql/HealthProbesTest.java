package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The probes a platform polls: liveness leaves the archive out, so that a database outage does not get every replica
 * restarted; readiness includes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthProbesTest {

    @LocalServerPort
    int port;

    @Test
    void liveness_leaves_the_archive_out_and_readiness_includes_it() throws Exception {
        String liveness = get("/actuator/health/liveness");
        String readiness = get("/actuator/health/readiness");

        assertThat(JsonPath.<String>read(liveness, "$.status")).isEqualTo("UP");
        assertThat(JsonPath.<Map<String, Object>>read(liveness, "$")).doesNotContainKey("components");
        assertThat(JsonPath.<Map<String, Object>>read(readiness, "$.components")).containsKey("archive");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
