package dev.trafficlens.contract.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's side of the GraphQL API, written as a frontend uses it: each page posts one fixed document from
 * {@code src/test/resources/dashboard} with its variables to {@code POST /graphql} as {@code application/json}, with
 * the user's API token as {@code Authorization: Bearer}, draws
 * what {@code data} holds, and shows each entry of {@code errors} next to the panel its {@code path} points at.
 */
final class DashboardClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String token;

    /** A client of the service at {@code baseUrl} that sends {@code token} as {@code Authorization: Bearer}. */
    DashboardClient(String baseUrl, String token) {
        this.endpoint = URI.create(baseUrl + "/graphql");
        this.token = token;
    }

    /** The text of a dashboard document, e.g. {@code month-overview}. */
    static String document(String name) {
        try (InputStream in = DashboardClient.class.getResourceAsStream("/dashboard/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("no dashboard document " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sources page: which vendor APIs the service knows and whether each has credentials. */
    List<SourceRow> sources() {
        Answer answer = post("sources", Map.of());
        List<SourceRow> rows = new ArrayList<>();
        for (JsonNode source : answer.data().path("sources")) {
            JsonNode retention = source.path("retentionDays");
            rows.add(new SourceRow(source.path("id").asString(), source.path("configured").asBoolean(),
                    source.path("defaultStep").asString(), retention.isNull() ? null : retention.asInt()));
        }
        return rows;
    }

    /** The month page: one panel a link, each with its bit-rate charts and its p95 bill. */
    Panels monthOverview(Instant from, Instant to) {
        return panels(post("month-overview", window(from, to)));
    }

    /** The bills page: the p95 of the links billed together, and the summed charts it comes from. */
    Bill monthBill(Instant from, Instant to) {
        Answer answer = post("month-bill", window(from, to));
        JsonNode aggregate = answer.data().path("aggregate");
        return new Bill(number(aggregate.path("billing95")), charts(aggregate.path("series")), answer.problems());
    }

    /** The bills page, link by link. */
    Panels linkBills(Instant from, Instant to) {
        return panels(post("link-bills", window(from, to)));
    }

    /** One link's page, for the range its date picker holds. */
    Panels linkMonth(Instant from, Instant to) {
        return panels(post("link-month", window(from, to)));
    }

    private static Map<String, Object> window(Instant from, Instant to) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("from", from.toString());
        variables.put("to", to.toString());
        return variables;
    }

    private Answer post(String documentName, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document(documentName));
        body.put("variables", variables);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /graphql answered HTTP " + response.statusCode());
        }
        JsonNode json = JSON.readTree(response.body());
        List<Problem> problems = new ArrayList<>();
        for (JsonNode error : json.path("errors")) {
            List<Object> path = new ArrayList<>();
            for (JsonNode step : error.path("path")) {
                path.add(step.isNumber() ? (Object) step.asInt() : step.asString());
            }
            JsonNode extensions = error.path("extensions");
            problems.add(new Problem(error.path("message").asString(), path, extensions.path("code").asString(),
                    extensions.path("field").isMissingNode() ? null : extensions.path("field").asString()));
        }
        return new Answer(json.path("data"), List.copyOf(problems));
    }

    private static Panels panels(Answer answer) {
        List<Panel> panels = new ArrayList<>();
        for (JsonNode entry : answer.data().path("traffic")) {
            panels.add(entry.isNull() ? null : new Panel(entry.path("key").asString(), entry.path("source").asString(),
                    entry.path("step").asString(null), number(entry.path("billing95")), charts(entry.path("series"))));
        }
        return new Panels(panels, answer.problems());
    }

    private static List<Chart> charts(JsonNode series) {
        List<Chart> charts = new ArrayList<>();
        for (JsonNode one : series) {
            JsonNode values = one.path("values");
            double[] samples = new double[values.size()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = values.get(i).isNull() ? Double.NaN : values.get(i).asDouble();
            }
            JsonNode stats = one.path("stats");
            Double p95 = null;
            for (JsonNode percentile : stats.path("percentiles")) {
                if (percentile.path("p").asDouble() == 95) {
                    p95 = number(percentile.path("value"));
                }
            }
            charts.add(new Chart(one.path("direction").asString(), one.path("unit").asString(),
                    one.path("step").asString(), Instant.parse(one.path("start").asString()),
                    one.path("derived").asBoolean(false), samples,
                    stats.isMissingNode() ? null
                            : new Stats(stats.path("count").asInt(), stats.path("missing").asInt(),
                                    stats.path("coverage").asDouble(), number(stats.path("max")), p95)));
        }
        return charts;
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    record Answer(JsonNode data, List<Problem> problems) {
    }

    record SourceRow(String id, boolean configured, String defaultStep, Integer retentionDays) {
    }

    /** A link's panel; {@code billing95} is null where the source has no bit rate at the panel's step. */
    record Panel(String key, String source, String step, Double billing95, List<Chart> charts) {
    }

    /**
     * One line of a chart: {@code values[i]} is the sample at {@code start + i * step}, NaN where none was taken;
     * {@code derived} when the service computed it from another metric (Tencent MNA's bit rate from its bytes).
     */
    record Chart(String direction, String unit, String step, Instant start, boolean derived, double[] values,
                 Stats stats) {
    }

    record Stats(int count, int missing, double coverage, Double max, Double p95) {
    }

    /** An entry of {@code errors}: {@code path} is {@code ["traffic", i]} for the panel it belongs to. */
    record Problem(String message, List<Object> path, String code, String field) {
    }

    /** The panels of a page in the order asked, null where the link failed, and the problems to show beside them. */
    record Panels(List<Panel> panels, List<Problem> problems) {

        Optional<Problem> problemFor(int panel) {
            return problems.stream().filter(problem -> problem.path().equals(List.of("traffic", panel))).findFirst();
        }
    }

    record Bill(Double billing95, List<Chart> charts, List<Problem> problems) {
    }
}
