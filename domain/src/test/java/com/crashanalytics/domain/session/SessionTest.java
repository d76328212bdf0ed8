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
}
