package com.crashanalytics.api.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A large query's turn held by a test, as a query being answered would hold it, until the test gives it back. */
final class TakenTurn {

    private final CountDownLatch givenBack = new CountDownLatch(1);

    private TakenTurn() {
    }

    /** Takes a turn on another thread and returns once it is taken. */
    static TakenTurn of(LargeQueryTurns turns) throws InterruptedException {
        TakenTurn turn = new TakenTurn();
        CountDownLatch taken = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> turns.answer(Long.MAX_VALUE, () -> {
            taken.countDown();
            try {
                return turn.givenBack.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        }));
        assertThat(taken.await(5, TimeUnit.SECONDS)).as("the turn is taken").isTrue();
        return turn;
    }

    void giveBack() {
        givenBack.countDown();
    }

    /** How many queries wait for a turn once that many do, or 10 s have passed. */
    static int waitingOnceThereAre(LargeQueryTurns turns, int queries) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (turns.waiting() < queries && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return turns.waiting();
    }
}
