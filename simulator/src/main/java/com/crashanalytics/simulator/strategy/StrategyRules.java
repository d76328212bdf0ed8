package com.crashanalytics.simulator.strategy;

import java.math.BigDecimal;

import com.crashanalytics.simulator.Money;

/** The parameter rules every strategy shares. */
final class StrategyRules {

    private static final BigDecimal LOWEST_TARGET = new BigDecimal("1.01");

    private StrategyRules() {
    }

    static BigDecimal stake(String name, BigDecimal stake) {
        if (stake.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + stake.toPlainString());
        }
        return Money.of(stake);
    }

    /** A cash-out target as games accept it: at least 1.01x, 2 decimals. */
    static BigDecimal target(BigDecimal target) {
        if (target.compareTo(LOWEST_TARGET) < 0 || target.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(
                    "a cash-out target is at least 1.01 with at most 2 decimals, got " + target.toPlainString());
        }
        return target.setScale(2);
    }

    static int atLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
        }
        return value;
    }

    /** "2" for 2.00, "1.33" for 1.33: how strategy names spell multipliers. */
    static String spelled(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
