package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;

import com.crashanalytics.domain.analytics.statistics.Kolmogorov;
import org.jspecify.annotations.Nullable;

/**
 * The Kolmogorov–Smirnov test of the crash multipliers against the theoretical CDF F of
 * {@link CrashPointDistribution}: D = sup over x of |Fₙ(x) − F(x)|, Fₙ the empirical CDF.
 * <p>
 * F jumps (the atom at 1.00, and every tick when shown values are cut), so the supremum is taken at both sides of
 * every distinct observed value v: D = max over v of max(|Fₙ(v) − F(v)|, |Fₙ(v−) − F(v−)|), with
 * Fₙ(v) = #{x ≤ v} / n and Fₙ(v−) = #{x &lt; v} / n. Between observations Fₙ is flat and F rises, so these ends
 * bound every gap, and below the first and above the last value the same two terms cover the tails.
 * <p>
 * p-value: the asymptotic Kolmogorov distribution, Q(√n · D). For a distribution with jumps it is conservative (a
 * fair game is rejected less often than the nominal rate), which suits an alarm.
 *
 * @param statistic D
 * @param pValue    Q(√n · D)
 */
public record KolmogorovSmirnovFit(double statistic, double pValue) {

    /** The test of a histogram: n values, {@code countsByValue} of each distinct value; null when n = 0. */
    public static @Nullable KolmogorovSmirnovFit of(SortedMap<BigDecimal, Long> countsByValue, long n,
                                             CrashPointDistribution theory) {
        if (n == 0) {
            return null;
        }
        double statistic = 0;
        long below = 0;
        for (Map.Entry<BigDecimal, Long> entry : countsByValue.entrySet()) {
            BigDecimal value = entry.getKey();
            long atOrBelow = below + entry.getValue();
            statistic = Math.max(statistic, Math.abs((double) atOrBelow / n - theory.cumulative(value)));
            statistic = Math.max(statistic, Math.abs((double) below / n - theory.cumulativeBelow(value)));
            below = atOrBelow;
        }
        return new KolmogorovSmirnovFit(statistic, Kolmogorov.survival(Math.sqrt(n) * statistic));
    }
}
