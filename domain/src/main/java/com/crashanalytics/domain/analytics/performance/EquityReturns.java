package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.common.Ratios;
import org.jspecify.annotations.Nullable;

/**
 * Returns on the money a bot had at stake, as a fund reports them, so their sign agrees with the money.
 * <p>
 * <b>Equity.</b> Each session brings its own capital: its equity before its first round is its initial balance (plus
 * the net capital its bot reported moving in or out before the round, and the P/L of its rounds before the series, when
 * the series is a window), and each round moves it by its P/L: Eᵢ₊₁ = Eᵢ + P/Lᵢ. Initial balances and capital flows
 * are never P/L; P/L is the validated figure, never a balance read off the screen.
 * <p>
 * <b>Equity return</b> of round i (every outcome; a SKIP returns 0): rᵢ = P/Lᵢ / Eᵢ, the equity of the round's session
 * before it, floored at −1 (a loss never takes more than everything). A round whose session's equity is not positive
 * (bust) or unknown has no return.
 * <ul>
 *   <li><b>Per-round Sharpe and Sortino</b>: {@link ReturnRatios} of the rᵢ (risk-free rate 0, not annualised).</li>
 *   <li><b>Time-weighted return</b>: Π (1 + rᵢ) − 1 over the series, in percent to 4 decimals: what one unit kept in the
 *       bots from the first round to the last became, whatever capital was added or withdrawn meanwhile.</li>
 *   <li><b>Drawdown % of peak equity</b>: with the growth index Vᵢ = Π_{j≤i} (1 + rⱼ) (V₀ = 1), the largest
 *       (maxⱼ≤ᵢ Vⱼ − Vᵢ) / maxⱼ≤ᵢ Vⱼ, in percent to 4 decimals; never above 100 (bust), since V ≥ 0, and for one session
 *       without capital flows exactly the fall of its equity from its peak, in percent of the peak.</li>
 *   <li><b>Per-day Sharpe and Sortino</b>: of the daily returns gₐ = Π_{rounds of UTC day d} (1 + rᵢ) − 1 (days with a
 *       return only); annualised on request by × √365 (crash games play every day of the year).</li>
 * </ul>
 * SQL (see the persistence adapter) multiplies growth in double precision as exp(Σ ln(1 + rᵢ)); this class in 34
 * significant digits. They agree to far below the 4 decimals of the percentages.
 *
 * @param perRound              Sharpe and Sortino of the per-round equity returns ({@code bets} = rounds with a return)
 * @param perDay                Sharpe and Sortino of the daily returns ({@code bets} = days with a return)
 * @param timeWeightedReturnPercent Π (1 + r) − 1 in percent; null without returns
 * @param maxDrawdownPercent    the largest fall of the growth index from its peak, in percent; null without returns
 * @param currentDrawdownPercent the fall of the growth index after the last round from its peak; null without returns
 */
