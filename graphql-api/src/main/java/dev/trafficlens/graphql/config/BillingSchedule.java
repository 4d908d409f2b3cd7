package dev.trafficlens.graphql.config;

import dev.trafficlens.domain.billing.ClosedPeriod;
import dev.trafficlens.domain.port.out.ArchiveUnavailableException;
import dev.trafficlens.domain.service.BillingService;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Closes the bills' periods whose grace ({@code trafficlens.billing.grace}) has passed, once an hour: a period is
 * closed within an hour of its end plus the grace. Every replica runs it; closing twice records the same figures
 * once (a recomputation that does not differ adds no revision). Never throws out of the scheduler.
 */
final class BillingSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(BillingSchedule.class);
    static final Duration EVERY = Duration.ofHours(1);

    private final BillingService billing;

    BillingSchedule(BillingService billing) {
        this.billing = billing;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::closeDue, EVERY, Duration.ofMinutes(2)));
    }

    void closeDue() {
        try {
            List<ClosedPeriod> closed = billing.closeDue();
            if (!closed.isEmpty()) {
                log.info("Billing: {} periods closed", closed.size());
            }
        } catch (RuntimeException failed) {
            log.warn("Closing billing periods failed ({}); tried again in an hour",
                    failed instanceof ArchiveUnavailableException ? failed.getMessage()
                            : failed.getClass().getSimpleName());
        }
    }
}
