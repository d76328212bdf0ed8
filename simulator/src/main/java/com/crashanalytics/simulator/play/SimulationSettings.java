package com.crashanalytics.simulator.play;

import java.time.Duration;

/**
 * What the simulated world looks like around the bets: how the bot observes rounds and how often it fails.
 *
 * @param samplesPerRound  multiplier readings per round during the flight; the last is the crash reading
 * @param ocrMisreadRate   share of crash multipliers the OCR misreads (a dropped decimal point or swapped digits)
 * @param errorRate        share of rounds lost to an error (no bet placed: ERROR, profit 0, an error event)
 * @param signalSkill      how far the model leans from the base rate toward the true outcome: 0 none, 1 oracle
 * @param signalNoise      standard deviation of the noise on the model's confidence
 * @param signalType       the signal type the model emits, e.g. pre_flight
 * @param bettingPhase     time from a round's start (bets open) to take-off
 * @param pauseAfterCrash  time from a crash to the next round's start
 */
public record SimulationSettings(
        int samplesPerRound,
        double ocrMisreadRate,
        double errorRate,
        double signalSkill,
        double signalNoise,
        String signalType,
        Duration bettingPhase,
        Duration pauseAfterCrash) {

    public static final SimulationSettings DEFAULTS = new SimulationSettings(
            2, 0.01, 0.005, 0.05, 0.05, "pre_flight", Duration.ofSeconds(5), Duration.ofSeconds(3));

    public SimulationSettings {
        if (samplesPerRound < 1) {
            throw new IllegalArgumentException("at least one multiplier sample per round (the crash reading)");
        }
        requireShare("ocrMisreadRate", ocrMisreadRate);
        requireShare("errorRate", errorRate);
        requireShare("signalSkill", signalSkill);
        if (!(signalNoise >= 0)) {
            throw new IllegalArgumentException("signalNoise must not be negative, got " + signalNoise);
        }
        if (signalType.isBlank()) {
            throw new IllegalArgumentException("signalType must not be blank");
        }
        if (bettingPhase.isNegative() || pauseAfterCrash.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    public SimulationSettings withOcrMisreadRate(double rate) {
        return new SimulationSettings(samplesPerRound, rate, errorRate, signalSkill, signalNoise, signalType,
                bettingPhase, pauseAfterCrash);
    }

    public SimulationSettings withErrorRate(double rate) {
        return new SimulationSettings(samplesPerRound, ocrMisreadRate, rate, signalSkill, signalNoise, signalType,
                bettingPhase, pauseAfterCrash);
    }

    public SimulationSettings withSignalSkill(double skill) {
        return new SimulationSettings(samplesPerRound, ocrMisreadRate, errorRate, skill, signalNoise, signalType,
                bettingPhase, pauseAfterCrash);
    }

    public SimulationSettings withSamplesPerRound(int samples) {
        return new SimulationSettings(samples, ocrMisreadRate, errorRate, signalSkill, signalNoise, signalType,
                bettingPhase, pauseAfterCrash);
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }
}
