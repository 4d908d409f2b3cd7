package dev.trafficlens.adapters.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.qingcloud.QingCloudSeriesDecoder.PairSample;
import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.domain.model.Step;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** QingCloud's compression rules (docs/vendors.md, compressed series), decoded completely and strictly. */
class QingCloudSeriesDecoderTest {

    private static final double NA = Double.NaN;

    private static JsonNode json(String text) {
        return JsonBodies.parse(text.getBytes(StandardCharsets.UTF_8)).get();
    }

    private static List<PairSample> decode(String data, Step step) {
        Either<String, List<PairSample>> decoded = QingCloudSeriesDecoder.decode(json(data), step);
        assertThat(decoded.isRight()).as("%s decodes, got %s", data, decoded).isTrue();
        return decoded.get();
    }

    private static PairSample at(long epochSecond, double in, double out) {
        return new PairSample(Instant.ofEpochSecond(epochSecond), in, out);
    }

    @Test
    void decodes_the_documentations_example_with_na_and_an_offset_gap() {
        // compress.md, step 300: [[1392072000,v],"NA",v,[500,v],v], here with [in, out] pairs as GetWanMonitor sends.
        List<PairSample> samples = decode(
                "[[1392072000,[10,11]],\"NA\",[20,21],[500,[30,31]],[40,41]]", Step.FIVE_MINUTES);

        assertThat(samples).containsExactly(
                at(1392072000, 10, 11),
                at(1392072300, NA, NA),
                at(1392072600, 20, 21),
                at(1392073100, 30, 31),
                at(1392073400, 40, 41));
        assertThat(samples.get(1).isMissing()).isTrue();
    }

    @Test
    void decodes_the_sdk_unit_test_at_fifteen_minutes_where_offsets_ignore_the_step() {
        long t = 1391947500;
        List<PairSample> samples = decode(
                "[[" + t + ",[3,30]],[4,40],\"NA\",[5,50],[1000,[3,33]],[10,100],[100,[3,31]]]", Step.FIFTEEN_MINUTES);

        assertThat(samples).containsExactly(
                at(t, 3, 30),
                at(t + 900, 4, 40),
                at(t + 1800, NA, NA),
                at(t + 2700, 5, 50),
                at(t + 3700, 3, 33),
                at(t + 4600, 10, 100),
                at(t + 4700, 3, 31));
    }

    @Test
    void a_pair_with_a_scalar_second_entry_is_a_value_and_one_with_an_array_is_the_gap_form() {
        List<PairSample> samples = decode("[[1000000200,[1,2]],[600,4],[600,[5,6]],[300,[7,8]]]", Step.FIVE_MINUTES);

        assertThat(samples).containsExactly(
                at(1000000200, 1, 2),
                at(1000000500, 600, 4),
                at(1000001100, 5, 6),
                at(1000001400, 7, 8));
    }

    @Test
    void na_null_and_pairs_holding_either_are_missing_slots_that_still_take_a_step() {
        List<PairSample> samples = decode(
                "[[1000000200,[1,2]],null,[\"NA\",5],[5,null],[600,\"NA\"],[900,[\"NA\",\"NA\"]],[9,10]]",
                Step.FIVE_MINUTES);

        assertThat(samples).extracting(sample -> sample.time().getEpochSecond()).containsExactly(
                1000000200L, 1000000500L, 1000000800L, 1000001100L, 1000001400L, 1000002300L, 1000002600L);
        assertThat(samples).extracting(PairSample::isMissing)
                .containsExactly(false, true, true, true, true, true, false);
    }

    @Test
    void the_first_sample_is_wherever_t0_says_not_at_the_window_start() {
        assertThat(decode("[[1589001300,[300,291]],[125,147]]", Step.FIVE_MINUTES))
                .containsExactly(at(1589001300, 300, 291), at(1589001600, 125, 147));
    }

    @Test
    void numbers_may_come_as_strings_and_as_decimals() {
        assertThat(decode("[[\"1589001300\",[\"300\",\"291.5\"]],[\"125\",147.25],[\"300\",[1e3,\"2\"]]]",
                Step.FIVE_MINUTES))
                .containsExactly(at(1589001300, 300, 291.5), at(1589001600, 125, 147.25), at(1589001900, 1000, 2));
    }

    @Test
    void a_first_element_without_a_value_is_a_missing_sample_at_t0() {
        assertThat(decode("[[1589001300,\"NA\"],[1,2]]", Step.FIVE_MINUTES))
                .containsExactly(at(1589001300, NA, NA), at(1589001600, 1, 2));
    }

