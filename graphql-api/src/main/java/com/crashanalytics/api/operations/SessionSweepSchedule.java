package com.crashanalytics.api.operations;

import java.time.Clock;
import java.time.Duration;

import com.crashanalytics.api.session.SessionSettings;
import com.crashanalytics.domain.bot.BotStatusRules;
import com.crashanalytics.domain.common.ScheduledWorkLock;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.live.EventJournal;
import com.crashanalytics.domain.session.AbandonSilentSessionsUseCase;
import com.crashanalytics.domain.session.AbandonSilentSessionsUseCase.Sweep;
import com.crashanalytics.domain.session.SessionAnnouncements;
import com.crashanalytics.domain.session.SessionLog;
import com.crashanalytics.domain.session.SilentSessionSweeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the silent-session sweeper every {@code gateway.sessions.sweep-interval} on every replica; the sweep's advisory
 * lock lets one of them work and the others skip. {@code gateway.sessions.abandon-after = 0} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SessionSweepSchedule {

    /** Sessions one sweep ends at most: a backlog (after an outage of the whole fleet) is taken over a few sweeps. */
    static final int BATCH_SIZE = 500;

    private static final Logger log = LoggerFactory.getLogger(SessionSweepSchedule.class);

    private final Duration abandonAfter;
    private final AbandonSilentSessionsUseCase sweeper;
    private final Clock clock;

    SessionSweepSchedule(SessionSettings settings, BotStatusRules statusRules, SessionLog sessions, EventJournal journal,
                         ScheduledWorkLock lock, Transactions transactions, Clock clock) {
        Duration abandonAfter = settings.abandonAfter();
        if (!abandonAfter.isZero() && abandonAfter.compareTo(statusRules.staleAfter()) < 0) {
            throw new IllegalStateException("gateway.sessions.abandon-after (" + abandonAfter
                    + ") must not be shorter than gateway.sessions.stale-after (" + statusRules.staleAfter()
                    + "): a session is stale before it is abandoned; 0 turns the sweeper off");
        }
        this.abandonAfter = abandonAfter;
        this.sweeper = abandonAfter.isZero() ? now -> Sweep.skipped()
                : new SilentSessionSweeper(sessions, new SessionAnnouncements(journal), lock, transactions,
                        abandonAfter, BATCH_SIZE);
        this.clock = clock;
    }

    @Bean
    AbandonSilentSessionsUseCase abandonSilentSessions() {
        return sweeper;
    }

    /** One sweep now; what the schedule calls. */
    @Scheduled(fixedDelayString = "${gateway.sessions.sweep-interval}",
            initialDelayString = "${gateway.sessions.sweep-interval}")
    public Sweep sweepNow() {
        Sweep sweep = sweeper.sweep(clock.instant());
        if (!sweep.abandoned().isEmpty()) {
            log.info("Abandoned {} session(s) silent for longer than {}: {}", sweep.abandoned().size(), abandonAfter,
                    sweep.abandoned());
        }
        return sweep;
    }
}
