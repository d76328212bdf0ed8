package com.crashanalytics.simulator.crash;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Crash points from a seeded pseudo-random generator: the same law as the provably fair games, faster, and
 * reproducible from one {@code long}, for simulations that need no verification.
 */
public final class SeededCrashPoints implements CrashPointGenerator {

    private final CrashDistribution distribution;
    private final RandomGenerator random;
    private long nonce;

    public SeededCrashPoints(CrashDistribution distribution, RandomGenerator random) {
        this.distribution = distribution;
        this.random = random;
    }

    public SeededCrashPoints(CrashDistribution distribution, long seed) {
        this(distribution, new SplittableRandom(seed));
    }

    @Override
    public CrashPoint next() {
        return distribution.crashPoint(nonce++, random.nextLong() >>> (Long.SIZE - CrashDistribution.BITS));
    }

    @Override
    public CrashDistribution distribution() {
        return distribution;
    }
}
