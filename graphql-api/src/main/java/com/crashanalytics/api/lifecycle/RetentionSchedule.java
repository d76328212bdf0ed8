package com.crashanalytics.api.lifecycle;

import com.crashanalytics.domain.lifecycle.CleanupOldRecordsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention on its schedule ({@code GATEWAY_RETENTION_SCHEDULE}, a cron expression in UTC; "-" turns it off). Every
 * replica wakes; the one that takes the database's lock runs it and the others skip.
 */
@Component
class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final CleanupOldRecordsUseCase retention;

    RetentionSchedule(CleanupOldRecordsUseCase retention) {
        this.retention = retention;
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
