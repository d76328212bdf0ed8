package com.crashanalytics.simulator.play;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.simulator.crash.CrashPoint;
import org.jspecify.annotations.Nullable;

/**
 * One round as it happened to one bot: the simulator's truth, with what the bot observed alongside it (its OCR read
 * of the crash, which may be wrong; its multiplier samples; its model's signal; an error, if any).
 *
 * @param roundNumber   1, 2, ... within the session
 * @param startedAt     when bets opened
 * @param endedAt       when the multiplier crashed
 * @param crash         where the game crashed (the truth, whatever the OCR read)
 * @param stake         the money at risk: 0 for SKIP and for an ERROR that kept the bet from being placed
 * @param target        the cash-out target the bot aimed at; null for SKIP
 * @param cashout       the multiplier cashed out at, for a WIN
 * @param profitLoss    WIN {@code stake × (target − 1)}, LOSS {@code −stake}, SKIP and ERROR 0
 * @param strategyStep  the strategy's step when the bet was decided (martingale level, Paroli wins, ...)
 * @param samples       multiplier readings during the flight; the last is the crash reading
 * @param crashRead     what the OCR read for the crash multiplier
 * @param signal        the model's prediction for the target, made before take-off
 * @param error         the error that turned the round into an ERROR
 */
public record SimulatedRound(
        int roundNumber,
        Instant startedAt,
        Instant endedAt,
        RoundOutcome outcome,
        CrashPoint crash,
        BigDecimal stake,
        @Nullable BigDecimal target,
        @Nullable BigDecimal cashout,
        BigDecimal profitLoss,
        BigDecimal balanceBefore,
        BigDecimal balanceAfter,
        String strategyName,
        int strategyStep,
        List<MultiplierSample> samples,
        OcrRead crashRead,
        SimulatedSignal signal,
        @Nullable ErrorEvent error) {

    public SimulatedRound {
        samples = List.copyOf(samples);
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    /** The crash multiplier as the game displayed it. */
    public BigDecimal crashMultiplier() {
        return crash.multiplier();
    }
}
