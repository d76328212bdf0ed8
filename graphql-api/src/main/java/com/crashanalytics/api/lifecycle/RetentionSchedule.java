package com.crashanalytics.api.lifecycle;

import java.time.YearMonth;
import java.util.List;

import com.crashanalytics.domain.lifecycle.CleanupOldRecordsUseCase;
import com.crashanalytics.domain.lifecycle.PrepareRoundPartitionsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention on its schedule ({@code GATEWAY_RETENTION_SCHEDULE}, a cron expression in UTC; "-" turns it off). Every
 * replica wakes; the one that takes the database's lock runs it (months' partitions ahead first) and the others skip.
 * At start-up every replica prepares the months' partitions as well, so they never wait for the first scheduled run
 * (a fresh install or a gateway stopped for months has them at once; creating them is idempotent and serialised by
 * the database).
 */
@Component
class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final CleanupOldRecordsUseCase retention;
    private final PrepareRoundPartitionsUseCase partitions;

    RetentionSchedule(CleanupOldRecordsUseCase retention, PrepareRoundPartitionsUseCase partitions) {
        this.retention = retention;
        this.partitions = partitions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void preparePartitions() {
        try {
            List<YearMonth> created = partitions.preparePartitions();
            if (!created.isEmpty()) {
                log.info("Created the rounds' partitions of {}", created);
            }
        } catch (RuntimeException failed) {
            // Not fatal: rounds of a month without its partition land in the default one, and the schedule retries.
            log.warn("The rounds' partitions ahead could not be created; retention's next run retries", failed);
        }
    }

    @Scheduled(cron = "${gateway.retention.schedule}", zone = "UTC")
    void cleanUp() {
        try {
            retention.cleanupUnlessRunningElsewhere().ifPresentOrElse(
                    report -> log.info("Retention deleted {}", report.tables()),
                    () -> log.info("Retention skipped: another gateway is running it"));
        } catch (RuntimeException failed) {
            // The next run retries; a scheduler thread that died would not.
            log.warn("Retention failed; it runs again at its next time", failed);
        }
    }
}
