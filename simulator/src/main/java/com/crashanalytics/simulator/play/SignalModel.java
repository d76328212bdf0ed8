package com.crashanalytics.simulator.play;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.random.RandomGenerator;

import com.crashanalytics.simulator.crash.CrashDistribution;

/**
 * A simulated prediction model with a tunable edge. It predicts {@code P(crash ≥ target)}: the base rate
 * {@code p0 = RTP / target}, moved by {@code skill} toward the true outcome y (1 reached, 0 not), plus Gaussian
 * noise, clamped to [0, 1]: {@code p = p0 + skill · (y − p0) + noise · N(0, 1)}.
 *
 * <p>Its Brier score is then {@code (1 − skill)² · p0(1 − p0) + noise²} (before clamping): with skill 0 the base
 * rate's own score plus the noise, with any skill above that measurably better, which is what a signal must beat.
 */
final class SignalModel {

    private final double skill;
    private final double noise;
    private final String signalType;

    SignalModel(double skill, double noise, String signalType) {
        this.skill = skill;
        this.noise = noise;
        this.signalType = signalType;
    }

    SimulatedSignal predict(CrashDistribution law, BigDecimal target, BigDecimal crash, Instant at,
                            String clientSignalId, RandomGenerator random) {
        double baseRate = law.probabilityAtLeast(target);
        double reached = crash.compareTo(target) >= 0 ? 1.0 : 0.0;
        double leaning = baseRate + skill * (reached - baseRate) + noise * random.nextGaussian();
        double confidence = Math.round(Math.min(1.0, Math.max(0.0, leaning)) * 10_000) / 10_000.0;
        return new SimulatedSignal(signalType, clientSignalId, at, target, confidence);
    }
}
