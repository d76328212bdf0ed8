package com.crashanalytics.simulator.crash;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** Crash points chosen by a test, in order, so sequences can be worked out by hand. */
public final class ScriptedCrashPoints implements CrashPointGenerator {

    private final Deque<String> multipliers;
    private long nonce;

    public ScriptedCrashPoints(String... multipliers) {
        this.multipliers = new ArrayDeque<>(Arrays.asList(multipliers));
    }

    @Override
    public CrashPoint next() {
        String next = multipliers.poll();
        if (next == null) {
            throw new IllegalStateException("the script has no more crash points");
        }
        return new CrashPoint(nonce++, new BigDecimal(next).setScale(2), false);
    }

    @Override
    public CrashDistribution distribution() {
        return CrashDistribution.STANDARD;
    }
}
