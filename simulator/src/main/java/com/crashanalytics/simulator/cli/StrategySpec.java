package com.crashanalytics.simulator.cli;

import java.math.BigDecimal;

import com.crashanalytics.simulator.strategy.DAlembert;
import com.crashanalytics.simulator.strategy.FixedTarget;
import com.crashanalytics.simulator.strategy.Martingale;
import com.crashanalytics.simulator.strategy.Paroli;
import com.crashanalytics.simulator.strategy.Strategy;

/**
 * Strategies as written on the command line: {@code fixed:1.33}, {@code martingale:2:3} (target, step cap),
 * {@code paroli:2:3} (target, wins to bank), {@code dalembert:2} (target; the unit is the base stake).
 */
final class StrategySpec {

    static final String FORMS = "fixed:TARGET, martingale:TARGET:CAP, paroli:TARGET:WINS, dalembert:TARGET";

    private StrategySpec() {
    }

    static Strategy parse(String spec, BigDecimal baseStake) {
        String[] parts = spec.strip().split(":");
        try {
            return switch (parts[0]) {
                case "fixed" -> {
                    expect(parts, 2, spec);
                    yield new FixedTarget(baseStake, new BigDecimal(parts[1]));
                }
                case "martingale" -> {
                    expect(parts, 3, spec);
                    yield Martingale.doubling(baseStake, new BigDecimal(parts[1]), Integer.parseInt(parts[2]));
                }
                case "paroli" -> {
                    expect(parts, 3, spec);
                    yield new Paroli(baseStake, new BigDecimal(parts[1]), Integer.parseInt(parts[2]));
                }
                case "dalembert" -> {
                    expect(parts, 2, spec);
                    yield DAlembert.withUnitOfBaseStake(baseStake, new BigDecimal(parts[1]));
                }
                default -> throw new IllegalArgumentException(unknown(spec));
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(unknown(spec), e);
        }
    }

    private static void expect(String[] parts, int count, String spec) {
        if (parts.length != count) {
            throw new IllegalArgumentException(unknown(spec));
        }
    }

    private static String unknown(String spec) {
        return "cannot read strategy '" + spec + "'; use one of " + FORMS;
    }
}
