package com.crashanalytics.api.analytics;

import java.time.Clock;

import com.crashanalytics.domain.analytics.performance.DirtyRollupRecount;
import com.crashanalytics.domain.analytics.performance.DirtyRollups;
import com.crashanalytics.domain.analytics.performance.RecountDirtyRollupsUseCase;
import com.crashanalytics.domain.analytics.performance.RecountDirtyRollupsUseCase.Recount;
import com.crashanalytics.domain.common.ScheduledWorkLock;
import com.crashanalytics.domain.common.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Recounts the rollups late rounds left dirty, every {@code gateway.rollups.recount-interval} on every replica (the
 * job's advisory lock lets one of them work), once their rounds have settled ({@code gateway.rollups.recount-grace}).
 * Bots of one strategy logging at the same moment leave its hours dirty as they go; without this, every later read of
 * the strategy's all-time drawdowns and runs folds those hours' rounds again (issue 14).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class DirtyRollupSchedule {

    /** Rollups one pass recounts at most: a backlog (a bulk import logged out of order) goes over a few passes. */
    static final int BATCH_SIZE = 200;

    private static final Logger log = LoggerFactory.getLogger(DirtyRollupSchedule.class);

    private final RecountDirtyRollupsUseCase recount;
    private final Clock clock;

    DirtyRollupSchedule(RollupSettings settings, DirtyRollups rollups, ScheduledWorkLock lock,
                        Transactions transactions, Clock clock) {
        this.recount = new DirtyRollupRecount(rollups, lock, transactions, settings.recountGrace(), BATCH_SIZE);
        this.clock = clock;
    }

    /** One pass now; what the schedule calls. */
    @Scheduled(fixedDelayString = "${gateway.rollups.recount-interval}",
            initialDelayString = "${gateway.rollups.recount-interval}")
    public Recount recountNow() {
        Recount pass = recount.recountSettled(clock.instant());
        if (pass.recounted() > 0) {
            log.debug("Recounted {} rollup(s) late rounds had left dirty", pass.recounted());
        }
        return pass;
    }
}
