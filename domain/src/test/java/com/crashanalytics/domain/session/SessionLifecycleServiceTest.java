package com.crashanalytics.domain.session;

import static com.crashanalytics.domain.testing.InMemoryGateway.NOW;
import static com.crashanalytics.domain.testing.InMemoryGateway.RECEIVED;
import static com.crashanalytics.domain.testing.InMemoryGateway.startSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;

import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.NotFoundException;
import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.live.LiveEventKind;
import com.crashanalytics.domain.session.HeartbeatUseCase.Heartbeat;
import com.crashanalytics.domain.testing.InMemoryGateway;
import org.junit.jupiter.api.Test;

/**
 * The rules of a session's life, played through {@link SessionLifecycleService} on in-memory ports: a registered
 * bot starts a session on a configured platform, keeps it alive and ends it, and every retry is answered, never
 * applied twice.
 */
class SessionLifecycleServiceTest {

    private final InMemoryGateway gateway = new InMemoryGateway().withBot("bot_a");
    private final SessionLifecycleService lifecycle = gateway.sessionLifecycle;

    @Test
    void aRegisteredBotStartsASessionOnAConfiguredPlatform() {
        SessionResult started = lifecycle.start(startSession("bot_a", "s1", "100"));

        assertThat(started.duplicate()).isFalse();
        Session session = gateway.sessions.find("s1").orElseThrow();
        assertThat(session).isEqualTo(started.session());
        assertThat(session.status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(session.strategyName()).as("the bot's strategy, as the start named none").isEqualTo("flat_2x");
        assertThat(session.totals().currentBalance()).isEqualByComparingTo("100");
        assertThat(gateway.bots.find("bot_a").orElseThrow().currentSessionId()).isEqualTo("s1");
        assertThat(gateway.journal.kinds()).containsExactly(LiveEventKind.SESSION_CHANGED.name());
    }

    @Test
    void aRetriedStartIsADuplicateAndWritesNothing() {
        Session first = lifecycle.start(startSession("bot_a", "s1", "100")).session();

        SessionResult retry = lifecycle.start(startSession("bot_a", "s1", "100.00"));

        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.session()).isEqualTo(first);
        assertThat(gateway.sessions.all()).hasSize(1);
        assertThat(gateway.journal.kinds()).as("announced once").hasSize(1);
    }

    @Test
    void aStartWithOtherDataUnderTheSameIdIsAConflictSayingWhatDiffers() {
        lifecycle.start(startSession("bot_a", "s1", "100"));

        assertThatThrownBy(() -> lifecycle.start(startSession("bot_a", "s1", "250")))
                .isInstanceOfSatisfying(ConflictException.class, conflict -> {
                    assertThat(conflict.field()).isEqualTo("sessionId");
                    assertThat(conflict.getMessage()).contains("initial balance 100");
                });
        assertThat(gateway.sessions.find("s1").orElseThrow().initialBalance()).isEqualByComparingTo("100");
    }

    @Test
    void anotherBotsSessionIdIsTakenAndNothingMoreIsSaidAboutIt() {
        lifecycle.start(startSession("bot_a", "s1", "100"));
        gateway.withBot("bot_b");

        assertThatThrownBy(() -> lifecycle.start(startSession("bot_b", "s1", "100")))
                .isInstanceOfSatisfying(ConflictException.class, conflict -> {
                    assertThat(conflict.field()).isEqualTo("sessionId");
                    assertThat(conflict.getMessage()).contains("already in use").doesNotContain("bot_a", "100");
                });
    }

