package com.crashanalytics.api.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Large queries take turns, small ones never wait, and a turn not given in time refuses the query unrun. */
class LargeQueryTurnsTest {

    private static final long LARGE = 5_000;

    private final LargeQueryTurns turns = new LargeQueryTurns(new LargeQuerySettings(LARGE, 1, Duration.ofSeconds(10)));
    private TakenTurn held;

    @AfterEach
    void finishTheQueryHoldingTheTurn() {
        if (held != null) {
            held.giveBack();
        }
    }

    @Test
    void aSmallQueryRunsAtOnceWhileEveryTurnIsTaken() throws Exception {
        held = TakenTurn.of(turns);

        assertThat(turns.answer(LARGE - 1, () -> "small")).isEqualTo("small");
        assertThat(turns.answering()).isEqualTo(1);
    }

    @Test
    void aLargeQueryWaitsForTheTurnAndRunsWhenItIsFree() throws Exception {
        held = TakenTurn.of(turns);
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> turns.answer(LARGE, () -> {
            ran.set(true);
            return "second";
        }));
        assertThat(TakenTurn.waitingOnceThereAre(turns, 1)).isEqualTo(1);
        assertThat(ran).as("waits while the turn is taken").isFalse();

        held.giveBack();

        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(turns.answering()).isZero();
    }

    @Test
    void aLargeQueryThatWaitedTooLongIsRefusedWithoutRunning() throws Exception {
        LargeQueryTurns impatient = new LargeQueryTurns(new LargeQuerySettings(LARGE, 1, Duration.ofMillis(300)));
        held = TakenTurn.of(impatient);
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> impatient.answer(35_916, () -> ran.getAndSet(true)))
                .isInstanceOf(LargeQueryTurns.Busy.class)
                .hasMessageContaining("Large queries (complexity 5000 or more; this one's is 35916) are answered 1 at a time")
                .hasMessageContaining("waited 300 ms for its turn; nothing was read");
        assertThat(ran).isFalse();
    }

    @Test
    void aQueryThatFailsGivesItsTurnBack() {
        assertThatThrownBy(() -> turns.answer(LARGE, () -> {
            throw new IllegalStateException("the read failed");
        })).hasMessage("the read failed");

        assertThat(turns.answering()).isZero();
        assertThat(turns.answer(LARGE, () -> "next")).isEqualTo("next");
    }

    @Test
    void withoutAnAtOnceThereIsATurnPerProcessor() {
        LargeQuerySettings settings = new LargeQuerySettings(LARGE, 0, Duration.ofSeconds(1));
        assertThat(settings.turns()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> new LargeQuerySettings(0, 1, Duration.ofSeconds(1)))
                .hasMessageContaining("gateway.large-queries");
    }
}
