package com.crashanalytics.domain.session;

import java.math.BigDecimal;

import com.crashanalytics.domain.common.Ratios;
import org.jspecify.annotations.Nullable;

/**
 * A session's running totals, kept by the gateway as rounds arrive and folded in round-number order: each
 * round moves them one {@link #after step}. Everything the next step needs is here, so the totals can be
 * stored and continued later, and replaying every round from {@link #opening} gives the same numbers.
 *
 * <p>The figures are the analytics' (see {@code analytics.performance.PerformanceStats}, {@code RoundTotals},
 * {@code EquityCurve}, {@code Streaks}), kept incrementally: analytics over the session's rounds, started from the
 * session's initial balance, gives the same numbers as long as the rounds' start times are in round-number order.
 * <ul>
 *   <li><b>Equity.</b> The level peak and drawdowns are measured on is C + cumulative P/L, C being the session's
 *       initial balance ({@link #startingCapital}): the P/L the gateway validated, never the balances the bot read
 *       off its screen, so one OCR misread cannot invent a peak or a drawdown. The peak starts at C.</li>
 *   <li><b>Max drawdown</b>: the largest fall of the equity from its peak, in money (the earliest on ties), and
 *       that fall as a percentage of its own peak (null while the peak is not positive; it may exceed 100 when the
 *       bot lost more than the initial balance, i.e. played with money it did not start the session with).</li>
 *   <li><b>Balance.</b> {@link #currentBalance} is the bot's own balance: the one it reported after the last round
 *       when it reports one, else the previous balance (or its reported balance before) plus the round's P/L. It is
 *       what the bot has (deposits included) and what balance continuity is checked against; it is not the equity.</li>
 *   <li>Wins and losses are WIN and LOSS rounds; gross win, gross loss, largest and average win and loss are over
 *       those rounds (losses as positive magnitudes); an ERROR round's money counts in the total P/L, the equity and
 *       the balance only. Skips and errors neither extend nor break a streak.</li>
 *   <li>Quotients are rounded once, half-up, by {@link Ratios}: the win rate to 6 decimals, percentages to 4, money
 *       averages to 8.</li>
 * </ul>
 *
 * @param startingCapital    C, the session's initial balance: the equity before the first round
 * @param peakBalance        the highest equity so far, C at least
 * @param maxDrawdown        the largest fall of the equity from its peak so far, ≥ 0
 * @param maxDrawdownPercent that fall × 100 / its peak, 4 decimals; 0 without a fall; null while the peak is not
 *                           positive
 */
