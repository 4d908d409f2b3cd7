package dev.trafficlens.graphql.config;

import dev.trafficlens.domain.service.SamplePurge;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The archive's two tasks: a collection every {@code trafficlens.collector.interval} (when
 * {@code trafficlens.collector.enabled}), the first one interval after start-up, and the purge of samples older than
 * {@code trafficlens.archive.keep} once a day. Neither ever throws out of the scheduler.
 */
final class ArchiveSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ArchiveSchedule.class);
    private static final Duration DAY = Duration.ofDays(1);

    private final CollectorRuns runs;
    private final SamplePurge purge;
    private final TrafficlensProperties.Collector collector;

    ArchiveSchedule(CollectorRuns runs, SamplePurge purge, TrafficlensProperties.Collector collector) {
        this.runs = runs;
        this.purge = purge;
        this.collector = collector;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (collector.enabled()) {
            registrar.addFixedDelayTask(
                    new FixedDelayTask(runs::collectOnSchedule, collector.interval(), collector.interval()));
        }
        registrar.addFixedDelayTask(new FixedDelayTask(this::purgeOnSchedule, DAY, Duration.ofMinutes(1)));
    }

    private void purgeOnSchedule() {
        try {
            long removed = purge.purge();
            log.info("Archive purge: {} samples older than the kept window removed", removed);
        } catch (RuntimeException failed) {
            log.warn("Archive purge failed ({}); tried again tomorrow",
                    failed instanceof dev.trafficlens.domain.port.out.ArchiveUnavailableException
                            ? failed.getMessage() : failed.getClass().getSimpleName());
        }
    }
}
