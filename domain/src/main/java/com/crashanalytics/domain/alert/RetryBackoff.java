package com.crashanalytics.domain.alert;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential backoff, base · 2^(attempts − 1) capped at {@code max}, with
 * jitter (a random point in the upper half of that delay), so deliveries that failed together (a channel was down)
 * do not come back together. After {@code maxAttempts} attempts the delivery is given up (FAILED).
 */
public record RetryBackoff(Duration base, Duration max, int maxAttempts) {

    public RetryBackoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max and at least one attempt");
        }
    }

    /** The delay after the {@code attempts}-th failed attempt; {@code random} answers in [0, 1). */
    public Duration delayAfter(int attempts, DoubleSupplier random) {
        int doublings = Math.min(Math.max(0, attempts - 1), 30); // 2^30 · base is past any sensible cap
        long capped = Math.min(max.toMillis(), Math.multiplyHigh(base.toMillis(), 1L << doublings) != 0
                ? Long.MAX_VALUE : base.toMillis() << doublings);
        return Duration.ofMillis(capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2)));
    }

    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
