package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;
import java.util.List;

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

    /** The test of values sorted ascending; null when there are none. */
    static @Nullable KolmogorovSmirnovFit of(List<BigDecimal> ascending, CrashPointDistribution theory) {
        int n = ascending.size();
        if (n == 0) {
            return null;
        }
        double statistic = 0;
        int below = 0;
        while (below < n) {
            BigDecimal value = ascending.get(below);
            int atOrBelow = below;
            while (atOrBelow < n && ascending.get(atOrBelow).compareTo(value) == 0) {
                atOrBelow++;
            }
            statistic = Math.max(statistic, Math.abs((double) atOrBelow / n - theory.cumulative(value)));
            statistic = Math.max(statistic, Math.abs((double) below / n - theory.cumulativeBelow(value)));
            below = atOrBelow;
        }
        return new KolmogorovSmirnovFit(statistic, Kolmogorov.survival(Math.sqrt(n) * statistic));
    }
}
