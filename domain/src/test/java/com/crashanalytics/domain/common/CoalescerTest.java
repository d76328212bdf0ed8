package com.crashanalytics.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.crashanalytics.domain.common.Coalescer.Outcome;
import com.crashanalytics.domain.testing.Waiting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calls made while a batch is under way wait and go together in the next one, each with its own answer or failure.
 * The first batch is held open by a gate, so which calls meet in the next batch is certain, not a matter of timing.
 */
class CoalescerTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstBatchEntered = new CountDownLatch(1);
    private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    /** Answers ten times each item; an item of 13 fails alone; a batch holding 99 fails as a whole. */
    private List<Outcome<Integer>> tenTimes(List<Integer> items) {
        boolean first = batches.isEmpty();
        batches.add(List.copyOf(items));
        if (first) {
            firstBatchEntered.countDown();
            Waiting.await(releaseFirstBatch);
        }
        if (items.contains(99)) {
            throw new IllegalStateException("the batch broke");
        }
        return items.stream().map(item -> Outcome.of(() -> {
            if (item == 13) {
                throw new IllegalArgumentException("13 is refused");
            }
            return item * 10;
        })).toList();
    }

    @Test
    void aCallAloneIsABatchOfOne() {
        releaseFirstBatch.countDown();
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(10, this::tenTimes);

        assertThat(coalescer.submit(4)).isEqualTo(40);
        assertThat(coalescer.submit(5)).isEqualTo(50);

        assertThat(batches).containsExactly(List.of(4), List.of(5));
        assertThat(coalescer.waitingCalls()).isZero();
    }

    @Test
    void callsArrivingDuringABatchGoTogetherInTheNextEachWithItsOwnAnswer() throws Exception {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(10, this::tenTimes);
        Future<Integer> first = callers.submit(() -> coalescer.submit(1));
        Waiting.await(firstBatchEntered);
        List<Future<Integer>> later = new ArrayList<>();
        for (int item = 2; item <= 4; item++) {
            int mine = item;
            later.add(callers.submit(() -> coalescer.submit(mine)));
        }
        awaitWaiting(coalescer, 3);

        releaseFirstBatch.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(answers(later)).containsExactly(20, 30, 40);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly(1);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(2, 3, 4);
    }

    @Test
    void anItemThatFailsFailsOnlyItsOwnCall() throws Exception {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(10, this::tenTimes);
        Future<Integer> first = callers.submit(() -> coalescer.submit(1));
        Waiting.await(firstBatchEntered);
        Future<Integer> good = callers.submit(() -> coalescer.submit(2));
        Future<Integer> bad = callers.submit(() -> coalescer.submit(13));
        awaitWaiting(coalescer, 2);

        releaseFirstBatch.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo(20);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("13 is refused");
        assertThat(batches.get(1)).containsExactlyInAnyOrder(2, 13);
    }

    @Test
    void aBatchThatBreaksFailsItsCallsAndTheNextBatchStillRuns() throws Exception {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(10, this::tenTimes);
        Future<Integer> broken = callers.submit(() -> coalescer.submit(99));
        Waiting.await(firstBatchEntered);
        Future<Integer> next = callers.submit(() -> coalescer.submit(7));
        awaitWaiting(coalescer, 1);

        releaseFirstBatch.countDown();

        assertThatThrownBy(() -> broken.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("the batch broke");
        assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo(70);
        assertThat(coalescer.submit(8)).isEqualTo(80);
        assertThat(batches).containsExactly(List.of(99), List.of(7), List.of(8));
    }

    @Test
    void aBatchTakesAtMostTheLimitAndTheRestFollowInLaterBatches() throws Exception {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(2, this::tenTimes);
        Future<Integer> first = callers.submit(() -> coalescer.submit(1));
        Waiting.await(firstBatchEntered);
        List<Future<Integer>> later = new ArrayList<>();
        for (int item = 2; item <= 6; item++) {
            int mine = item;
            later.add(callers.submit(() -> coalescer.submit(mine)));
        }
        awaitWaiting(coalescer, 5);

        releaseFirstBatch.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(answers(later)).containsExactly(20, 30, 40, 50, 60);
        assertThat(batches).hasSize(4);
        assertThat(batches.subList(1, 4)).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 2));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(6);
    }

    private static List<Integer> answers(List<Future<Integer>> futures) throws Exception {
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> future : futures) {
            answers.add(future.get(10, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static void awaitWaiting(Coalescer<?, ?> coalescer, int calls) throws InterruptedException {
        Waiting.untilAtLeast(coalescer::waitingCalls, calls, "calls waiting");
    }
}
