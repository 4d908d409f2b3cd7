package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole service over real HTTP: POST /graphql and health (GraphiQL at /graphiql: {@link GraphiqlPageTest}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphqlOverHttpTest {


    private final ServiceClient service;

    GraphqlOverHttpTest(@LocalServerPort int port) {
        this.service = new ServiceClient(port);
    }

    @Test
    void answers_a_five_source_query_posted_as_json() throws Exception {
        HttpResponse<String> response = service.post(TrafficQueries.FIVE_SOURCES, TrafficQueries.window());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> sources = JsonPath.read(response.body(), "$.data.traffic[*].source");
        assertThat(sources).hasSize(5);
        assertThat(response.body()).doesNotContain("\"errors\"");
        Double billing = JsonPath.read(response.body(), "$.data.traffic[3].billing95");
        assertThat(billing).isPositive();
    }

    @Test
    void compresses_series_for_clients_that_accept_gzip() throws Exception {
        HttpRequest.Builder request = service.graphqlRequest().POST(HttpRequest.BodyPublishers.ofString(
                ServiceClient.body(TrafficQueries.FIVE_SOURCES, TrafficQueries.window())));

        HttpResponse<byte[]> plain = service.sendForBytes(request);
        HttpResponse<byte[]> gzipped = service.sendForBytes(request.header("Accept-Encoding", "gzip"));

        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body())).readAllBytes();
        assertThat(unzipped).isEqualTo(plain.body());
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
    }

    @Test
    void reports_its_health() throws Exception {
        HttpResponse<String> response = service.get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.status")).isEqualTo("UP");
    }
}