public record EquityReturns(
        ReturnRatios perRound,
        ReturnRatios perDay,
        @Nullable BigDecimal timeWeightedReturnPercent,
        @Nullable BigDecimal maxDrawdownPercent,
        @Nullable BigDecimal currentDrawdownPercent) {

    /** Days a year a crash game plays, the factor √365 annualises a daily ratio by. */
    public static final int DAYS_PER_YEAR = 365;

    public static final EquityReturns NONE = new EquityReturns(new ReturnRatios(0, null, null),
            new ReturnRatios(0, null, null), null, null, null);

    private static final MathContext DIGITS = MathContext.DECIMAL128;
    private static final BigDecimal MINUS_ONE = BigDecimal.ONE.negate();

    /**
     * The equity returns of a series, each session standing on {@code equityAtStart}: its equity before its first
     * round in the series, capital flows left out (a session missing from the map has no known capital, so its rounds
     * have no return); each flow counts from the first round that starts at or after it.
     */
    public static EquityReturns of(RoundSeries series, Map<String, BigDecimal> equityAtStart, List<CapitalFlow> flows) {
        Map<String, BigDecimal> equity = new HashMap<>(equityAtStart);
        List<CapitalFlow> pending = new ArrayList<>(flows);
        pending.sort(Comparator.comparing(CapitalFlow::occurredAt));
        int nextFlow = 0;
        List<BigDecimal> returns = new ArrayList<>();
        Map<LocalDate, BigDecimal> dailyGrowth = new LinkedHashMap<>();
        BigDecimal index = BigDecimal.ONE;
        BigDecimal peak = BigDecimal.ONE;
        BigDecimal worstFall = BigDecimal.ZERO;
        for (RoundResult round : series.rounds()) {
            for (; nextFlow < pending.size() && !pending.get(nextFlow).occurredAt().isAfter(round.startedAt()); nextFlow++) {
                CapitalFlow flow = pending.get(nextFlow);
                equity.computeIfPresent(flow.sessionId(), (session, level) -> level.add(flow.amount()));
            }
            BigDecimal before = equity.get(round.sessionId());
            if (before == null) {
                continue;
            }
            equity.put(round.sessionId(), before.add(round.profitLoss()));
            if (before.signum() <= 0) {
                continue;
            }
            BigDecimal r = round.profitLoss().divide(before, DIGITS).max(MINUS_ONE);
            BigDecimal growth = BigDecimal.ONE.add(r);
            returns.add(r);
            dailyGrowth.merge(LocalDate.ofInstant(round.startedAt(), ZoneOffset.UTC), growth,
                    (a, b) -> a.multiply(b, DIGITS));
            index = index.multiply(growth, DIGITS);
            peak = peak.max(index);
            BigDecimal fall = BigDecimal.ONE.subtract(index.divide(peak, DIGITS));
            worstFall = worstFall.max(fall);
        }
        if (returns.isEmpty()) {
            return NONE;
        }
        List<BigDecimal> daily = dailyGrowth.values().stream().map(g -> g.subtract(BigDecimal.ONE)).toList();
        return new EquityReturns(ReturnRatios.ofReturns(returns), ReturnRatios.ofReturns(daily),
                Ratios.percent(index.subtract(BigDecimal.ONE), BigDecimal.ONE),
                Ratios.percent(worstFall, BigDecimal.ONE),
                Ratios.percent(peak.subtract(index), peak));
    }

    /**
     * The figures from what SQL aggregates: per-round sums of r (see {@link ReturnRatios#fromSums}), per-day sums of
     * g, the final growth index V and the largest and current falls of V as fractions of its peak.
     */
    public static EquityReturns fromSums(ReturnRatios perRound, ReturnRatios perDay, @Nullable BigDecimal finalIndex,
                                         @Nullable BigDecimal maxFall, @Nullable BigDecimal currentFall) {
        if (perRound.bets() == 0 || finalIndex == null) {
            return NONE;
        }
        return new EquityReturns(perRound, perDay, Ratios.percent(finalIndex.subtract(BigDecimal.ONE), BigDecimal.ONE),
                Ratios.percent(maxFall == null ? BigDecimal.ZERO : maxFall, BigDecimal.ONE),
                Ratios.percent(currentFall == null ? BigDecimal.ZERO : currentFall, BigDecimal.ONE));
    }

    /** The per-day Sharpe ratio × √365, or as is when not {@code annualised}; null when undefined. */
    public @Nullable Double dailySharpe(boolean annualised) {
        return scaled(perDay.sharpe(), annualised);
    }

    /** The per-day Sortino ratio × √365, or as is when not {@code annualised}; null when undefined. */
    public @Nullable Double dailySortino(boolean annualised) {
        return scaled(perDay.sortino(), annualised);
    }

    private static @Nullable Double scaled(@Nullable Double ratio, boolean annualised) {
        if (ratio == null || !annualised) {
            return ratio; // not in one conditional expression with a double: that would unbox the null
        }
        return ratio * Math.sqrt(DAYS_PER_YEAR);
    }
}
