package dev.trafficlens.graphql.scalars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TrafficSeries;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@link SampleValues} and its scalar: the JSON of a {@code List<Double>} with nulls, without building one. */
class SampleValuesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final SampleValuesScalar SCALAR = new SampleValuesScalar();

    @Test
    void writes_what_jackson_writes_for_the_same_doubles_in_a_list_with_nulls() {
        SplittableRandom random = new SplittableRandom(20261206);
        for (int round = 0; round < 300; round++) {
            double[] samples = new double[1 + random.nextInt(600)];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = sample(random);
            }
            SampleValues values = new SampleValues(series(samples));
            List<Double> boxed = new ArrayList<>();
            for (double sample : samples) {
                boxed.add(Double.isNaN(sample) ? null : sample);
            }

            assertThat(JSON.writeValueAsString(values)).isEqualTo(JSON.writeValueAsString(boxed));
            // As it sits in a GraphQL response: a value of a map of objects, found by its runtime class.
            assertThat(JSON.writeValueAsString(Map.of("values", values)))
                    .isEqualTo(JSON.writeValueAsString(Map.of("values", boxed)));
            assertThat(values).isEqualTo(boxed);
        }
    }

    @Test
    void writes_the_forms_that_differ_between_number_writers_as_java_does() {
        SampleValues values = new SampleValues(series(1e8, Double.NaN, 123456.0, -0.0, 1.5e-7, 42.0, 9.99e22));

        assertThat(JSON.writeValueAsString(values)).isEqualTo("[1.0E8,null,123456.0,-0.0,1.5E-7,42.0,9.99E22]");
        assertThat(values.get(1)).isNull();
        assertThat(values.get(0)).isEqualTo(1e8);
    }

    @Test
    void serialize_hands_the_values_to_jackson_as_they_are() {
        SampleValues values = new SampleValues(series(1.0, Double.NaN));

        assertThat(SCALAR.serialize(values, GraphQLContext.getDefault(), Locale.ROOT)).isSameAs(values);
    }

    @Test
    void serialize_refuses_an_infinity_naming_its_slot() {
        SampleValues values = new SampleValues(series(1.0, Double.NaN, Double.POSITIVE_INFINITY));

        assertThatThrownBy(() -> SCALAR.serialize(values, GraphQLContext.getDefault(), Locale.ROOT))
                .isInstanceOf(CoercingSerializeException.class)
                .hasMessage("SampleValues: values[2] is Infinity, expected a finite number or null");
    }

    @Test
    void serialize_refuses_anything_but_sample_values() {
        assertThatThrownBy(() -> SCALAR.serialize(new ArrayList<>(List.of(1.0)), GraphQLContext.getDefault(), Locale.ROOT))
                .isInstanceOf(CoercingSerializeException.class)
                .hasMessageContaining("expected a series' values, got ArrayList");
    }

    @Test
    void is_never_read_from_a_query() {
        assertThatThrownBy(() -> SCALAR.parseValue(List.of(1.0), GraphQLContext.getDefault(), Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class)
                .hasMessageContaining("SampleValues is an output type");
        assertThatThrownBy(() -> SCALAR.parseLiteral(ArrayValue.newArrayValue().build(), CoercedVariables.emptyVariables(),
                GraphQLContext.getDefault(), Locale.ROOT))
                .isInstanceOf(CoercingParseLiteralException.class)
                .hasMessageContaining("SampleValues is an output type");
    }

    /** Traffic-like magnitudes, whole and fractional, tiny and huge, both zeros, and one sample in ten missing. */
    private static double sample(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> Double.NaN;
            case 1 -> random.nextBoolean() ? 0.0 : -0.0;
            case 2 -> Math.floor(random.nextDouble(1e3, 1e10));
            case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 25));
            case 4 -> -random.nextDouble() * Math.pow(10, random.nextInt(-5, 12));
            case 5 -> random.nextBoolean() ? Double.MIN_VALUE : Double.MAX_VALUE;
            default -> random.nextDouble(1e6, 5e9);
        };
    }

    private static TrafficSeries series(double... samples) {
        return TrafficSeries.of(Metric.BITRATE_IN, START, Step.FIVE_MINUTES, samples);
    }
}
