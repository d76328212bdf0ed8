package com.crashanalytics.domain.round;

import static com.crashanalytics.domain.testing.InMemoryGateway.RECEIVED;
import static com.crashanalytics.domain.testing.InMemoryGateway.loss;
import static com.crashanalytics.domain.testing.InMemoryGateway.win;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.crashanalytics.domain.common.NotFoundException;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.round.LogRoundUseCase.LoggedRound;
import com.crashanalytics.domain.testing.InMemoryGateway;
import com.crashanalytics.domain.testing.Waiting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Single rounds from several bots arriving while another is being written are logged together, as one batch with
 * one commit, yet each answers as if alone: its own round, its own time received, its own author, its own error.
 * The first round's commit is held open by a gate until the others are queued, so the grouping is certain.
 */
class SingleRoundsLoggedTogetherTest {

    private static final UUID KEY_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID KEY_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID KEY_C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    private final InMemoryGateway gateway = new InMemoryGateway()
            .withSession("bot_a", "s1", "100").withSession("bot_b", "s2", "100").withSession("bot_c", "s3", "100");
    private final GatedCommits commits = new GatedCommits();
    private final ThreadLocal<Optional<UUID>> author = ThreadLocal.withInitial(Optional::empty);
    private final RoundLoggingService rounds = new RoundLoggingService(gateway.logbook, gateway.bots,
            gateway.platforms, gateway.ids, commits, new RoundAnnouncements(gateway.journal, roundIds -> List.of()),
            CrashPointJudge.NONE, author::get);
    private final ExecutorService bots = Executors.newFixedThreadPool(6);

    @AfterEach
    void stopBots() {
        bots.shutdownNow();
    }

    @Test
    void roundsArrivingDuringACommitAreWrittenTogetherEachWithItsOwnTimeAndAuthor() throws Exception {
        Future<LoggedRound> first = log(KEY_A, RECEIVED, win("bot_a", "s1", 1, "10", "2.00", "3.50"));
        commits.awaitFirstEntered();
        Future<LoggedRound> second = log(KEY_B, RECEIVED.plusSeconds(1), loss("bot_b", "s2", 1, "5", "1.20"));
        Future<LoggedRound> third = log(KEY_C, RECEIVED.plusSeconds(2), win("bot_c", "s3", 1, "20", "1.50", "1.80"));
        awaitWaiting(2);

        commits.releaseFirst();

        LoggedRound a = first.get(10, TimeUnit.SECONDS);
        LoggedRound b = second.get(10, TimeUnit.SECONDS);
        LoggedRound c = third.get(10, TimeUnit.SECONDS);
        assertThat(commits.shared.get()).as("the first alone, then the two that waited in one").isEqualTo(2);
        assertThat(gateway.logbook.writes()).isEqualTo(2);

        assertThat(List.of(a, b, c)).extracting(LoggedRound::duplicate).containsOnly(false);
        assertThat(b.round().botId()).isEqualTo("bot_b");
        assertThat(b.round().profitLoss()).isEqualByComparingTo("-5");
        assertThat(c.round().botId()).isEqualTo("bot_c");
        assertThat(c.round().profitLoss()).isEqualByComparingTo("10"); // 20 at 1.50x
        assertThat(b.round().loggedAt()).isEqualTo(RECEIVED.plusSeconds(1));
        assertThat(c.round().loggedAt()).isEqualTo(RECEIVED.plusSeconds(2));
        assertThat(gateway.logbook.authorOf(a.round().id())).contains(KEY_A);
        assertThat(gateway.logbook.authorOf(b.round().id())).contains(KEY_B);
        assertThat(gateway.logbook.authorOf(c.round().id())).contains(KEY_C);
        assertThat(gateway.sessions.find("s2").orElseThrow().totals().currentBalance()).isEqualByComparingTo("95");
        assertThat(gateway.sessions.find("s3").orElseThrow().totals().currentBalance()).isEqualByComparingTo("110");
    }