    @Test
    void absent_null_and_empty_data_hold_no_samples() {
        assertThat(QingCloudSeriesDecoder.decode(null, Step.ONE_HOUR).get()).isEmpty();
        assertThat(decode("null", Step.ONE_HOUR)).isEmpty();
        assertThat(decode("[]", Step.ONE_HOUR)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"data\":[]}",                          // not an array
        "[[125,147],[161,151]]",                  // no t0: element 0 is a bare pair
        "[\"NA\",[1,2]]",                         // no t0 at all
        "[[1589001300,5]]",                       // a scalar meter's first element
        "[[-1,[1,2]]]",                           // time before the epoch
        "[[1589001300.5,[1,2]]]",                 // time not in whole seconds
        "[[1589001300,[1,2]],5]",                 // a scalar where a pair belongs
        "[[1589001300,[1,2]],[1,2,3]]",           // three entries
        "[[1589001300,[1,2]],[0,[1,2]]]",         // an offset that moves nowhere
        "[[1589001300,[1,2]],[-300,[1,2]]]",      // an offset back in time
        "[[1589001300,[1,2]],[1.5,[1,2]]]",       // an offset in fractions of a second
        "[[1589001300,[1,2]],[\"x\",[1,2]]]",     // an offset that is not a number
        "[[1589001300,[1,2]],[\"fast\",2]]",      // a value that is not a number
        "[[1589001300,[1,2]],[\"NA\",\"slow\"]]", // a value that is neither a number nor NA
        "[[1589001300,[1,2]],{\"in\":1}]",        // an object
        "[[1589001300,[1,2]],true]",              // a boolean
        "[[1589001300,[1,2]],\"N/A\"]",           // not the vendor's marker
        "[[1589001300,[[1],2]]]",                 // a nested array as a value
    })
    void refuses_what_the_rules_do_not_allow_rather_than_guessing(String data) {
        Either<String, List<PairSample>> decoded = QingCloudSeriesDecoder.decode(json(data), Step.FIVE_MINUTES);

        assertThat(decoded.isLeft()).as("%s is refused, got %s", data, decoded).isTrue();
        assertThat(decoded.getLeft()).as("says what is wrong").matches("(element \\d+ |expected ).+");
    }

    /**
     * Property: any sequence of bare pairs, NA slots (in all their spellings) and offset gaps, written in the
     * compressed format and read back through real JSON text, decodes to exactly the samples it was written from.
     */
    @Test
    void any_encoded_pair_series_decodes_back_to_exactly_its_samples() {
        Step[] steps = {Step.ONE_MINUTE, Step.FIVE_MINUTES, Step.FIFTEEN_MINUTES, Step.THIRTY_MINUTES,
                Step.ONE_HOUR, Step.TWO_HOURS, Step.ONE_DAY};
        for (long seed = 1; seed <= 1_000; seed++) {
            Random random = new Random(seed);
            Step step = steps[random.nextInt(steps.length)];
            Written written = writeRandomSeries(random, step.seconds());

            Either<String, List<PairSample>> decoded = QingCloudSeriesDecoder.decode(
                    json(JsonBodies.MAPPER.writeValueAsString(written.data())), step);

            assertThat(decoded.isRight()).as("seed %d: %s", seed, decoded).isTrue();
            assertThat(decoded.get()).as("seed %d, step %s, data %s", seed, step, written.data())
                    .containsExactlyElementsOf(written.samples());
        }
    }

    private record Written(ArrayNode data, List<PairSample> samples) {
    }

    private static Written writeRandomSeries(Random random, long step) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ArrayNode data = nodes.arrayNode();
        List<PairSample> samples = new ArrayList<>();
        int length = random.nextInt(60);
        long time = 1_500_000_000L + random.nextInt(10_000_000);
        for (int i = 0; i < length; i++) {
            double in = randomValue(random);
            double out = randomValue(random);
            if (i == 0) {
                data.addArray().add(time).add(writePair(nodes, random, in, out));
                samples.add(new PairSample(Instant.ofEpochSecond(time), in, out));
                continue;
            }
            int form = random.nextInt(10);
            if (form < 2) {
                time += step;
                data.add(writeMissing(nodes, random));
                samples.add(PairSample.missing(Instant.ofEpochSecond(time)));
            } else if (form < 4) {
                long offset = 1 + random.nextInt((int) Math.min(5 * step, Integer.MAX_VALUE - 1));
                time += offset;
                data.addArray().add(offset).add(writePair(nodes, random, in, out));
                samples.add(new PairSample(Instant.ofEpochSecond(time), in, out));
            } else {
                time += step;
                data.add(writePair(nodes, random, in, out));
                samples.add(new PairSample(Instant.ofEpochSecond(time), in, out));
            }
        }
        return new Written(data, samples);
    }

    private static double randomValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000);
            case 2 -> Math.floor(random.nextDouble() * 1e12);
            default -> random.nextDouble() * 1e6;
        };
    }

    private static JsonNode writePair(JsonNodeFactory nodes, Random random, double in, double out) {
        ArrayNode pair = nodes.arrayNode();
        for (double value : new double[] {in, out}) {
            if (random.nextInt(8) == 0) {
                pair.add(Double.toString(value)); // some answers quote their numbers
            } else if (value == Math.rint(value)) {
                pair.add((long) value);
            } else {
                pair.add(value);
            }
        }
        return pair;
    }

    private static JsonNode writeMissing(JsonNodeFactory nodes, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.arrayNode().add("NA").add(random.nextInt(100));
            case 2 -> nodes.arrayNode().add(random.nextInt(100)).addNull();
            default -> nodes.stringNode("NA");
        };
    }
}
