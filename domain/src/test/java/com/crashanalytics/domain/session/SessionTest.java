package com.crashanalytics.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class SessionTest {

    static final Instant START = Instant.parse("2026-11-21T14:00:00Z");

    @Test
    void anEndedSessionRefusesRoundsAndKnowsARetryOfItsEnd() {
        Session ended = SessionTotalsTest.session().end(new EndSessionCommand(START.plusSeconds(60), "bot_1", "s1",
                SessionStatus.COMPLETED, null, "done", null));

        // the final balance defaults to the tracked one; the end time to when the request came
        assertThat(ended.finalBalance()).isEqualByComparingTo("1000");
        assertThat(ended.endTime()).isEqualTo(START.plusSeconds(60));
        assertThatThrownBy(() -> ended.ensureAcceptsRounds("sessionId")).isInstanceOf(ConflictException.class);
        assertThat(ended.endedAs(new EndSessionCommand(START.plusSeconds(90), "bot_1", "s1", SessionStatus.COMPLETED,
                new BigDecimal("1000.00"), null, null))).isTrue();
        assertThat(ended.endedAs(new EndSessionCommand(START.plusSeconds(90), "bot_1", "s1", SessionStatus.ABORTED,
                null, null, null))).isFalse();
    }

    @Test
    void staleWhenNothingWasHeardForLongerThanTheLimit() {
        Session session = SessionTotalsTest.session();
        Duration limit = Duration.ofMinutes(2);

        assertThat(session.isStale(START.plus(limit), limit)).isFalse();
        assertThat(session.isStale(START.plus(limit).plusSeconds(1), limit)).isTrue();
        assertThat(session.heartbeat(START.plusSeconds(100)).isStale(START.plus(limit).plusSeconds(1), limit)).isFalse();
    }

    @Test
    void anEndNeedsAnEndedStatus() {
        assertThatThrownBy(() -> new EndSessionCommand(START, "bot_1", "s1", SessionStatus.ACTIVE, null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).rule()).isEqualTo("ENDED_STATUS"));
    }

    @Test
    void anAbandonedSessionEndsWhenLastHeardFromWithItsTrackedBalanceAndTheReason() {
        Session heard = SessionTotalsTest.session().heartbeat(START.plusSeconds(300));
        Instant sweep = START.plus(Duration.ofHours(2));

        Session abandoned = heard.abandon(sweep, Duration.ofMinutes(30));

        assertThat(abandoned.status()).isEqualTo(SessionStatus.ABANDONED);
        assertThat(abandoned.endTime()).isEqualTo(START.plusSeconds(300));
        assertThat(abandoned.lastSeenAt()).isEqualTo(START.plusSeconds(300)); // the sweep is not news from the bot
        assertThat(abandoned.finalBalance()).isEqualByComparingTo("1000");
        assertThat(abandoned.totals()).isEqualTo(heard.totals());
        assertThat(abandoned.endReason()).isEqualTo("nothing heard (no round, no heartbeat) since 2026-11-21T14:05:00Z,"
                + " longer than the limit of PT30M: abandoned by the gateway at 2026-11-21T16:00:00Z");
        assertThatThrownBy(() -> abandoned.ensureAcceptsRounds("sessionId")).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyTheGatewayAbandonsASession() {
        assertThatThrownBy(() -> new EndSessionCommand(START, "bot_1", "s1", SessionStatus.ABANDONED, null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).rule()).isEqualTo("ENDED_STATUS"));
    }
}
