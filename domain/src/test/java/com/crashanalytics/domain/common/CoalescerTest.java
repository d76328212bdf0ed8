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
        Future<Integer> first = heldOpen(coalescer, 1);
        List<Future<Integer>> later = queuedBehind(coalescer, 2, 3, 4);

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
        Future<Integer> first = heldOpen(coalescer, 1);
        List<Future<Integer>> later = queuedBehind(coalescer, 2, 13);
        Future<Integer> good = later.get(0);
        Future<Integer> bad = later.get(1);

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
        Future<Integer> broken = heldOpen(coalescer, 99);
        Future<Integer> next = queuedBehind(coalescer, 7).get(0);

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
        Future<Integer> first = heldOpen(coalescer, 1);
        List<Future<Integer>> later = queuedBehind(coalescer, 2, 3, 4, 5, 6);

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

    /** Submits the item from another thread; returns once its batch (the first) is under way and held open. */
    private Future<Integer> heldOpen(Coalescer<Integer, Integer> coalescer, int item) {
        Future<Integer> answer = callers.submit(() -> coalescer.submit(item));
        Waiting.await(firstBatchEntered);
        return answer;
    }

    /** Submits each item from a thread of its own; returns once all of them wait behind the batch under way. */
    private List<Future<Integer>> queuedBehind(Coalescer<Integer, Integer> coalescer, int... items)
            throws InterruptedException {
        List<Future<Integer>> answers = new ArrayList<>();
        for (int item : items) {
            answers.add(callers.submit(() -> coalescer.submit(item)));
        }
        Waiting.untilAtLeast(coalescer::waitingCalls, items.length, "calls waiting");
        return answers;
    }
}
