package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.graphql.scalars.SampleValues;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Series.values} over HTTP: the {@code SampleValues} scalar writes the same bytes as the {@code [Float]} list it
 * replaced. The reference is {@code points}, still a list of {@code Float}s that graphql-java completes one by one:
 * each present value's number text must appear, character for character, at its slot of {@code values}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeriesValuesOverHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SERIES = Pattern.compile(
            "\"step\":\"([^\"]+)\",\"start\":\"([^\"]+)\",\"values\":(\\[[^\\]]*\\]),\"points\":(\\[[^\\]]*\\])");

    private final ServiceClient service;

    SeriesValuesOverHttpTest(@LocalServerPort int port) {
        this.service = new ServiceClient(port);
    }

    @Test
    void values_are_written_byte_for_byte_as_the_float_list_writes_the_same_numbers() throws Exception {
        HttpResponse<String> response = service.post(TrafficQueries.fiveSources("bytes", "MC",
                "series { step start values points { time value } }"), TrafficQueries.window());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("\"errors\"");
        Matcher series = SERIES.matcher(response.body());
        int compared = 0;
        boolean sawNull = false;
        boolean sawExponent = false;
        while (series.find()) {
            Step step = Step.parse(series.group(1)).get();
            Instant start = Instant.parse(series.group(2));
            String values = series.group(3);
            String expected = valuesFromPoints(series.group(4), start, step, values);

            assertThat(values).as("values of the series at %s, step %s", start, step).isEqualTo(expected);
            sawNull |= values.contains("null");
            sawExponent |= values.contains("E");
            compared++;
        }
        List<Object> allSeries = JsonPath.read(response.body(), "$.data.traffic[*].series[*]");
        assertThat(compared).isEqualTo(allSeries.size()).isGreaterThanOrEqualTo(10);
        // Both forms that differ between writers occur: missing samples, and bit rates in Java's exponent form.
        assertThat(sawNull).isTrue();
        assertThat(sawExponent).isTrue();
    }

    @Test
    void introspection_shows_values_as_the_non_null_sample_values_scalar() throws Exception {
        // One __type per request: graphql-java refuses more as bad-faith introspection.
        HttpResponse<String> response = service.post("""
                { __type(name: "Series") { fields { name type { kind ofType { kind name description } } } } }""",
                Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body).doesNotContain("\"errors\"");
        String values = "$.data.__type.fields[?(@.name == 'values')].type";
        assertThat(JsonPath.<List<String>>read(body, values + ".kind")).containsExactly("NON_NULL");
        assertThat(JsonPath.<List<String>>read(body, values + ".ofType.kind")).containsExactly("SCALAR");
        assertThat(JsonPath.<List<String>>read(body, values + ".ofType.name")).containsExactly("SampleValues");
        assertThat(JsonPath.<List<String>>read(body, values + ".ofType.description")).singleElement().asString()
                .contains("null = no sample");
    }

    /**
     * The text a list of {@code values.length} slots from {@code start} should be: each point's number as the service
     * wrote it at the point's slot, {@code null} in every other.
     */
    private static String valuesFromPoints(String points, Instant start, Step step, String values) throws Exception {
        int slots = JSON.readValue(values, List.class).size();
        Map<Integer, String> numberAt = new HashMap<>();
        try (JsonParser parser = JSON.createParser(points)) {
            String time = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME && parser.currentName().equals("time")) {
                    time = parser.nextStringValue();
                } else if (token.isNumeric()) {
                    long seconds = Duration.between(start, Instant.parse(time)).getSeconds();
                    numberAt.put((int) (seconds / step.seconds()), parser.getString());
                }
            }
        }
        assertThat(numberAt.keySet()).as("slots of the points").allMatch(slot -> slot >= 0 && slot < slots);
        List<String> expected = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            expected.add(numberAt.getOrDefault(i, "null"));
        }
        return "[" + String.join(",", expected) + "]";
    }
}
