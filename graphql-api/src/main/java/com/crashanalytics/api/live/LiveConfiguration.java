package com.crashanalytics.api.live;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.crashanalytics.domain.live.EventJournal;
import com.crashanalytics.domain.live.JournalWakeups;
import com.crashanalytics.domain.session.StaleSessionWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live side of a replica: its feed (reader and fan-out), and the periodic work that keeps the journal: the
 * stale-session watch (which only the replica holding its lock does) and forgetting events past the retention
 * (harmless on every replica: the same delete).
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LiveConfiguration.class);

    @Bean
    LiveFeed liveFeed(EventJournal journal, JournalWakeups wakeups, LiveFeedSettings settings) {
        return new LiveFeed(journal, wakeups, settings);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService liveUpkeep(StaleSessionWatch staleSessions, EventJournal journal,
                                        LiveFeedSettings settings, Clock clock) {
        ScheduledExecutorService upkeep = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "live-upkeep");
            thread.setDaemon(true);
            return thread;
        });
        long sweepMillis = settings.staleSweepInterval().toMillis();
        upkeep.scheduleWithFixedDelay(() -> guarded("announcing stale sessions",
                () -> staleSessions.sweep(clock.instant())), sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        long forgetMillis = Math.max(1_000, settings.retention().toMillis() / 12);
        upkeep.scheduleWithFixedDelay(() -> guarded("forgetting old events",
                () -> journal.forgetBefore(clock.instant().minus(settings.retention()))),
                forgetMillis, forgetMillis, TimeUnit.MILLISECONDS);
        return upkeep;
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException failed) {
            log.warn("Live events: {} failed ({}); trying again at the next turn", what, failed.getMessage());
        }
    }
}
