package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;

import com.crashanalytics.domain.common.Ratios;
import org.jspecify.annotations.Nullable;

/**
 * The order-independent part of performance: counts and exact money sums, and the figures derived from them. Every
 * component is a plain SQL aggregate ({@code count(*) FILTER (WHERE round_outcome = 'WIN')},
 * {@code sum(stake_value)}, {@code max(profit_loss_amount) FILTER (…)}), and every derived figure is one division of
 * those, rounded once by {@link Ratios}.
 * <p>
 * A <em>win</em> is a WIN round and a <em>loss</em> a LOSS round: outcome decides, not the sign of the P/L.
 * ERROR rounds count in the totals of money (their P/L is real money) but are neither wins nor losses.
 *
 * @param rounds          every round: WIN, LOSS, SKIP and ERROR
 * @param wins            WIN rounds
 * @param losses          LOSS rounds
 * @param skips           SKIP rounds
 * @param errors          ERROR rounds
 * @param totalStaked     Σ stake over every round (a SKIP stakes 0; an ERROR counts with the stake it logged)
 * @param totalProfitLoss Σ P/L over every round
 * @param grossWin        Σ P/L over WIN rounds (≥ 0)
 * @param grossLoss       −Σ P/L over LOSS rounds, a positive magnitude
 * @param largestWin      max P/L over WIN rounds; null without wins
 * @param largestLoss     max(−P/L) over LOSS rounds, a positive magnitude; null without losses
 */
public record RoundTotals(
        long rounds,
        long wins,
        long losses,
        long skips,
        long errors,
        BigDecimal totalStaked,
        BigDecimal totalProfitLoss,
        BigDecimal grossWin,
        BigDecimal grossLoss,
        @Nullable BigDecimal largestWin,
        @Nullable BigDecimal largestLoss) {

    public static final RoundTotals NONE = new RoundTotals(0, 0, 0, 0, 0,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null);

    public static RoundTotals of(Iterable<RoundResult> rounds) {
        RoundTotals totals = NONE;
        for (RoundResult round : rounds) {
            totals = totals.with(round);
        }
        return totals;
    }

    /** These totals with one more round counted. */
    public RoundTotals with(RoundResult round) {
        BigDecimal profitLoss = round.profitLoss();
        BigDecimal staked = totalStaked.add(round.stake());
        BigDecimal total = totalProfitLoss.add(profitLoss);
        return switch (round.outcome()) {
            case WIN -> new RoundTotals(rounds + 1, wins + 1, losses, skips, errors, staked, total,
                    grossWin.add(profitLoss), grossLoss, max(largestWin, profitLoss), largestLoss);
            case LOSS -> new RoundTotals(rounds + 1, wins, losses + 1, skips, errors, staked, total,
                    grossWin, grossLoss.subtract(profitLoss), largestWin, max(largestLoss, profitLoss.negate()));
            case SKIP -> new RoundTotals(rounds + 1, wins, losses, skips + 1, errors, staked, total,
                    grossWin, grossLoss, largestWin, largestLoss);
            case ERROR -> new RoundTotals(rounds + 1, wins, losses, skips, errors + 1, staked, total,
                    grossWin, grossLoss, largestWin, largestLoss);
        };
    }

    /** Bets that resolved: wins + losses. */
    public long settledBets() {
        return wins + losses;
    }

    /** wins / (wins + losses), a fraction to 6 decimals; null without settled bets. */
    public @Nullable BigDecimal winRate() {
        return Ratios.fraction(wins, settledBets());
    }

    /** Return on investment: total P/L × 100 / total staked, a percentage to 4 decimals; null when nothing was staked. */
    public @Nullable BigDecimal roiPercent() {
        return Ratios.percent(totalProfitLoss, totalStaked);
    }

    /** total P/L / rounds (every round, SKIP and ERROR included), to 8 decimals; null without rounds. */
    public @Nullable BigDecimal averageProfitLoss() {
        return Ratios.averageMoney(totalProfitLoss, rounds);
    }

    /** gross win / gross loss, a fraction to 6 decimals; null when the gross loss is 0 (no losses). */
    public @Nullable BigDecimal profitFactor() {
        return Ratios.fraction(grossWin, grossLoss);
    }

    /**
     * What a settled bet earns on average: (gross win − gross loss) / (wins + losses), to 8 decimals; null without
     * settled bets. The same as win rate × average win − loss rate × average loss, computed without the rounding
     * of its factors.
     */
    public @Nullable BigDecimal expectancy() {
        return Ratios.averageMoney(grossWin.subtract(grossLoss), settledBets());
    }

    /** gross win / wins, to 8 decimals; null without wins. */
    public @Nullable BigDecimal averageWin() {
        return Ratios.averageMoney(grossWin, wins);
    }

    /** gross loss / losses, a positive magnitude to 8 decimals; null without losses. */
    public @Nullable BigDecimal averageLoss() {
        return Ratios.averageMoney(grossLoss, losses);
    }

    private static BigDecimal max(@Nullable BigDecimal current, BigDecimal candidate) {
        return current == null || candidate.compareTo(current) > 0 ? candidate : current;
    }
}
