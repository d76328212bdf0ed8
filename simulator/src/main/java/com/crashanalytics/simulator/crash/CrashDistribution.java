package com.crashanalytics.simulator.crash;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The law of a provably fair crash game: {@code P(crash ≥ x) = rtp / x} for every displayed multiplier
 * {@code x ≥ 1.01} up to the game's cap. So at 97% RTP, P(≥2x) = 48.5%, P(≥10x) = 9.7%, 3% of rounds crash
 * instantly and another ~0.96% fly but crash below 1.01x: 1 − 0.97 / 1.01 ≈ 3.96% show 1.00x.
 *
 * <p>A crash point comes from a uniform draw {@code u = bits / 2^52} (52 bits, as Bustabit-style games take 13 hex
 * digits of a hash): {@code crash = floor(100 · rtp / (1 − u)) / 100}, at least 1.00, at most the cap. The
 * arithmetic is exact (integers and decimals, no double), so anyone re-deriving a crash point from its seeds gets
 * the same two decimals, even on a boundary such as exactly 2.00.
 *
 * @param rtp           the return to player, e.g. 0.97 (house edge 3%); in (0, 1]
 * @param maxMultiplier the game's cap, at least 1.01 and with at most 2 decimals; every draw above it shows the cap
 */
public record CrashDistribution(BigDecimal rtp, BigDecimal maxMultiplier) {

    public static final BigDecimal DEFAULT_RTP = new BigDecimal("0.97");
    public static final BigDecimal DEFAULT_MAX_MULTIPLIER = new BigDecimal("1000000.00");
    /** Aviator, Aviatrix and JetX: 97% RTP. */
    public static final CrashDistribution STANDARD = new CrashDistribution(DEFAULT_RTP, DEFAULT_MAX_MULTIPLIER);

    /** How many random bits make one draw. */
    public static final int BITS = 52;
    private static final BigDecimal SPAN = new BigDecimal(BigInteger.ONE.shiftLeft(BITS));
    private static final BigDecimal ONE = new BigDecimal("1.00");

    public CrashDistribution {
        if (rtp.signum() <= 0 || rtp.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("rtp must be in (0, 1], got " + rtp.toPlainString());
        }
        if (maxMultiplier.compareTo(new BigDecimal("1.01")) < 0 || maxMultiplier.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(
                    "the cap must be at least 1.01 with at most 2 decimals, got " + maxMultiplier.toPlainString());
        }
        maxMultiplier = maxMultiplier.setScale(2);
    }

    public static CrashDistribution withRtp(BigDecimal rtp) {
        return new CrashDistribution(rtp, DEFAULT_MAX_MULTIPLIER);
    }

    /**
     * The crash point for a draw of {@value #BITS} uniform bits.
     *
     * @param nonce the round's position, carried into the result
     * @param bits  a value in {@code [0, 2^52)}
     */
    public CrashPoint crashPoint(long nonce, long bits) {
        if (bits < 0 || bits >= (1L << BITS)) {
            throw new IllegalArgumentException("a draw has " + BITS + " bits, got " + bits);
        }
        // rtp / (1 − u) = rtp · 2^52 / (2^52 − bits), with 2^52 − bits ≥ 1.
        BigDecimal remaining = SPAN.subtract(BigDecimal.valueOf(bits));
        BigDecimal scaledRtp = rtp.multiply(SPAN);
        boolean instant = scaledRtp.compareTo(remaining) < 0;
        BigDecimal hundredths = scaledRtp.movePointRight(2).divide(remaining, 0, RoundingMode.FLOOR);
        BigDecimal multiplier = hundredths.movePointLeft(2).max(ONE).min(maxMultiplier);
        return new CrashPoint(nonce, multiplier, instant);
    }

    /** The theoretical {@code P(crash ≥ x)} for a displayed multiplier x: 1 up to 1.00, rtp / x up to the cap. */
    public double probabilityAtLeast(BigDecimal x) {
        if (x.compareTo(BigDecimal.ONE) <= 0) {
            return 1.0;
        }
        if (x.compareTo(maxMultiplier) > 0) {
            return 0.0;
        }
        return rtp.doubleValue() / x.doubleValue();
    }

    /** The share of rounds that crash the moment they start: the house edge, {@code 1 − rtp}. */
    public double instantCrashProbability() {
        return 1.0 - rtp.doubleValue();
    }
}
