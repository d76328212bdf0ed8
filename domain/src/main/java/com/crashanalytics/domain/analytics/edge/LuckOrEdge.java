package com.crashanalytics.domain.analytics.edge;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import com.crashanalytics.domain.analytics.statistics.Gamma;
import org.jspecify.annotations.Nullable;

/**
 * Is a bot's (or strategy's) return distinguishable from the house edge?
 * <p>
 * Whatever the cash-out target x, a bet of one unit on the crash law P(crash ≥ x) = RTP / x returns
 * x · RTP / x − 1 = RTP − 1 on average, and any staking rule is a sum of such bets, so the per-bet return
 * r = P/L ÷ stake has mean RTP − 1 under "no edge". The test compares the mean r̄ of the n bets with the
 * bets-weighted RTP − 1 of their platforms: z = (r̄ − (RTP − 1)) / (s / √n) with the sample standard deviation s,
 * two-sided p = erfc(|z| / √2) (large-sample normal test; with n in the hundreds the mean of even a skewed return is
 * close to normal). The mean r̄ is the ROI of staking one unit on every bet, so the stake sizes (a martingale's
 * doubling) cannot make luck look like skill.
 * <p>
 * Rounds to tell: if the bets go on with the same mean and spread, the standard error falls as 1 / √n, so the test
 * reaches level α after n · (z_α / z)² bets; the answer is how many more than n (0 when already told, null when r̄ is
 * exactly RTP − 1: never).
 */
public record LuckOrEdge(long bets, @Nullable Double meanReturnPerUnit, @Nullable Double houseEdgeReturnPerUnit,
                         @Nullable Double excessReturnPerUnit, @Nullable Double standardError,
                         @Nullable Double zScore, @Nullable Double pValue,
                         @Nullable Double confidenceLow95, @Nullable Double confidenceHigh95,
                         @Nullable Long moreBetsToTellAt5Percent, @Nullable Long moreBetsToTellAt1Percent,
                         LuckVerdict verdict) {

    /** z with P(|Z| > z) = 0.05 and 0.01 for a standard normal Z. */
    static final double Z_5_PERCENT = 1.959963984540054;
    static final double Z_1_PERCENT = 2.5758293035489004;

    public static LuckOrEdge of(List<PlatformBetSums> platforms) {
        long n = 0;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal sumOfSquares = BigDecimal.ZERO;
        BigDecimal sumOfEdges = BigDecimal.ZERO;
        for (PlatformBetSums platform : platforms) {
            n += platform.bets();
            sum = sum.add(platform.sumOfReturns());
            sumOfSquares = sumOfSquares.add(platform.sumOfSquaredReturns());
            sumOfEdges = sumOfEdges.add(platform.returnToPlayer().subtract(BigDecimal.ONE)
                    .multiply(BigDecimal.valueOf(platform.bets())));
        }
        if (n == 0) {
            return new LuckOrEdge(0, null, null, null, null, null, null, null, null, null, null, LuckVerdict.TOO_FEW_BETS);
        }
        BigDecimal count = BigDecimal.valueOf(n);
        double mean = sum.divide(count, MathContext.DECIMAL64).doubleValue();
        double edge = sumOfEdges.divide(count, MathContext.DECIMAL64).doubleValue();
        double excess = mean - edge;
        // (Σ r² − (Σ r)² / n) / (n − 1), exact in decimals before the one conversion (no cancellation in doubles).
        BigDecimal squaredDeviations = sumOfSquares.subtract(sum.multiply(sum).divide(count, MathContext.DECIMAL128));
        if (n < 2 || squaredDeviations.signum() <= 0) {
            return new LuckOrEdge(n, mean, edge, excess, null, null, null, null, null, null, null, LuckVerdict.TOO_FEW_BETS);
        }
        double deviation = Math.sqrt(squaredDeviations.doubleValue() / (n - 1));
        double standardError = deviation / Math.sqrt(n);
        double z = excess / standardError;
        double p = twoSidedNormalPValue(z);
        LuckVerdict verdict = p >= 0.05 ? LuckVerdict.INDISTINGUISHABLE_FROM_LUCK
                : z > 0 ? LuckVerdict.BEATS_THE_HOUSE_EDGE : LuckVerdict.WORSE_THAN_THE_HOUSE_EDGE;
        return new LuckOrEdge(n, mean, edge, excess, standardError, z, p,
                mean - Z_5_PERCENT * standardError, mean + Z_5_PERCENT * standardError,
                moreBetsToTell(n, z, Z_5_PERCENT), moreBetsToTell(n, z, Z_1_PERCENT), verdict);
    }

    /** P(|Z| ≥ |z|) = erfc(|z| / √2) = Q(1/2, z² / 2), the upper regularized incomplete gamma function. */
    static double twoSidedNormalPValue(double z) {
        return Gamma.regularizedUpper(0.5, z * z / 2);
    }

    /** Bets beyond n for |z| to reach the critical value if mean and spread stay as they are; null: never. */
    static @Nullable Long moreBetsToTell(long n, double z, double critical) {
        if (z == 0) {
            return null;
        }
        double needed = Math.ceil(n * (critical / z) * (critical / z));
        return Math.max(0, (long) needed - n);
    }
}
