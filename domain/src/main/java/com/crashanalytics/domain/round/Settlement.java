package com.crashanalytics.domain.round;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

import com.crashanalytics.domain.session.SessionTotals;
import org.jspecify.annotations.Nullable;

/**
 * What a round's report implies about money and multipliers, derived by the gateway so a bot need not send it
 * and cannot contradict it.
 * <ul>
 *   <li>profit/loss: WIN = stake × (cash-out − 1); LOSS = −stake; SKIP = 0; ERROR = the reported amount, else 0.
 *       When the bot sends one that agrees (to its own precision), the bot's is kept: it is what the casino
 *       paid. A derived amount with more than 8 decimals is rounded half-even to 8 (a stake of 1e-8 at 1.3333x).</li>
 *   <li>cash-out amount: what came back, stake + profit for a WIN; 0 for a LOSS; none for a SKIP or an ERROR.</li>
 *   <li>ROI: profit/loss ÷ stake × 100, 4 decimals; none without a stake.</li>
 *   <li>duration: end − start in seconds, to the millisecond, when the bot sent both.</li>
 *   <li>actual multiplier: the cash-out for a WIN, else the crash multiplier; multiplier error = actual − target;
 *       hit target = a WIN cashed out at or above its target (a LOSS never does; none for SKIP and ERROR).</li>
 * </ul>
 */
public record Settlement(
        BigDecimal stake,
        BigDecimal profitLoss,
        @Nullable BigDecimal cashoutAmount,
        @Nullable BigDecimal roiPercent,
        @Nullable BigDecimal durationSeconds,
        @Nullable BigDecimal actualMultiplier,
        @Nullable Boolean hitTarget,
        @Nullable BigDecimal multiplierError) {

    static final int MONEY_SCALE = 8;
    /** The largest profit/loss {@code numeric(24,8)} keeps. */
    static final BigDecimal MAX_PROFIT_LOSS = new BigDecimal("9999999999999999.99999999");

    /** The settlement of a report that passed validation. */
    public static Settlement of(RoundReport report) {
        BigDecimal stake = report.stakeOrZero();
        BigDecimal derived = derivedProfitLoss(report.roundOutcome(), stake, report.cashoutMultiplier(), report.profitLoss());
        BigDecimal profitLoss = report.profitLoss() != null ? report.profitLoss() : toMoney(derived);
        BigDecimal cashoutAmount = switch (report.roundOutcome()) {
            case WIN -> stake.add(profitLoss);
            case LOSS -> BigDecimal.ZERO;
            case SKIP, ERROR -> null;
        };
        BigDecimal actual = report.roundOutcome() == RoundOutcome.WIN ? report.cashoutMultiplier() : report.crashMultiplier();
        BigDecimal target = report.targetMultiplier();
        Boolean hitTarget = target == null ? null : switch (report.roundOutcome()) {
            case WIN -> report.cashoutMultiplier().compareTo(target) >= 0;
            case LOSS -> false;
            case SKIP, ERROR -> null;
        };
        return new Settlement(
                stake,
                profitLoss,
                cashoutAmount,
                stake.signum() > 0 ? SessionTotals.percentOf(profitLoss, stake) : null,
                report.roundStartTimestamp() == null || report.roundEndTimestamp() == null ? null
                        : seconds(Duration.between(report.roundStartTimestamp(), report.roundEndTimestamp())),
                actual,
                hitTarget,
                actual != null && target != null ? actual.subtract(target) : null);
    }

    /** The exact profit/loss the outcome implies (not rounded); for an ERROR, the reported amount or 0. */
    static BigDecimal derivedProfitLoss(RoundOutcome outcome, BigDecimal stake, @Nullable BigDecimal cashout,
                                        @Nullable BigDecimal reported) {
        return switch (outcome) {
            case WIN -> stake.multiply(cashout.subtract(BigDecimal.ONE));
            case LOSS -> stake.negate();
            case SKIP -> BigDecimal.ZERO;
            case ERROR -> reported == null ? BigDecimal.ZERO : reported;
        };
    }

    /**
     * Whether an amount the bot sent agrees with the exact one to the precision it was sent with, and at least to
     * the cent: they differ by less than one unit of the sent amount's last decimal place (0.01 when it was sent
     * with fewer than 2 decimals). So 3.30 and 3.3 agree with 10 × 0.33, and 3.33 (a casino rounding to cents)
     * agrees with 10 × 0.3333 = 3.333; 3.40 does not agree with 3.30, nor 4 with 3.30.
     */
    public static boolean agreesToSentPrecision(BigDecimal sent, BigDecimal exact) {
        BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-Math.max(sent.scale(), 2));
        return sent.subtract(exact).abs().compareTo(unit) < 0;
    }

    static String explain(RoundOutcome outcome, BigDecimal stake, @Nullable BigDecimal cashout, BigDecimal derived) {
        return switch (outcome) {
            case WIN -> "a WIN of " + stake.toPlainString() + " cashed out at " + cashout.toPlainString()
                    + "x makes stake × (cash-out − 1) = " + derived.stripTrailingZeros().toPlainString();
            case LOSS -> "a LOSS of " + stake.toPlainString() + " loses the stake: " + derived.toPlainString();
            case SKIP -> "a SKIP places no bet: its profit/loss is 0";
            case ERROR -> "an ERROR round's profit/loss is what the bot reports";
        };
    }

    static BigDecimal toMoney(BigDecimal amount) {
        return amount.scale() > MONEY_SCALE ? amount.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN) : amount;
    }

    private static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3);
    }
}
