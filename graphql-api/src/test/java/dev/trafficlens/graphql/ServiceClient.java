package dev.trafficlens.graphql;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service under test as an HTTP client sees it: GraphQL requests as JSON {@code POST}s to {@code /graphql}, and
 * {@code GET}s of its other pages; {@link #withToken} sends every request with {@code Authorization: Bearer}.
 */
final class ServiceClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final HttpClient http;
    private final String token;

    ServiceClient(int port) {
        this(port, HttpClient.newHttpClient());
    }

    ServiceClient(int port, HttpClient http) {
        this(port, http, null);
    }

    private ServiceClient(int port, HttpClient http, String token) {
        this.port = port;
        this.http = http;
        this.token = token;
    }

    /** This client, sending {@code token} as a bearer token with every request. */
    ServiceClient withToken(String token) {
        return new ServiceClient(port, http, token);
    }

    /** The JSON body of a GraphQL request. */
    static String body(String query, Map<String, ?> variables) {
        return JSON.writeValueAsString(Map.of("query", query, "variables", variables));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A JSON {@code POST} to {@code /graphql}, body still to be given. */
    HttpRequest.Builder graphqlRequest() {
        return HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json");
    }

    HttpResponse<String> post(String query, Map<String, ?> variables) throws IOException, InterruptedException {
        return postBody(body(query, variables));
    }

    /** Posts {@code body} as it is, valid JSON or not. */
    HttpResponse<String> postBody(String body) throws IOException, InterruptedException {
        return send(graphqlRequest().POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(authorized(request).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(authorized(request).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
