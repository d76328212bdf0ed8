package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Risk-adjusted return of a series' bets, per round, with no annualisation and a risk-free rate (and a Sortino
 * target) of 0.
 * <p>
 * The <b>per-round return</b> of a bet (a round with stake &gt; 0, any outcome) is rᵢ = P/Lᵢ / stakeᵢ: +1 for a win
 * at 2.00x, −1 for a loss; rounds without a stake have no return and are left out. Over the n returns, with
 * mean r̄ = Σ rᵢ / n:
 * <ul>
 *   <li><b>Sharpe</b> = r̄ / s, s the sample standard deviation √(Σ (rᵢ − r̄)² / (n − 1))
 *       ({@code avg(r) / stddev_samp(r)});</li>
 *   <li><b>Sortino</b> = r̄ / d, d the downside deviation below 0 over <em>all</em> n returns,
 *       √(Σ min(rᵢ, 0)² / n) ({@code avg(r) / sqrt(avg(least(r, 0) ^ 2))}), the Sortino–Price definition; dividing by
 *       the count of negative returns instead would overstate the risk of a mostly winning series.</li>
 * </ul>
 * Both are null with fewer than 2 returns or a zero denominator (no spread; no losing bet). Returns and sums are
 * carried in 34 significant digits, the ratios are {@code double}.
 *
 * @param bets    n, the number of returns
 * @param sharpe  the Sharpe ratio, or null
 * @param sortino the Sortino ratio, or null
 */
public record ReturnRatios(long bets, @Nullable Double sharpe, @Nullable Double sortino) {

    private static final MathContext DIGITS = MathContext.DECIMAL128;

    public static ReturnRatios of(RoundSeries series) {
        return ofReturns(series.rounds().stream()
                .filter(RoundResult::isBet)
                .map(round -> round.profitLoss().divide(round.stake(), DIGITS))
                .toList());
    }

    /** The ratios of any series of returns (per bet, per round of equity, per day), in 34 significant digits. */
    public static ReturnRatios ofReturns(List<BigDecimal> returns) {
        long n = returns.size();
        if (n < 2) {
            return new ReturnRatios(n, null, null);
        }
        BigDecimal count = BigDecimal.valueOf(n);
        BigDecimal mean = returns.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(count, DIGITS);
        BigDecimal squaredDeviations = BigDecimal.ZERO;
        BigDecimal squaredShortfalls = BigDecimal.ZERO;
        for (BigDecimal r : returns) {
            BigDecimal deviation = r.subtract(mean);
            squaredDeviations = squaredDeviations.add(deviation.multiply(deviation, DIGITS));
            if (r.signum() < 0) {
                squaredShortfalls = squaredShortfalls.add(r.multiply(r, DIGITS));
            }
        }
        BigDecimal deviation = squaredDeviations.divide(BigDecimal.valueOf(n - 1), DIGITS).sqrt(DIGITS);
        BigDecimal downside = squaredShortfalls.divide(count, DIGITS).sqrt(DIGITS);
        return new ReturnRatios(n, ratio(mean, deviation), ratio(mean, downside));
    }

    /**
     * The same ratios from the sums SQL aggregates over the n returns: Σ r, Σ r² and Σ min(r, 0)². Exact arithmetic
     * gives exactly {@link #of(RoundSeries)}: Σ (r − r̄)² = Σ r² − (Σ r)² / n.
     */
    public static ReturnRatios fromSums(long n, BigDecimal sumOfReturns, BigDecimal sumOfSquares,
                                        BigDecimal sumOfSquaredShortfalls) {
        if (n < 2) {
            return new ReturnRatios(n, null, null);
        }
        BigDecimal count = BigDecimal.valueOf(n);
        BigDecimal mean = sumOfReturns.divide(count, DIGITS);
        BigDecimal squaredDeviations = sumOfSquares.subtract(sumOfReturns.multiply(sumOfReturns, DIGITS).divide(count, DIGITS));
        // Rounding of a non-terminating return may leave a spread of a few units in the 34th digit below zero.
        BigDecimal deviation = squaredDeviations.signum() <= 0 ? BigDecimal.ZERO
                : squaredDeviations.divide(BigDecimal.valueOf(n - 1), DIGITS).sqrt(DIGITS);
        BigDecimal downside = sumOfSquaredShortfalls.divide(count, DIGITS).sqrt(DIGITS);
        return new ReturnRatios(n, ratio(mean, deviation), ratio(mean, downside));
    }

    private static @Nullable Double ratio(BigDecimal mean, BigDecimal spread) {
        return spread.signum() == 0 ? null : mean.divide(spread, DIGITS).doubleValue();
    }
}
