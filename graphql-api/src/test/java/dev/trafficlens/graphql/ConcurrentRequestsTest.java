package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 500 dashboards asking at once, against a slow vendor: every request is answered, those beyond the configured
 * number in flight at once with a RATE_LIMITED error rather than a queue that grows until memory or threads run out.
 */
@ExtendWith(NoSecretInTheLogs.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "trafficlens.limits.max-concurrent-requests=50",
        // The first request waits for the vendor and the cache makes the rest wait for it too: a slow vendor keeps
        // them overlapping even when a loaded machine sends them slowly.
        "trafficlens.sandbox.faults=NONE:3000@pc-crowd"})
class ConcurrentRequestsTest {

    private static final int CLIENTS = 500;

    @LocalServerPort
    int port;

    @Test
    void five_hundred_concurrent_requests_are_all_answered_some_with_a_limit_error() throws Exception {
        // The clients' own threads are few and fixed, so the count below measures the service's.
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .executor(java.util.concurrent.Executors.newFixedThreadPool(4)).build();
        ServiceClient service = new ServiceClient(port, http);
        String body = ServiceClient.body("query Q($from: DateTime!, $to: DateTime!) { traffic(queries: [{from: $from, "
                + "to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: \"pc-crowd\"}}}]) { source billing95 } }",
                TrafficQueries.window());
        int threadsBefore = Thread.activeCount();

        List<CompletableFuture<HttpResponse<String>>> inFlight = IntStream.range(0, CLIENTS)
                .mapToObj(i -> http.sendAsync(service.graphqlRequest().timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<HttpResponse<String>> responses = inFlight.stream().map(CompletableFuture::join).toList();

        assertThat(responses).hasSize(CLIENTS).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        long answered = responses.stream().filter(response -> !response.body().contains("\"errors\"")).count();
        List<HttpResponse<String>> refused = responses.stream().filter(response -> response.body().contains("\"errors\"")).toList();
        assertThat(answered).isGreaterThanOrEqualTo(50);
        assertThat(refused).isNotEmpty().allSatisfy(response -> {
            assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.code")).isEqualTo("RATE_LIMITED");
            assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.errorType"))
                    .isEqualTo("UNAVAILABLE");
            assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message"))
                    .contains("trafficlens.limits.max-concurrent-requests");
        });
        assertThat(answered + refused.size()).isEqualTo(CLIENTS);
        // Tomcat's pool is bounded (200 by default): 500 clients must not turn into 500 threads.
        assertThat(Thread.activeCount()).isLessThan(threadsBefore + 220);

        HttpResponse<String> after = service.postBody(body);
        assertThat(after.body()).doesNotContain("\"errors\"");
    }
}
