package com.crashanalytics.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import com.crashanalytics.api.session.SessionSettings;
import com.crashanalytics.domain.bot.BotStatusRules;
import org.junit.jupiter.api.Test;

/** The sweeper's settings: it refuses to abandon sessions before they are even stale, and 0 turns it off. */
class SessionSweepScheduleTest {

    private static final BotStatusRules RULES =
            new BotStatusRules(Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofMinutes(15));

    @Test
    void abandoningBeforeStaleIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new SessionSweepSchedule(abandonAfter(Duration.ofMinutes(1)), RULES, null, null, null, null,
                Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway.sessions.abandon-after (PT1M) must not be shorter than")
                .hasMessageContaining("gateway.sessions.stale-after (PT2M)");
    }

    @Test
    void zeroTurnsTheSweeperOff() {
        // No port is touched: with nulls for every port, a sweep that did anything would fail.
        SessionSweepSchedule off = new SessionSweepSchedule(abandonAfter(Duration.ZERO), RULES, null, null, null, null,
                Clock.systemUTC());
        assertThat(off.sweepNow().swept()).isFalse();
        assertThat(off.sweepNow().abandoned()).isEmpty();
    }

    private static SessionSettings abandonAfter(Duration abandonAfter) {
        return new SessionSettings(RULES.staleAfter(), abandonAfter);
    }
}
