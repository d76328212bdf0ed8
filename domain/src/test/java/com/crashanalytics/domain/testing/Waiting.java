package com.crashanalytics.domain.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Waiting in concurrency tests, bounded so that a broken test fails instead of hanging. */
public final class Waiting {

    private static final long SECONDS = 10;

    private Waiting() {
    }

    /** Waits for the latch to open. */
    public static void await(CountDownLatch latch) {
        try {
            if (!latch.await(SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out after " + SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until the count reaches at least {@code expected}, looking every few milliseconds. */
    public static void untilAtLeast(IntSupplier count, int expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (count.getAsInt() < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count.getAsInt() + " " + what + ", expected " + expected);
            }
            Thread.sleep(5);
        }
    }
}
