package com.crashanalytics.domain.round;

import java.math.BigDecimal;

/**
 * A round's result by size, stored lowercase in {@code analytics_round_outcomes.outcome_category}. Thresholds:
 * <ul>
 *   <li>{@link #BIG_WIN}: profit at least the stake (a cash-out at 2x or more);</li>
 *   <li>{@link #SMALL_WIN}: profit above 0 and below the stake;</li>
 *   <li>{@link #BREAK_EVEN}: profit/loss exactly 0 (every SKIP);</li>
 *   <li>{@link #BIG_LOSS}: a loss of at least 10% of the balance before the round;</li>
 *   <li>{@link #SMALL_LOSS}: any smaller loss.</li>
 * </ul>
 */
public enum OutcomeCategory {
    BIG_WIN,
    SMALL_WIN,
    BREAK_EVEN,
    SMALL_LOSS,
    BIG_LOSS;

    private static final BigDecimal BIG_LOSS_SHARE_OF_BALANCE = new BigDecimal("0.10");

    public static OutcomeCategory of(BigDecimal profitLoss, BigDecimal stake, BigDecimal balanceBefore) {
        if (profitLoss.signum() > 0) {
            return profitLoss.compareTo(stake) >= 0 ? BIG_WIN : SMALL_WIN;
        }
        if (profitLoss.signum() == 0) {
            return BREAK_EVEN;
        }
        BigDecimal loss = profitLoss.negate();
        return loss.compareTo(balanceBefore.multiply(BIG_LOSS_SHARE_OF_BALANCE)) >= 0 ? BIG_LOSS : SMALL_LOSS;
    }

    /** The seed's spelling, as stored: {@code big_win}, {@code small_loss}, ... */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static OutcomeCategory fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
