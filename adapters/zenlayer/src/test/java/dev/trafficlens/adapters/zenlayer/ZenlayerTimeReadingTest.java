package dev.trafficlens.adapters.zenlayer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Zenlayer's point times, read by hand on the common path, agree with {@code Instant.parse} everywhere (seeded). */
class ZenlayerTimeReadingTest {

    @Test
    void every_second_from_1970_to_2200_reads_as_instant_parse_reads_it() {
        Random random = new Random(20261125);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 7_258_118_400L));
            String text = instant.toString();

            assertThat(ZenlayerTrafficReader.instant(text)).as(text).hasValue(instant);
        }
    }

    @Test
    void other_iso_forms_and_garbage_agree_with_instant_parse() {
        Random random = new Random(7);
        List<String> texts = new java.util.ArrayList<>(List.of(
                "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z",
                "2026-01-01T00:60:00Z", "2026-01-01T00:00:60Z", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00z",
                "2026-01-01T00:00:00.500Z", "2026-01-01T00:00Z", "+2026-01-01T00:00:00Z", "2026-1-01T00:00:00Z",
                "2026-01-01T08:00:00+08:00", "２０２６-01-01T00:00:00Z", "", "T"));
        String alphabet = "0123456789-T:Z.+ ";
        for (int i = 0; i < 20_000; i++) {
            char[] text = "2026-01-01T00:00:00Z".toCharArray();
            text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            texts.add(new String(text));
        }

        for (String text : texts) {
            assertThat(ZenlayerTrafficReader.instant(text)).as(text).isEqualTo(parsed(text));
        }
    }

    private static Optional<Instant> parsed(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
