package com.crashanalytics.domain.round;

import static com.crashanalytics.domain.testing.InMemoryGateway.RECEIVED;
import static com.crashanalytics.domain.testing.InMemoryGateway.loss;
import static com.crashanalytics.domain.testing.InMemoryGateway.round;
import static com.crashanalytics.domain.testing.InMemoryGateway.win;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.DomainException;
import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.MultipleProblemsException;
import com.crashanalytics.domain.common.NotFoundException;
import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.live.LiveEventKind;
import com.crashanalytics.domain.round.LogRoundUseCase.LoggedRound;
import com.crashanalytics.domain.session.EndSessionCommand;
import com.crashanalytics.domain.session.Session;
import com.crashanalytics.domain.session.SessionStatus;
import com.crashanalytics.domain.testing.InMemoryGateway;
import org.junit.jupiter.api.Test;

/**
 * The rules of logging rounds, played through {@link RoundLoggingService} on in-memory ports: no database, no HTTP.
 * Bot {@code bot_a} plays session {@code s1} on Aviator/Spribe from a balance of 100.
 */
class RoundLoggingServiceTest {

    private final InMemoryGateway gateway = new InMemoryGateway().withSession("bot_a", "s1", "100");
    private final RoundLoggingService rounds = gateway.roundLogging;

    @Test
    void aNewRoundIsWrittenWithWhatTheGatewayDerivesAndMovesItsSession() {
        LoggedRound logged = logOne(win("bot_a", "s1", 1, "10", "2.00", "3.50"));

        assertThat(logged.duplicate()).isFalse();
        Round round = gateway.logbook.round(new RoundKey("bot_a", "s1", 1)).orElseThrow();
        assertThat(round).isEqualTo(logged.round());
        // 10 staked, cashed out at 2.00x: wins 10 × (2 − 1) = 10, paid out 20
        assertThat(round.profitLoss()).isEqualByComparingTo("10");
        assertThat(round.cashoutAmount()).isEqualByComparingTo("20");
        assertThat(round.gameName()).isEqualTo("aviator"); // the session's game, as the bot left it out
        assertThat(round.analytics().balanceAfter()).isEqualByComparingTo("110");
        assertThat(round.analytics().winStreakLength()).isEqualTo(1);

        Session session = gateway.sessions.find("s1").orElseThrow();
        assertThat(session.totals().totalRounds()).isEqualTo(1);
        assertThat(session.totals().wins()).isEqualTo(1);
        assertThat(session.totals().totalProfitLoss()).isEqualByComparingTo("10");
        assertThat(session.totals().currentBalance()).isEqualByComparingTo("110");
        assertThat(gateway.journal.kinds()).endsWith(LiveEventKind.ROUND_LOGGED.name());
    }

    @Test
    void oneRequestIsOneTransactionWhateverItsSize() {
        int before = gateway.transactions.opened();

        logBatch(win("bot_a", "s1", 1, "10", "2.00", "3.50"), loss("bot_a", "s1", 2, "10", "1.20"),
                loss("bot_a", "s1", 3, "10", "1.00"));

        assertThat(gateway.transactions.opened() - before).isEqualTo(1);
        assertThat(gateway.logbook.writes()).isEqualTo(1);
        assertThat(gateway.logbook.rounds()).hasSize(3);
    }