    @Test
    void aRefusedRoundFailsOnlyItsOwnRequestWithTheErrorItHasAlone() throws Exception {
        Future<LoggedRound> first = log(KEY_A, RECEIVED, win("bot_a", "s1", 1, "10", "2.00", "3.50"));
        commits.awaitFirstEntered();
        Future<LoggedRound> good = log(KEY_B, RECEIVED, loss("bot_b", "s2", 1, "5", "1.20"));
        Future<LoggedRound> bad = log(KEY_C, RECEIVED, loss("bot_c", "s1", 1, "5", "1.20")); // bot_a's session
        awaitWaiting(2);

        commits.releaseFirst();

        assertThat(first.get(10, TimeUnit.SECONDS).duplicate()).isFalse();
        assertThat(good.get(10, TimeUnit.SECONDS).round().botId()).isEqualTo("bot_b");
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(NotFoundException.class,
                        refused -> assertThat(refused.field()).isEqualTo("sessionId")); // not "rounds[1].sessionId"
        assertThat(gateway.logbook.rounds()).extracting(Round::botId).containsExactlyInAnyOrder("bot_a", "bot_b");
        assertThat(commits.shared.get()).as("the first, the refused pair, then each of the pair alone").isEqualTo(4);
        assertThat(gateway.logbook.authorOf(good.get().round().id())).contains(KEY_B);
    }

    @Test
    void theSameRoundSentTwiceAtOnceIsStoredOnceAndTheSecondIsADuplicate() throws Exception {
        Future<LoggedRound> first = log(KEY_A, RECEIVED, win("bot_a", "s1", 1, "10", "2.00", "3.50"));
        commits.awaitFirstEntered();
        RoundReport report = loss("bot_b", "s2", 1, "5", "1.20");
        Future<LoggedRound> sent = log(KEY_B, RECEIVED, report);
        Future<LoggedRound> retried = log(KEY_B, RECEIVED.plusMillis(300), report);
        awaitWaiting(2);

        commits.releaseFirst();

        first.get(10, TimeUnit.SECONDS);
        List<LoggedRound> answers = List.of(sent.get(10, TimeUnit.SECONDS), retried.get(10, TimeUnit.SECONDS));
        assertThat(answers).extracting(LoggedRound::duplicate).containsExactlyInAnyOrder(false, true);
        assertThat(answers.get(0).round().id()).isEqualTo(answers.get(1).round().id());
        assertThat(gateway.logbook.rounds()).filteredOn(round -> round.botId().equals("bot_b")).hasSize(1);
        assertThat(gateway.sessions.find("s2").orElseThrow().totals().totalRounds()).isEqualTo(1);
    }

    private Future<LoggedRound> log(UUID key, Instant receivedAt, RoundReport report) {
        Callable<LoggedRound> bot = () -> {
            author.set(Optional.of(key));
            return rounds.logRound(new LogRoundCommand(receivedAt, report));
        };
        return bots.submit(bot);
    }

    private void awaitWaiting(int waiting) throws InterruptedException {
        Waiting.untilAtLeast(rounds::singleRoundsWaiting, waiting, "rounds waiting");
    }

    /** Runs work directly, counting shared commits tried; the first one's commit waits for the test to release it. */
    private static final class GatedCommits implements Transactions {
        final AtomicInteger shared = new AtomicInteger();
        private final CountDownLatch firstEntered = new CountDownLatch(1);
        private final CountDownLatch firstReleased = new CountDownLatch(1);

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public <T> T inSharedCommit(Supplier<T> work) {
            boolean first = shared.incrementAndGet() == 1;
            T result = work.get();
            if (first) {
                firstEntered.countDown();
                Waiting.await(firstReleased);
            }
            return result;
        }

        @Override
        public <T> T readOnly(Supplier<T> work) {
            return work.get();
        }

        void awaitFirstEntered() {
            Waiting.await(firstEntered);
        }

        void releaseFirst() {
            firstReleased.countDown();
        }
    }
}
