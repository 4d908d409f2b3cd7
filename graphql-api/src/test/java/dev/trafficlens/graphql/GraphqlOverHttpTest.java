package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole service over real HTTP: POST /graphql and health (GraphiQL at /graphiql: {@link GraphiqlPageTest}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphqlOverHttpTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answers_a_five_source_query_posted_as_json() throws Exception {
        String body = "{\"query\":" + quoted(TrafficQueries.FIVE_SOURCES) + ",\"variables\":{\"from\":\""
                + TrafficQueries.from() + "\",\"to\":\"" + TrafficQueries.to() + "\"}}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> sources = JsonPath.read(response.body(), "$.data.traffic[*].source");
        assertThat(sources).hasSize(5);
        assertThat(response.body()).doesNotContain("\"errors\"");
        Double billing = JsonPath.read(response.body(), "$.data.traffic[3].billing95");
        assertThat(billing).isPositive();
    }

    @Test
    void compresses_series_for_clients_that_accept_gzip() throws Exception {
        String body = "{\"query\":" + quoted(TrafficQueries.FIVE_SOURCES) + ",\"variables\":{\"from\":\""
                + TrafficQueries.from() + "\",\"to\":\"" + TrafficQueries.to() + "\"}}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));

        HttpResponse<byte[]> plain = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzipped = http.send(request.header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body())).readAllBytes();
        assertThat(unzipped).isEqualTo(plain.body());
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
    }

    @Test
    void reports_its_health() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.status")).isEqualTo("UP");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
