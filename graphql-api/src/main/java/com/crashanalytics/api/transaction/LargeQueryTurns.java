package com.crashanalytics.api.transaction;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Large queries take turns; small ones never wait. A 10 × 10 × 20 dashboard holds some 10 MB of rows, domain objects
 * and graphql-java's execution state in the heap while it runs, and allocates about 55 MB: eight of them at once on a
 * 224 MB heap kept more alive than the young generation could hold, so every young collection copied them and the
 * old generation filled with them, and the JVM spent most of its CPU collecting (two thirds of it at 8 clients,
 * issue 14). Answered a few at a time, one per processor, they use the same CPU for their own work and come out
 * sooner in total; the others wait here, before their read transaction begins, so a waiting query holds neither a
 * database connection nor a snapshot, and the bots' writes and small reads pass them by.
 *
 * <p>A query waits at most {@link LargeQuerySettings#maxWait()} for its turn; then it is refused with
 * {@link Busy}, having read nothing. Turns are handed out in the order they were asked for.
 */
@Component
public class LargeQueryTurns {

    private final long largeFrom;
    private final int turns;
    private final Duration maxWait;
    private final Semaphore free;

    public LargeQueryTurns(LargeQuerySettings settings) {
        this.largeFrom = settings.complexity();
        this.turns = settings.turns();
        this.maxWait = settings.maxWait();
        this.free = new Semaphore(turns, true);
    }

    /** Runs the work of a query of this complexity: at once if it is small, in its turn if it is large. */
    public <T> T answer(long complexity, Supplier<T> work) {
        if (complexity < largeFrom) {
            return work.get();
        }
        awaitTurn(complexity);
        try {
            return work.get();
        } finally {
            free.release();
        }
    }

    private void awaitTurn(long complexity) {
        try {
            if (!free.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new Busy(complexity, largeFrom, turns, maxWait);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Busy(complexity, largeFrom, turns, maxWait);
        }
    }

    /** Large queries being answered now. */
    public int answering() {
        return turns - free.availablePermits();
    }

    /** Large queries waiting for their turn now. */
    public int waiting() {
        return free.getQueueLength();
    }

    /** A large query that did not get its turn in time: nothing of it ran. */
    public static final class Busy extends RuntimeException {

        private final long complexity;

        Busy(long complexity, long largeFrom, int turns, Duration maxWait) {
            super(String.format(Locale.ROOT, "Large queries (complexity %d or more; this one's is %d) are answered "
                            + "%d at a time, and this one waited %d ms for its turn; nothing was read. Send it again "
                            + "later, or ask for fewer rows "
                            + "(GATEWAY_LARGE_QUERIES_AT_ONCE, GATEWAY_LARGE_QUERY_COMPLEXITY)",
                    largeFrom, complexity, turns, maxWait.toMillis()), null, false, false);
            this.complexity = complexity;
        }

        public long complexity() {
            return complexity;
        }
    }
}