public record SessionTotals(
        BigDecimal startingCapital,
        BigDecimal currentBalance,
        BigDecimal peakBalance,
        BigDecimal maxDrawdown,
        @Nullable BigDecimal maxDrawdownPercent,
        int totalRounds,
        int wins,
        int losses,
        int skips,
        int errors,
        BigDecimal totalStaked,
        BigDecimal totalProfitLoss,
        BigDecimal grossWin,
        BigDecimal grossLoss,
        @Nullable BigDecimal largestWin,
        @Nullable BigDecimal largestLoss,
        @Nullable Integer lastRoundNumber,
        int currentWinStreak,
        int currentLossStreak,
        int longestWinStreak,
        int longestLossStreak) {

    /** The totals of a session before its first round. */
    public static SessionTotals opening(BigDecimal initialBalance) {
        return new SessionTotals(initialBalance, initialBalance, initialBalance, BigDecimal.ZERO,
                percentOfPeak(BigDecimal.ZERO, initialBalance), 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, 0, 0, 0, 0);
    }

    /** The totals after one more round, and where the session stood at it. */
    public Step after(LedgerEntry round) {
        BigDecimal before = round.reportedBalanceBefore() != null ? round.reportedBalanceBefore() : currentBalance;
        boolean discontinuity = round.reportedBalanceBefore() != null
                && round.reportedBalanceBefore().compareTo(currentBalance) != 0;
        BigDecimal balance = round.reportedBalanceAfter() != null
                ? round.reportedBalanceAfter()
                : before.add(round.profitLoss());

        BigDecimal total = totalProfitLoss.add(round.profitLoss());
        BigDecimal equity = startingCapital.add(total);
        BigDecimal peak = peakBalance.max(equity);
        BigDecimal fall = peak.subtract(equity);
        boolean deeper = fall.compareTo(maxDrawdown) > 0;

        boolean win = round.kind() == LedgerEntry.Kind.WIN;
        boolean loss = round.kind() == LedgerEntry.Kind.LOSS;
        int winStreak = win ? currentWinStreak + 1 : loss ? 0 : currentWinStreak;
        int lossStreak = loss ? currentLossStreak + 1 : win ? 0 : currentLossStreak;
        BigDecimal lost = round.profitLoss().negate().max(BigDecimal.ZERO);

        SessionTotals next = new SessionTotals(
                startingCapital,
                balance,
                peak,
                deeper ? fall : maxDrawdown,
                // Without a fall yet, "0 % of the peak" exists once the peak is positive (C may be 0).
                deeper || maxDrawdown.signum() == 0 ? percentOfPeak(maxDrawdown.max(fall), peak) : maxDrawdownPercent,
                totalRounds + 1,
                wins + (win ? 1 : 0),
                losses + (loss ? 1 : 0),
                skips + (round.kind() == LedgerEntry.Kind.SKIP ? 1 : 0),
                errors + (round.kind() == LedgerEntry.Kind.ERROR ? 1 : 0),
                totalStaked.add(round.stake()),
                total,
                win ? grossWin.add(round.profitLoss()) : grossWin,
                loss ? grossLoss.add(lost) : grossLoss,
                win ? max(largestWin, round.profitLoss()) : largestWin,
                loss ? max(largestLoss, lost) : largestLoss,
                lastRoundNumber == null ? round.roundNumber() : Math.max(lastRoundNumber, round.roundNumber()),
                winStreak,
                lossStreak,
                Math.max(longestWinStreak, winStreak),
                Math.max(longestLossStreak, lossStreak));
        return new Step(next, new RoundStanding(round.roundNumber(), before, balance, winStreak, lossStreak, discontinuity));
    }

    /** C + total P/L: the level {@link #peakBalance} and the drawdowns are measured on. */
    public BigDecimal equity() {
        return startingCapital.add(totalProfitLoss);
    }

    /** How far the equity is below its peak now. */
    public BigDecimal currentDrawdown() {
        return peakBalance.subtract(equity());
    }

    /** Wins / (wins + losses), 6 decimals: skips and errors are not bets that resolved. Null before the first. */
    public @Nullable BigDecimal winRate() {
        return Ratios.fraction(wins, wins + losses);
    }

    /** Total P/L × 100 / total staked, 4 decimals; null while nothing was staked (or beyond what is stored). */
    public @Nullable BigDecimal roiPercent() {
        return Ratios.storablePercent(totalProfitLoss, totalStaked);
    }

    /** Gross win / wins, 8 decimals; null without wins. */
    public @Nullable BigDecimal averageWin() {
        return Ratios.averageMoney(grossWin, wins);
    }

    /** Gross loss / losses, a positive magnitude to 8 decimals; null without losses. */
    public @Nullable BigDecimal averageLoss() {
        return Ratios.averageMoney(grossLoss, losses);
    }

    /** A fall as a percentage of its peak, as analytics' {@code Drawdown} takes it: none without a positive peak. */
    private static @Nullable BigDecimal percentOfPeak(BigDecimal fall, BigDecimal peak) {
        return peak.signum() > 0 ? Ratios.percent(fall, peak) : null;
    }

    private static BigDecimal max(@Nullable BigDecimal current, BigDecimal candidate) {
        return current == null ? candidate : current.max(candidate);
    }

    /** The totals after a round, and where the session stood at that round. */
    public record Step(SessionTotals totals, RoundStanding standing) {
    }
}
