package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The theoretical distribution of crash points of a provably fair game with return to player RTP = 1 − house edge:
 * the crash point X satisfies P(X ≥ x) = RTP / x for every x &gt; 1, and X ≥ 1 always. So X has an atom at 1.00
 * of mass 1 − RTP (the instant crashes) and the density RTP / x² above it; its mean is infinite.
 * <p>
 * Games show the crash point cut down to a {@code tick} (0.01: Aviator's 2.37x is a crash point in [2.37, 2.38)),
 * and that is what bots log. For a shown value v on the tick grid:
 * <ul>
 *   <li>P(shown ≥ v) = P(X ≥ v) = RTP / v for v &gt; 1, and 1 for v ≤ 1: the cut does not move survival at grid
 *       points, so bucket probabilities with grid-aligned edges need no correction;</li>
 *   <li>F(v) = P(shown ≤ v) = P(X &lt; v + tick) = 1 − RTP / (v + tick) for v ≥ 1, and 0 below 1. The cut matters
 *       here: against the uncut 1 − RTP / v, a fair game's logged values sit up to RTP · tick / v² (0.0097 near
 *       1.00) above the curve, which a Kolmogorov–Smirnov test on 100,000 rounds would call unfair;</li>
 *   <li>F(v−) = P(shown &lt; v) = 1 − RTP / v for v &gt; 1, and 0 for v ≤ 1.</li>
 * </ul>
 * With {@code tick} 0 the same formulas describe X itself. Probabilities are {@code double}: they are model values.
 *
 * @param houseEdgePercent the platform's house edge in percent, in [0, 100) (3 for a 97% RTP)
 * @param tick             the resolution the game shows crash points at, ≥ 0 (0.01 for the built-in games)
 */
public record CrashPointDistribution(BigDecimal houseEdgePercent, BigDecimal tick) {

    /** Crash games show multipliers to two decimals. */
    public static final BigDecimal DISPLAY_TICK = new BigDecimal("0.01");

    public CrashPointDistribution {
        if (houseEdgePercent.signum() < 0 || houseEdgePercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("a house edge is in [0, 100) percent, got " + houseEdgePercent);
        }
        if (tick.signum() < 0) {
            throw new IllegalArgumentException("a tick is never negative, got " + tick);
        }
    }

    /** The distribution of crash points shown to two decimals, for a house edge in percent. */
    public static CrashPointDistribution withHouseEdge(BigDecimal houseEdgePercent) {
        return new CrashPointDistribution(houseEdgePercent, DISPLAY_TICK);
    }

    /** RTP = 1 − house edge / 100, exact (0.97 for a 3% edge). */
    public BigDecimal returnToPlayer() {
        return BigDecimal.ONE.subtract(houseEdgePercent.movePointLeft(2));
    }

    /** P(crash ≥ x): 1 for x ≤ 1, RTP / x above. */
    public double probabilityAtLeast(BigDecimal x) {
        return x.compareTo(BigDecimal.ONE) <= 0 ? 1 : rtp() / x.doubleValue();
    }

    /** P(lower ≤ crash &lt; upper) = P(crash ≥ lower) − P(crash ≥ upper); an open upper end is +∞. */
    public double probabilityBetween(BigDecimal lower, @Nullable BigDecimal upper) {
        return probabilityAtLeast(lower) - (upper == null ? 0 : probabilityAtLeast(upper));
    }

    /** F(v) = P(shown ≤ v): 0 below 1, 1 − RTP / (v + tick) from 1 on. */
    public double cumulative(BigDecimal shown) {
        return shown.compareTo(BigDecimal.ONE) < 0 ? 0 : 1 - rtp() / shown.add(tick).doubleValue();
    }

    /** F(v−) = P(shown &lt; v): 0 up to 1, 1 − RTP / v above. */
    public double cumulativeBelow(BigDecimal shown) {
        return shown.compareTo(BigDecimal.ONE) <= 0 ? 0 : 1 - rtp() / shown.doubleValue();
    }

    /** The share of rounds shown as 1.00x: F(1) = 1 − RTP / (1 + tick); 1 − RTP for an uncut crash point. */
    public double instantCrashProbability() {
        return cumulative(BigDecimal.ONE);
    }

    private double rtp() {
        return returnToPlayer().doubleValue();
    }
}
