package com.crashanalytics.domain.session;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * A session's running totals, kept by the gateway as rounds arrive and folded in round-number order: each
 * round moves them one {@link #after step}. Everything the next step needs is here, so the totals can be
 * stored and continued later, and replaying every round from {@link #opening} gives the same numbers.
 *
 * <p>Rules: the balance is the bot's reported balance after a round when it reports one, else the previous
 * balance (or its reported balance before) plus the round's profit/loss. Peak and drawdown follow that balance;
 * the drawdown is peak − balance and the maximum drawdown and its percentage of the peak are each the largest
 * seen (they may come from different moments). Wins and losses are WIN and LOSS rounds; gross win, gross loss,
 * largest and average win and loss are over those rounds (losses as positive magnitudes); an ERROR round's money
 * counts in the total profit/loss and the balance only. Skips and errors neither extend nor break a streak.
 * Amounts computed by division are rounded half-even to 8 decimals, rates to 6, percentages to 4.
 */
public record SessionTotals(
        BigDecimal currentBalance,
        BigDecimal peakBalance,
        BigDecimal maxDrawdown,
        BigDecimal maxDrawdownPercent,
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

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final int MONEY_SCALE = 8;
    static final int RATE_SCALE = 6;
    static final int PERCENT_SCALE = 4;
    /** numeric(16,4) keeps 12 integer digits; a ratio beyond that (a tiny stake, a huge ERROR amount) is left out. */
    private static final BigDecimal MAX_PERCENT = new BigDecimal("999999999999.9999");

    /** The totals of a session before its first round. */
    public static SessionTotals opening(BigDecimal initialBalance) {
        return new SessionTotals(initialBalance, initialBalance, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, 0, 0, 0, 0);
    }

    /** The totals after one more round, and where the session stood at it. */
    public Step after(LedgerEntry round) {
        BigDecimal before = round.reportedBalanceBefore() != null ? round.reportedBalanceBefore() : currentBalance;
        boolean discontinuity = round.reportedBalanceBefore() != null
                && round.reportedBalanceBefore().compareTo(currentBalance) != 0;
        BigDecimal balance = round.reportedBalanceAfter() != null
                ? round.reportedBalanceAfter()
                : before.add(round.profitLoss());
        BigDecimal peak = peakBalance.max(balance);
        BigDecimal drawdown = peak.subtract(balance).max(BigDecimal.ZERO);
        BigDecimal drawdownPercent = peak.signum() > 0
                ? drawdown.multiply(HUNDRED).divide(peak, PERCENT_SCALE, RoundingMode.HALF_EVEN)
                : BigDecimal.ZERO;

        boolean win = round.kind() == LedgerEntry.Kind.WIN;
        boolean loss = round.kind() == LedgerEntry.Kind.LOSS;
        int winStreak = win ? currentWinStreak + 1 : loss ? 0 : currentWinStreak;
        int lossStreak = loss ? currentLossStreak + 1 : win ? 0 : currentLossStreak;
        BigDecimal lost = round.profitLoss().negate().max(BigDecimal.ZERO);

        SessionTotals next = new SessionTotals(
                balance,
                peak,
                maxDrawdown.max(drawdown),
                maxDrawdownPercent.max(drawdownPercent),
                totalRounds + 1,
                wins + (win ? 1 : 0),
                losses + (loss ? 1 : 0),
                skips + (round.kind() == LedgerEntry.Kind.SKIP ? 1 : 0),
                errors + (round.kind() == LedgerEntry.Kind.ERROR ? 1 : 0),
                totalStaked.add(round.stake()),
                totalProfitLoss.add(round.profitLoss()),
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

    /** Wins / (wins + losses): skips and errors are not bets that resolved. Null before the first resolved bet. */
    public @Nullable BigDecimal winRate() {
        int settled = wins + losses;
        return settled == 0 ? null
                : BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(settled), RATE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Total profit/loss as a percentage of the total staked; null while nothing was staked. */
    public @Nullable BigDecimal roiPercent() {
        return percentOf(totalProfitLoss, totalStaked);
    }

    public @Nullable BigDecimal averageWin() {
        return wins == 0 ? null : grossWin.divide(BigDecimal.valueOf(wins), MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    public @Nullable BigDecimal averageLoss() {
        return losses == 0 ? null : grossLoss.divide(BigDecimal.valueOf(losses), MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The drawdown now: how far the balance is below its peak. */
    public BigDecimal currentDrawdown() {
        return peakBalance.subtract(currentBalance).max(BigDecimal.ZERO);
    }

    /**
     * {@code part / whole × 100} to 4 decimals, or null when the whole is zero or the ratio is too large to be
     * meaningful (and to store).
     */
    public static @Nullable BigDecimal percentOf(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        BigDecimal percent = part.multiply(HUNDRED).divide(whole, PERCENT_SCALE, RoundingMode.HALF_EVEN);
        return percent.abs().compareTo(MAX_PERCENT) > 0 ? null : percent;
    }

    private static BigDecimal max(@Nullable BigDecimal current, BigDecimal candidate) {
        return current == null ? candidate : current.max(candidate);
    }

    /** The totals after a round, and where the session stood at that round. */
    public record Step(SessionTotals totals, RoundStanding standing) {
    }
}
