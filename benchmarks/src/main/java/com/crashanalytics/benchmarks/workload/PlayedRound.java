package com.crashanalytics.benchmarks.workload;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.simulator.play.MultiplierSample;
import com.crashanalytics.simulator.play.SimulatedRound;
import com.crashanalytics.simulator.play.SimulatedSignal;
import org.jspecify.annotations.Nullable;

/**
 * A simulated round of one bot's session, with what the gateway derives from it worked out the same way here, so the
 * baselines write the same rows the gateway writes: the round, its outcome row (category, streaks), its multiplier
 * samples and its signal (judged against the crash).
 *
 * @param externalId the game round's id on its platform, unique per session (bots in one session see one table)
 * @param winStreak  consecutive WINs up to this round in the session (SKIP and ERROR neither extend nor break it)
 * @param lossStreak consecutive LOSSes likewise
 */
public record PlayedRound(String botId, String sessionId, String game, String platform, SimulatedRound round,
                          String externalId, int winStreak, int lossStreak) {

    public RoundOutcome outcome() {
        return round.outcome();
    }

    /** big_win, small_win, break_even, big_loss (≥ 10% of the balance before) or small_loss, as the gateway files it. */
    public String outcomeCategory() {
        BigDecimal pl = round.profitLoss();
        if (pl.signum() > 0) {
            return pl.compareTo(round.stake()) >= 0 ? "big_win" : "small_win";
        }
        if (pl.signum() == 0) {
            return "break_even";
        }
        return pl.negate().compareTo(round.balanceBefore().movePointLeft(1)) >= 0 ? "big_loss" : "small_loss";
    }

    public @Nullable BigDecimal roiPercent() {
        return round.stake().signum() == 0 ? null
                : round.profitLoss().multiply(BigDecimal.valueOf(100)).divide(round.stake(), 4, RoundingMode.HALF_UP);
    }

    public @Nullable BigDecimal cashoutAmount() {
        return switch (round.outcome()) {
            case WIN -> round.stake().add(round.profitLoss());
            case LOSS -> BigDecimal.ZERO;
            default -> null;
        };
    }

    /** Cash-out for a WIN, else the crash. */
    public BigDecimal actualMultiplier() {
        return round.cashout() != null ? round.cashout() : round.crashMultiplier();
    }

    public @Nullable Boolean hitTarget() {
        return round.target() == null ? null
                : round.outcome() == RoundOutcome.WIN && actualMultiplier().compareTo(round.target()) >= 0;
    }

    public @Nullable BigDecimal multiplierError() {
        return round.target() == null ? null : actualMultiplier().subtract(round.target());
    }

    public BigDecimal durationSeconds() {
        return BigDecimal.valueOf(round.duration().toMillis()).movePointLeft(3);
    }

    /** Correct when (confidence ≥ 0.5) = (crash ≥ predicted). */
    public boolean signalCorrect() {
        SimulatedSignal signal = round.signal();
        return (signal.confidence() >= 0.5) == (round.crashMultiplier().compareTo(signal.predictedMultiplier()) >= 0);
    }

    /** The round as a bot sends it: {@code LogRoundInput}, decimals as exact strings, times as ISO-8601. */
    public Map<String, Object> input() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("botId", botId);
        input.put("sessionId", sessionId);
        input.put("roundNumber", round.roundNumber());
        input.put("roundExternalId", externalId);
        input.put("roundStartTimestamp", round.startedAt().toString());
        input.put("roundEndTimestamp", round.endedAt().toString());
        input.put("stakeValue", round.stake().toPlainString());
        input.put("strategyName", round.strategyName());
        input.put("strategyStep", round.strategyStep());
        if (round.target() != null) {
            input.put("targetMultiplier", round.target().toPlainString());
        }
        input.put("crashMultiplier", round.crashMultiplier().toPlainString());
        if (round.cashout() != null) {
            input.put("cashoutMultiplier", round.cashout().toPlainString());
        }
        input.put("roundOutcome", round.outcome().name());
        input.put("profitLoss", round.profitLoss().toPlainString());
        input.put("runningBalanceBefore", round.balanceBefore().toPlainString());
        input.put("runningBalanceAfter", round.balanceAfter().toPlainString());
        List<Map<String, Object>> samples = new ArrayList<>();
        for (MultiplierSample sample : round.samples()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("sampleIndex", sample.sampleIndex());
            fields.put("multiplier", sample.multiplier().toPlainString());
            fields.put("timestamp", sample.at().toString());
            fields.put("elapsedMs", (int) sample.elapsedMillis());
            fields.put("isCrash", sample.crashReading());
            fields.put("ocrConfidence", sample.ocrConfidence());
            samples.add(fields);
        }
        input.put("multiplierSamples", samples);
        SimulatedSignal signal = round.signal();
        input.put("signals", List.of(Map.of(
                "signalType", signal.signalType(),
                "clientSignalId", signal.clientSignalId(),
                "timestamp", signal.at().toString(),
                "confidenceScore", signal.confidence(),
                "predictedMultiplier", signal.predictedMultiplier().toPlainString())));
        return input;
    }
}