    @Test
    void aSessionNeedsARegisteredBotAndAConfiguredPlatform() {
        assertThatThrownBy(() -> lifecycle.start(startSession("bot_nobody", "s1", "100")))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.field()).isEqualTo("botId"));
        assertThatThrownBy(() -> lifecycle.start(new StartSessionCommand(NOW, "s1", "bot_a", "jetx", "smartsoft",
                null, null, new BigDecimal("100"), null)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.field()).isEqualTo("platformCode"));
        assertThat(gateway.sessions.all()).isEmpty();
        assertThat(gateway.journal.kinds()).isEmpty();
    }

    @Test
    void anEndedSessionEndsOnceAndARetryOfTheEndIsADuplicate() {
        lifecycle.start(startSession("bot_a", "s1", "100"));
        EndSessionCommand end = new EndSessionCommand(RECEIVED, "bot_a", "s1", SessionStatus.COMPLETED,
                new BigDecimal("120"), "done", null);

        SessionResult ended = lifecycle.end(end);
        SessionResult again = lifecycle.end(end);

        assertThat(ended.duplicate()).isFalse();
        assertThat(ended.session().status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(ended.session().finalBalance()).isEqualByComparingTo("120");
        assertThat(ended.session().endTime()).isEqualTo(RECEIVED);
        assertThat(again.duplicate()).isTrue();
        assertThat(gateway.sessions.find("s1")).contains(ended.session());
        assertThat(gateway.journal.kinds()).as("started, ended: the retry announces nothing").hasSize(2);
    }

    @Test
    void anEndedSessionCannotEndAgainDifferently() {
        lifecycle.start(startSession("bot_a", "s1", "100"));
        lifecycle.end(new EndSessionCommand(RECEIVED, "bot_a", "s1", SessionStatus.COMPLETED, null, null, null));

        assertThatThrownBy(() -> lifecycle.end(new EndSessionCommand(RECEIVED, "bot_a", "s1", SessionStatus.ABORTED,
                null, null, null)))
                .isInstanceOfSatisfying(ConflictException.class,
                        conflict -> assertThat(conflict.field()).isEqualTo("status"));
        assertThat(gateway.sessions.find("s1").orElseThrow().status()).isEqualTo(SessionStatus.COMPLETED);
    }

    @Test
    void withoutAFinalBalanceASessionEndsWithTheBalanceTheGatewayTracked() {
        lifecycle.start(startSession("bot_a", "s1", "100"));

        Session ended = lifecycle.end(new EndSessionCommand(RECEIVED, "bot_a", "s1", SessionStatus.COMPLETED, null,
                null, null)).session();

        assertThat(ended.finalBalance()).isEqualByComparingTo("100");
    }

    @Test
    void aSessionCannotEndBeforeItStarted() {
        lifecycle.start(startSession("bot_a", "s1", "100"));

        assertThatThrownBy(() -> lifecycle.end(new EndSessionCommand(RECEIVED, "bot_a", "s1",
                SessionStatus.COMPLETED, null, null, NOW.minusSeconds(1))))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid ->
                        assertThat(invalid.violations()).extracting(Violation::field, Violation::rule)
                                .containsExactly(tuple("endTime", "NOT_BEFORE_START")));
        assertThat(gateway.sessions.find("s1").orElseThrow().isActive()).isTrue();
    }

    @Test
    void aHeartbeatKeepsTheBotAndItsSessionAlive() {
        lifecycle.start(startSession("bot_a", "s1", "100"));

        Heartbeat heartbeat = lifecycle.heartbeat(new HeartbeatCommand(RECEIVED, "bot_a", "s1"));

        assertThat(heartbeat.bot().lastHeartbeatAt()).isEqualTo(RECEIVED);
        assertThat(gateway.sessions.find("s1").orElseThrow().lastHeartbeatAt()).isEqualTo(RECEIVED);
    }

    @Test
    void aBotCannotTouchAnotherBotsSessionAndLearnsNothingAboutIt() {
        lifecycle.start(startSession("bot_a", "s1", "100"));
        gateway.withBot("bot_b");

        assertThatThrownBy(() -> lifecycle.heartbeat(new HeartbeatCommand(RECEIVED, "bot_b", "s1")))
                .isInstanceOfSatisfying(NotFoundException.class, notFound -> {
                    assertThat(notFound.field()).isEqualTo("sessionId");
                    assertThat(notFound.getMessage()).contains("bot 'bot_b' has no session 's1'");
                });
        assertThatThrownBy(() -> lifecycle.end(new EndSessionCommand(RECEIVED, "bot_b", "s1",
                SessionStatus.COMPLETED, null, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(gateway.sessions.find("s1").orElseThrow().isActive()).isTrue();
    }
}
