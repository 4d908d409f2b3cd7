package dev.trafficlens.adapters.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.ArchiveUnavailableException;
import dev.trafficlens.domain.port.out.SampleArchive;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database that does not answer: every port says so in a short message that gives no credentials away. */
class ArchiveUnavailableTest {

    private static final String PASSWORD = "hunter2-secret";
    private final DriverManagerDataSource nowhere = new DriverManagerDataSource(
            "jdbc:postgresql://127.0.0.1:1/archive?password=" + PASSWORD, "collector", PASSWORD);

    @Test
    void archive_links_and_lease_fail_with_archive_unavailable_and_no_secret() {
        ZenlayerPrivateConnect link = new ZenlayerPrivateConnect("pc-1");
        Instant day = Instant.parse("2026-11-02T00:00:00Z");
        JdbcSampleArchive archive = new JdbcSampleArchive(nowhere);
        JdbcLinkStore links = new JdbcLinkStore(nowhere);

        List<Consumer<Void>> calls = List.of(
                ignored -> archive.read(link, Set.of(Metric.BITRATE_IN), TimeWindow.of(day, day.plus(Duration.ofHours(1)))),
                ignored -> archive.write(link, List.of(TrafficSeries.of(Metric.BITRATE_IN, day, SampleArchive.step(), 1))),
                ignored -> archive.purge(link),
                ignored -> archive.purgeBefore(day),
                ignored -> links.all(),
                ignored -> links.add("x", link, Set.of(), day),
                ignored -> links.markCollected("lnk_x", day),
                ignored -> new ShedLockCollectorLease(nowhere, "replica").tryAcquire(Duration.ofMinutes(1)));
        for (Consumer<Void> call : calls) {
            ArchiveUnavailableException failure = catchThrowableOfType(ArchiveUnavailableException.class,
                    () -> call.accept(null));

            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).doesNotContain(PASSWORD).doesNotContain("jdbc:").hasSizeLessThan(200);
        }
    }
}