    @Test
    void aRetryIsADuplicateAndWritesNothing() {
        RoundReport report = win("bot_a", "s1", 1, "10", "2.00", "3.50");
        LoggedRound first = logOne(report);
        Session afterFirst = gateway.sessions.find("s1").orElseThrow();
        List<String> eventsAfterFirst = gateway.journal.kinds();

        LoggedRound retry = logOne(report);

        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.round().id()).isEqualTo(first.round().id());
        assertThat(gateway.logbook.writes()).as("writes").isEqualTo(1);
        assertThat(gateway.sessions.find("s1")).contains(afterFirst);
        assertThat(gateway.journal.kinds()).as("a retry announces nothing").isEqualTo(eventsAfterFirst);
    }

    @Test
    void aRetryMayWriteItsNumbersDifferentlyButMeanTheSame() {
        logOne(win("bot_a", "s1", 1, "10", "2.00", "3.50"));

        LoggedRound retry = logOne(win("bot_a", "s1", 1, "10.000", "2", "3.5"));

        assertThat(retry.duplicate()).isTrue();
        assertThat(gateway.logbook.writes()).isEqualTo(1);
    }

    @Test
    void otherContentUnderAStoredRoundNumberIsAConflictNamingTheField() {
        LoggedRound stored = logOne(win("bot_a", "s1", 1, "10", "2.00", "3.50"));

        assertThatThrownBy(() -> logOne(win("bot_a", "s1", 1, "20", "2.00", "3.50")))
                .isInstanceOfSatisfying(ConflictException.class, conflict -> {
                    assertThat(conflict.field()).isEqualTo("roundNumber");
                    assertThat(conflict.getMessage()).contains("already logged with other content");
                });
        assertThat(gateway.logbook.round(stored.round().key())).as("the stored round stays as it is")
                .contains(stored.round());
        assertThat(gateway.logbook.writes()).isEqualTo(1);
    }

    @Test
    void inABatchTheConflictNamesTheRoundByItsIndexAndNothingOfTheBatchIsWritten() {
        logOne(win("bot_a", "s1", 1, "10", "2.00", "3.50"));

        assertThatThrownBy(() -> logBatch(loss("bot_a", "s1", 2, "10", "1.20"), loss("bot_a", "s1", 1, "10", "1.20")))
                .isInstanceOfSatisfying(ConflictException.class,
                        conflict -> assertThat(conflict.field()).isEqualTo("rounds[1].roundNumber"));
        assertThat(gateway.logbook.rounds()).extracting(Round::roundNumber).containsExactly(1);
        assertThat(gateway.sessions.find("s1").orElseThrow().totals().totalRounds()).isEqualTo(1);
    }

    @Test
    void oneBadRoundRejectsTheBatchByIndexAndEveryProblemIsNamed() {
        gateway.withBot("bot_b");

        assertThatThrownBy(() -> logBatch(win("bot_a", "s1", 1, "10", "2.00", "3.50"),
                loss("bot_a", "no_such_session", 2, "10", "1.20"),
                loss("bot_nobody", "s1", 3, "10", "1.20"),
                loss("bot_b", "s1", 4, "10", "1.20")))
                .isInstanceOfSatisfying(MultipleProblemsException.class, problems ->
                        assertThat(problems.problems()).extracting(RoundLoggingServiceTest::fieldOf).containsExactly(
                                "rounds[1].sessionId", // the bot has no such session
                                "rounds[2].botId",     // nobody registered this bot
                                "rounds[3].sessionId")); // another bot's session is no session of this bot
        assertThat(gateway.logbook.rounds()).as("not even the good round").isEmpty();
        assertThat(gateway.logbook.writes()).isZero();
    }

    @Test
    void aRoundThatBreaksTheRulesOfTheGameIsRefusedBeforeTheUseCaseRunsNamingRoundAndField() {
        RoundReport cashedOutAfterTheCrash = win("bot_a", "s1", 2, "10", "5.00", "3.50");

        assertThatThrownBy(() -> new LogRoundsCommand(RECEIVED,
                List.of(win("bot_a", "s1", 1, "10", "2.00", "3.50"), cashedOutAfterTheCrash)))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid ->
                        assertThat(invalid.violations()).extracting(Violation::field)
                                .containsExactly("rounds[1].cashoutMultiplier"));
        assertThat(gateway.transactions.opened()).as("only the session's start").isEqualTo(1);
    }

    @Test
    void theSameRoundTwiceInOneBatchIsWrittenOnceAndAnsweredTwice() {
        RoundReport report = loss("bot_a", "s1", 1, "10", "1.20");

        List<LoggedRound> answers = logBatch(report, report);

        assertThat(answers).extracting(LoggedRound::duplicate).containsExactly(false, true);
        assertThat(answers.get(1).round()).isEqualTo(answers.get(0).round());
        assertThat(gateway.logbook.rounds()).hasSize(1);
    }

    @Test
    void theSameRoundNumberTwiceInOneBatchWithOtherContentIsAConflictNamingTheFirst() {
        assertThatThrownBy(() -> logBatch(loss("bot_a", "s1", 1, "10", "1.20"), loss("bot_a", "s1", 1, "5", "1.20")))
                .isInstanceOfSatisfying(ConflictException.class, conflict -> {
                    assertThat(conflict.field()).isEqualTo("rounds[1].roundNumber");
                    assertThat(conflict.getMessage()).contains("rounds[0].roundNumber");
                });
        assertThat(gateway.logbook.rounds()).isEmpty();
    }

    @Test
    void aLateRoundRestatesTheRoundsAfterIt() {
        logBatch(win("bot_a", "s1", 1, "10", "2.00", "3.50"), win("bot_a", "s1", 3, "10", "2.00", "2.50"));
        Round thirdBefore = gateway.logbook.round(new RoundKey("bot_a", "s1", 3)).orElseThrow();
        // 100 +10 +10: two wins in a row
        assertThat(thirdBefore.analytics().balanceAfter()).isEqualByComparingTo("120");
        assertThat(thirdBefore.analytics().winStreakLength()).isEqualTo(2);

        logOne(loss("bot_a", "s1", 2, "10", "1.20"));

        // replayed in round-number order: 110 after 1, 100 after the loss of 2, 110 after 3, whose streak restarts
        Round thirdAfter = gateway.logbook.round(new RoundKey("bot_a", "s1", 3)).orElseThrow();
        assertThat(thirdAfter.id()).isEqualTo(thirdBefore.id());
        assertThat(thirdAfter.analytics().balanceAfter()).isEqualByComparingTo("110");
        assertThat(thirdAfter.analytics().winStreakLength()).isEqualTo(1);
        assertThat(thirdAfter.contentFingerprint()).as("what the bot sent is not restated")
                .isEqualTo(thirdBefore.contentFingerprint());
        Session session = gateway.sessions.find("s1").orElseThrow();
        assertThat(session.totals().totalRounds()).isEqualTo(3);
        assertThat(session.totals().totalProfitLoss()).isEqualByComparingTo("10");
        assertThat(session.totals().currentBalance()).isEqualByComparingTo("110");
        assertThat(session.totals().longestWinStreak()).isEqualTo(1);
        assertThat(session.totals().lastRoundNumber()).isEqualTo(3);
    }

    @Test
    void anEndedSessionAcceptsNoRounds() {
        gateway.sessionLifecycle.end(new EndSessionCommand(RECEIVED, "bot_a", "s1", SessionStatus.COMPLETED, null,
                null, null));

        assertThatThrownBy(() -> logOne(loss("bot_a", "s1", 1, "10", "1.20")))
                .isInstanceOfSatisfying(ConflictException.class,
                        conflict -> assertThat(conflict.field()).isEqualTo("sessionId"));
        assertThat(gateway.logbook.rounds()).isEmpty();
    }

    @Test
    void aRoundOfAnotherPlatformThanItsSessionsIsAConflictNamingThePlatform() {
        RoundReport elsewhere = loss("bot_a", "s1", 1, "10", "1.20");
        RoundReport onOtherPlatform = new RoundReport(elsewhere.botId(), elsewhere.sessionId(), "aviator", "betway",
                elsewhere.roundNumber(), null, elsewhere.roundStartTimestamp(), null, elsewhere.stakeValue(), null,
                null, null, elsewhere.crashMultiplier(), null, null, null, RoundOutcome.LOSS, null, null, null, null,
                null, null, null, null, null, null, null, null, null, List.of(), List.of(), List.of());

        assertThatThrownBy(() -> logOne(onOtherPlatform)).isInstanceOfSatisfying(NotFoundException.class,
                notFound -> assertThat(notFound.field()).isEqualTo("platformCode")); // betway is not configured
        assertThat(gateway.logbook.rounds()).isEmpty();
    }

    @Test
    void aSkipStakesNothingAndMovesNoMoney() {
        LoggedRound skip = logOne(round("bot_a", "s1", 1, RoundOutcome.SKIP, "0", null, "1.80"));

        assertThat(skip.round().profitLoss()).isEqualByComparingTo(BigDecimal.ZERO);
        Session session = gateway.sessions.find("s1").orElseThrow();
        assertThat(session.totals().skips()).isEqualTo(1);
        assertThat(session.totals().currentBalance()).isEqualByComparingTo("100");
    }

    @Test
    void aSignalLoggedAheadOfItsRoundIsJudgedWhenTheRoundArrives() {
        SignalReport twoX = new SignalReport("model_v1", "sig-1", null, 0.8, new BigDecimal("2.00"), null, null, null);
        gateway.roundDetail.logSignal(new LogSignalCommand(RECEIVED, "bot_a", "s1", 1, twoX));
        assertThat(gateway.logbook.signals()).singleElement().satisfies(signal -> assertThat(signal.isPending()).isTrue());

        LoggedRound round = logOne(loss("bot_a", "s1", 1, "10", "1.20"));

        // confident it would reach 2.00x; it crashed at 1.20x: wrong, by −0.80
        assertThat(gateway.logbook.signals()).singleElement().satisfies(signal -> {
            assertThat(signal.roundId()).isEqualTo(round.round().id());
            assertThat(signal.signalCorrectness()).isFalse();
            assertThat(signal.predictionError()).isEqualByComparingTo("-0.80");
        });
    }

    private LoggedRound logOne(RoundReport report) {
        return rounds.logRound(new LogRoundCommand(RECEIVED, report));
    }

    private List<LoggedRound> logBatch(RoundReport... reports) {
        return rounds.logRounds(new LogRoundsCommand(RECEIVED, List.of(reports)));
    }

    private static String fieldOf(DomainException problem) {
        return problem instanceof NotFoundException notFound ? notFound.field()
                : ((ConflictException) problem).field();
    }
}
