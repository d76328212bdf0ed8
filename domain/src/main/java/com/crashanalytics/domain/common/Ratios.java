package com.crashanalytics.domain.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * How the gateway divides exact figures, wherever it does (a round's ROI, a session's running totals, analytics):
 * one rounding, {@link #ROUNDING} ({@code HALF_UP}, ties away from zero), to a scale fixed per kind of figure.
 * {@code HALF_UP} and not the banker's {@code HALF_EVEN} because PostgreSQL's {@code round(numeric, s)} and its casts
 * to {@code numeric(p, s)} columns round ties away from zero, and the SQL must land on the same digits:
 * {@code round(a / b, s)}, or {@code round(a * 100 / b, 4)} for a percentage. Every quotient is null when its
 * divisor is zero: "no data" is not a number.
 * <p>
 * Lives in {@code common} so the session's running totals and the analytics (which depends on the session through
 * the round area) divide alike, from one class.
 */
public final class Ratios {

    /** Ties away from zero, as PostgreSQL rounds numerics. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    /** Fractions such as a win rate (0.583333) or a profit factor: 6 decimals, as {@code session_logs.win_rate}. */
    public static final int FRACTION_SCALE = 6;
    /** Percentages such as ROI or drawdown %: 4 decimals (the fraction to 6), as the {@code *_percent} columns. */
    public static final int PERCENT_SCALE = 4;
    /** Averages of money: 8 decimals, the scale money is stored with. */
    public static final int MONEY_SCALE = 8;
    /** Statistics of multipliers (mean, percentiles) and of round counts (mean gap): 6 decimals. */
    public static final int STATISTIC_SCALE = 6;
    /** The largest percentage the {@code numeric(16,4)} ROI columns keep (12 integer digits). */
    public static final BigDecimal MAX_STORED_PERCENT = new BigDecimal("999999999999.9999");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Ratios() {
    }

    /** {@code round(numerator / denominator, 6)}; null when the denominator is zero. */
    public static @Nullable BigDecimal fraction(BigDecimal numerator, BigDecimal denominator) {
        return divide(numerator, denominator, FRACTION_SCALE);
    }

    /** {@code round(numerator / denominator, 6)} of two counts; null when the denominator is zero. */
    public static @Nullable BigDecimal fraction(long numerator, long denominator) {
        return fraction(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /** {@code round(numerator * 100 / denominator, 4)}; null when the denominator is zero. */
    public static @Nullable BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
        return divide(numerator.multiply(HUNDRED), denominator, PERCENT_SCALE);
    }

    /**
     * {@link #percent}, but null also beyond ±{@link #MAX_STORED_PERCENT}, the range of the {@code numeric(16,4)}
     * ROI columns: a ratio that large (a tiny stake against a huge ERROR amount) means nothing and cannot be stored.
     */
    public static @Nullable BigDecimal storablePercent(BigDecimal numerator, BigDecimal denominator) {
        BigDecimal percent = percent(numerator, denominator);
        return percent == null || percent.abs().compareTo(MAX_STORED_PERCENT) > 0 ? null : percent;
    }

    /** An average amount of money, {@code round(total / count, 8)}; null when the count is zero. */
    public static @Nullable BigDecimal averageMoney(BigDecimal total, long count) {
        return divide(total, BigDecimal.valueOf(count), MONEY_SCALE);
    }

    /** A statistic of multipliers or counts, {@code round(total / count, 6)}; null when the count is zero. */
    public static @Nullable BigDecimal averageStatistic(BigDecimal total, long count) {
        return divide(total, BigDecimal.valueOf(count), STATISTIC_SCALE);
    }

    private static @Nullable BigDecimal divide(BigDecimal numerator, BigDecimal denominator, int scale) {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, scale, ROUNDING);
    }
}
