package com.crashanalytics.simulator.play;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.crashanalytics.simulator.crash.CrashPoint;

/**
 * The multiplier's climb after take-off: exponential, {@code m(t) = e^(r·t)}, with r chosen so 2x comes after about
 * 7 s and 10x after about 23 s, roughly as Aviator looks on screen.
 */
final class Flight {

    /** Growth per millisecond. */
    static final double RATE_PER_MILLI = 0.0001;

    private Flight() {
    }

    /** How long the plane flies before this crash: 0 for an instant crash. */
    static long durationMillis(CrashPoint crash) {
        return crash.instant() ? 0 : Math.round(Math.log(crash.multiplier().doubleValue()) / RATE_PER_MILLI);
    }

    /** The multiplier on screen this long after take-off, as displayed (2 decimals, truncated), never past the crash. */
    static BigDecimal multiplierAt(long elapsedMillis, BigDecimal crash) {
        BigDecimal climbed = BigDecimal.valueOf(Math.exp(RATE_PER_MILLI * elapsedMillis)).setScale(2, RoundingMode.DOWN);
        return climbed.max(new BigDecimal("1.00")).min(crash);
    }
}
