package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.common.Violations;

/**
 * Which percentiles of the crash multipliers to report, as fractions in [0, 1] (0.5 is the median). Self-validating
 * under the argument name {@code percentiles}.
 *
 * @param fractions the fractions, in the order they are reported
 */
public record PercentileFractions(List<BigDecimal> fractions) {

    public static final int MAX_FRACTIONS = 50;

    /** Quartiles, 90th, 95th and 99th. */
    public static final PercentileFractions DEFAULT = new PercentileFractions(List.of(
            new BigDecimal("0.25"), new BigDecimal("0.5"), new BigDecimal("0.75"), new BigDecimal("0.9"),
            new BigDecimal("0.95"), new BigDecimal("0.99")));

    public PercentileFractions {
        Violations violations = new Violations();
        violations.check(fractions.size() <= MAX_FRACTIONS, "percentiles", "MAX_SIZE",
                "may ask for at most " + MAX_FRACTIONS + " percentiles (got " + fractions.size() + ")");
        for (int i = 0; i < fractions.size(); i++) {
            BigDecimal fraction = fractions.get(i);
            violations.check(fraction.signum() >= 0 && fraction.compareTo(BigDecimal.ONE) <= 0,
                    "percentiles[" + i + "]", "UNIT_INTERVAL",
                    "a percentile is a fraction between 0 and 1 (got " + fraction.toPlainString() + ")");
        }
        violations.throwIfAny();
        fractions = List.copyOf(fractions);
    }
}
