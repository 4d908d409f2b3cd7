package dev.trafficlens.adapters.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.SampleArchive;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

class PostgresSampleArchiveTest extends SampleArchiveContract {

    @RegisterExtension
    static final PostgresArchiveDatabase DATABASE = new PostgresArchiveDatabase();

    @Override
    ArchiveDatabase database() {
        return DATABASE;
    }

    /**
     * The storage goal: at most 16 bytes a sample, every archive table and index counted, with the occasional
     * vendor gap (about one slot in 300) remembered as NO_SAMPLE.
     */
    @Test
    void realistic_bit_rates_cost_at_most_16_bytes_a_sample_on_disk() {
        Random random = new Random(42);
        long samples = 0;
        long present = 0;
        for (int link = 0; link < 100; link++) {
            double level = 1e6 * Math.pow(2000, random.nextDouble());
            for (int day = 0; day < 14; day++) {
                List<TrafficSeries> series = List.of(
                        TrafficSeries.of(Metric.BITRATE_IN, DAY.plus(Duration.ofDays(day)), STEP,
                                withGaps(random, SampleDays.diurnalBitRates(random, level))),
                        TrafficSeries.of(Metric.BITRATE_OUT, DAY.plus(Duration.ofDays(day)), STEP,
                                withGaps(random, SampleDays.diurnalBitRates(random, level * 0.35))));
                present += series.stream().mapToLong(TrafficSeries::presentCount).sum();
                samples += archive.write(new ZenlayerPrivateConnect("pc-" + link), series).stored();
            }
        }

        assertThat(samples).isEqualTo(present).isGreaterThan(100L * 14 * 2 * 280);
        assertThat(bytesOnDisk() / (double) samples).isLessThanOrEqualTo(16);
    }

    private static double[] withGaps(Random random, double[] day) {
        for (int slot = 0; slot < day.length; slot++) {
            if (random.nextInt(300) == 0) {
                day[slot] = SampleArchive.NO_SAMPLE;
            }
        }
        return day;
    }

    static long bytesOnDisk() {
        return JdbcClient.create(DATABASE.dataSource()).sql("""
                        SELECT SUM(pg_total_relation_size(format('%I.%I', schemaname, tablename)))
                        FROM pg_tables WHERE schemaname = :schema AND tablename LIKE 'archive%'""")
                .param("schema", DATABASE.schema()).query(Long.class).single();
    }
}
