package com.crashanalytics.domain.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Calls made at the same moment, handled as one batch. A call that finds no batch under way handles its own item
 * at once, alone; calls that arrive while a batch is under way wait, and when it ends the first of them handles
 * every item waiting by then (up to a limit) in one batch, on its own thread, then hands the turn to the next one
 * waiting. Alone, a call costs what it did; under load, the batches grow by themselves with what queued during the
 * previous one, and each item's answer is its own: the batch says, item by item, what became of each.
 *
 * <p>One batch at a time: a batch starts only when the previous one has ended. Each caller returns as soon as the
 * batch holding its item has ended, and at most one batch runs on each caller's thread (its own item's).
 *
 * @param <I> what a call brings
 * @param <R> what a call answers
 */
public final class Coalescer<I, R> {

    /** What became of one item of a batch: its answer, or the failure of that item alone. */
    public sealed interface Outcome<R> {

        /** The item's answer. */
        record Answered<R>(R answer) implements Outcome<R> {
        }

        /** The item failed, with this error (a RuntimeException or an Error), thrown to its caller alone. */
        record Failed<R>(Throwable failure) implements Outcome<R> {
        }

        static <R> Outcome<R> answered(R answer) {
            return new Answered<>(answer);
        }

        /** Runs one item's work on its own: its answer, or its failure. */
        static <R> Outcome<R> of(Supplier<R> work) {
            try {
                return new Answered<>(work.get());
            } catch (RuntimeException failure) {
                return new Failed<>(failure);
            }
        }
    }

    /** Handles a batch: one outcome per item, in the items' order. */
    @FunctionalInterface
    public interface BatchWork<I, R> {
        List<Outcome<R>> handle(List<I> items);
    }

    private final int maxItems;
    private final BatchWork<I, R> work;
    /** Guarded by this: the calls waiting for a batch, in arrival order. */
    private final Queue<Call<I, R>> waiting = new ArrayDeque<>();
    /** Guarded by this: a batch is under way. While it is, every call waits in {@link #waiting}. */
    private boolean handling;

    /**
     * @param maxItems how many items one batch takes at most, so a batch under constant load still ends
     */
    public Coalescer(int maxItems, BatchWork<I, R> work) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("a batch takes at least one item: " + maxItems);
        }
        this.maxItems = maxItems;
        this.work = work;
    }

    /** Handles the item, alone or in a batch with others; returns its answer or throws its own failure. */
    public R submit(I item) {
        Call<I, R> mine = new Call<>(item);
        boolean myTurn;
        synchronized (this) {
            waiting.add(mine);
            myTurn = !handling;
            handling = true;
        }
        if (myTurn || mine.awaitAnswerOrTurn()) {
            handleWaiting();
        }
        return mine.answer();
    }

    /** How many calls wait for the next batch now (the one under way not counted). */
    public synchronized int waitingCalls() {
        return handling ? waiting.size() : 0;
    }

    /** Handles the calls waiting now (the caller's first among them), then passes the turn on. */
    private void handleWaiting() {
        List<Call<I, R>> batch = new ArrayList<>();
        synchronized (this) {
            while (!waiting.isEmpty() && batch.size() < maxItems) {
                batch.add(waiting.poll());
            }
        }
        try {
            List<Outcome<R>> outcomes = work.handle(batch.stream().map(call -> call.item).toList());
            if (outcomes.size() != batch.size()) {
                throw new IllegalStateException("a batch of " + batch.size() + " items answered " + outcomes.size());
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).settle(outcomes.get(i));
            }
        } catch (RuntimeException | Error failure) {
            batch.forEach(call -> call.settle(new Outcome.Failed<>(failure)));
        } finally {
            Call<I, R> next;
            synchronized (this) {
                next = waiting.peek();
                handling = next != null;
            }
            if (next != null) {
                next.turn.complete(null);
            }
        }
    }

    private static final class Call<I, R> {
        final I item;
        final CompletableFuture<Outcome<R>> outcome = new CompletableFuture<>();
        /** Completed when this call, first in line, is to handle the next batch. */
        final CompletableFuture<Void> turn = new CompletableFuture<>();

        Call(I item) {
            this.item = item;
        }

        /** Waits until the call is answered (false) or has the turn (true). Not interruptible: the item is queued. */
        boolean awaitAnswerOrTurn() {
            CompletableFuture.anyOf(outcome, turn).join();
            return !outcome.isDone();
        }

        void settle(Outcome<R> settled) {
            outcome.complete(settled);
        }

        R answer() {
            Outcome<R> settled = outcome.join();
            if (settled instanceof Outcome.Answered<R> answered) {
                return answered.answer();
            }
            Throwable failure = ((Outcome.Failed<R>) settled).failure();
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        }
    }
}
