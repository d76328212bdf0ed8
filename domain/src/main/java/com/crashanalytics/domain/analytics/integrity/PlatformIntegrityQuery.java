package com.crashanalytics.domain.analytics.integrity;

import java.math.BigDecimal;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.common.DecimalLimits;
import com.crashanalytics.domain.common.Violations;

/**
 * The parameters of a platform integrity check, self-validating: the game and platform, the target x whose
 * P(crash ≥ x) the CUSUM watches, the relative shift of that probability it tests for, the threshold that flags it,
 * the tolerance within which two readings of one crash agree, and how many of the largest disagreements to list.
 */
public record PlatformIntegrityQuery(String game, String platform, BigDecimal target, double shift, double threshold,
                                     BigDecimal tolerance, int largestDisagreements, TimeWindow window) {

    public static final int MAX_DISAGREEMENTS = 100;
    private static final BigDecimal LOWEST_TARGET = new BigDecimal("1.01");

    public PlatformIntegrityQuery {
        Violations violations = new Violations()
                .code("game", game, 50)
                .code("platform", platform, 50)
                .multiplier("target", target)
                .amount("tolerance", tolerance, DecimalLimits.MULTIPLIER);
        if (!violations.hasViolationOn("target")) {
            violations.check(target.compareTo(LOWEST_TARGET) >= 0, "target", "MIN_TARGET",
                    "a target is at least 1.01 (got " + target.toPlainString() + ")");
        }
        violations.check(shift > 0 && shift < 1, "shift", "OPEN_UNIT_INTERVAL",
                        "must be above 0 and below 1 (got " + shift + ")")
                .check(threshold > 0 && Double.isFinite(threshold), "threshold", "POSITIVE",
                        "must be a finite number above 0 (got " + threshold + ")")
                .check(largestDisagreements >= 0 && largestDisagreements <= MAX_DISAGREEMENTS, "largestDisagreements",
                        "RANGE", "must be between 0 and " + MAX_DISAGREEMENTS + " (got " + largestDisagreements + ")")
                .throwIfAny();
    }

    /**
     * Checked once the platform's RTP is known: the rose side tests p₀ · (1 + shift), which must stay a probability
     * below 1 (at a low target RTP / x is close to 1 already).
     */
    public void checkShiftFits(BigDecimal returnToPlayer) {
        double p0 = returnToPlayer.doubleValue() / target.doubleValue();
        new Violations().check(p0 * (1 + shift) < 1, "shift", "PROBABILITY_ABOVE_ONE",
                "RTP / target × (1 + shift) = " + p0 * (1 + shift) + " is not a probability below 1: lower the shift or "
                        + "raise the target").throwIfAny();
    }
}
