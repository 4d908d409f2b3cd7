package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * CORS opens to the origins of {@code trafficlens.security.allowed-origins} only: their preflight is answered with
 * the methods and headers the API needs, any other origin's is refused, and the actual request still needs a token.
 * (That CORS is closed without the setting, {@link AccessControlOverHttpTest} shows.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "trafficlens.security.allowed-origins=https://dashboard.example.com")
class CorsTest {

    static final String DASHBOARD = "https://dashboard.example.com";
    private static final TestTokens TOKENS = TestTokens.mint();

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    private final ServiceClient service;

    CorsTest(@LocalServerPort int port) {
        this.service = new ServiceClient(port);
    }

    static HttpResponse<String> preflight(ServiceClient service, String origin) throws Exception {
        return service.send(HttpRequest.newBuilder(service.uri("/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
    }

    @Test
    void a_listed_origins_preflight_is_allowed_the_methods_and_headers_the_api_needs() throws Exception {
        HttpResponse<String> response = preflight(service, DASHBOARD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("POST", "GET", "OPTIONS"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization", "content-type");
    }

    @Test
    void another_origins_preflight_is_refused() throws Exception {
        HttpResponse<String> response = preflight(service, "https://elsewhere.example.com");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void the_cross_origin_request_itself_still_needs_a_token() throws Exception {
        HttpResponse<String> without = service.send(service.graphqlRequest().header("Origin", DASHBOARD)
                .POST(HttpRequest.BodyPublishers.ofString(ServiceClient.body("{ sources { id } }", Map.of()))));
        HttpResponse<String> with = service.withToken(TOKENS.viewer).send(service.graphqlRequest()
                .header("Origin", DASHBOARD)
                .POST(HttpRequest.BodyPublishers.ofString(ServiceClient.body("{ sources { id } }", Map.of()))));

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(with.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
    }
}
