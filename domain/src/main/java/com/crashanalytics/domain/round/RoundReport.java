package com.crashanalytics.domain.round;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crashanalytics.domain.bot.ConfigurePlatformCommand;
import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.common.DecimalLimits;
import com.crashanalytics.domain.common.Fingerprint;
import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.common.Violations;
import com.crashanalytics.domain.diagnostics.OcrReading;
import com.crashanalytics.domain.session.StartSessionCommand;
import org.jspecify.annotations.Nullable;

/**
 * One round as a bot reports it, in the seed's sections, with what it observed during the round nested. Names
 * are the seed API's ({@code log_crash_round}) in camelCase. What the gateway derives (profit/loss when absent,
 * cash-out amount, ROI, duration, outcome analytics) it may leave out, and must not contradict.
 *
 * <p>Outcome rules: a WIN and a LOSS are bets, with a stake above 0; a WIN names its cash-out multiplier, at most
 * the crash multiplier when both are known; a LOSS and a SKIP did not cash out; a SKIP placed no bet (stake 0).
 * A profit/loss the bot sends for a WIN, LOSS or SKIP must agree with the one derived from the outcome to the
 * precision it was sent with (see {@link Settlement#agreesToSentPrecision}); an ERROR round's profit/loss is
 * whatever the bot reports, 0 when it reports none.
 *
 * @param gameName            defaults to the session's game; if given, must be the session's
 * @param platformCode        defaults to the session's platform; if given, must be the session's
 * @param roundStartTimestamp defaults to when the gateway received the round
 * @param stakeValue          defaults to 0 for a SKIP or an ERROR
 * @param strategyName        defaults to the session's strategy
 * @param ocrConfidence       the OCR's confidence in the crash multiplier it read
 */
public record RoundReport(
        String botId,
        String sessionId,
        @Nullable String gameName,
        @Nullable String platformCode,
        Integer roundNumber,
        @Nullable String roundExternalId,
        @Nullable Instant roundStartTimestamp,
        @Nullable Instant roundEndTimestamp,
        @Nullable BigDecimal stakeValue,
        @Nullable String strategyName,
        @Nullable Integer strategyStep,
        @Nullable BigDecimal targetMultiplier,
        @Nullable BigDecimal crashMultiplier,
        @Nullable BigDecimal cashoutMultiplier,
        @Nullable BigDecimal finalMultiplier,
        @Nullable String multiplierSource,
        RoundOutcome roundOutcome,
        @Nullable BigDecimal profitLoss,
        @Nullable BigDecimal runningBalanceBefore,
        @Nullable BigDecimal runningBalanceAfter,
        @Nullable String ocrText,
        @Nullable BigDecimal ocrCleanedValue,
        @Nullable Double ocrConfidence,
        @Nullable Double cashoutDetectionConfidence,
        @Nullable String screenshotReferenceId,
        @Nullable String errorType,
        @Nullable String errorDescription,
        @Nullable String recoveryActionTaken,
        @Nullable Integer retryCount,
        @Nullable JsonDocument metadata,
        List<MultiplierSampleReport> multiplierSamples,
        List<SignalReport> signals,
        List<OcrReading> ocrValidations) {

    public static final int MAX_SAMPLES = 2_000;
    public static final int MAX_SIGNALS = 100;
    public static final int MAX_OCR_VALIDATIONS = 100;
    public static final int MAX_LONG_TEXT = 10_000;

    public RoundReport {
        multiplierSamples = multiplierSamples == null ? List.of() : List.copyOf(multiplierSamples);
        signals = signals == null ? List.of() : List.copyOf(signals);
        ocrValidations = ocrValidations == null ? List.of() : List.copyOf(ocrValidations);
    }

    /** The round's natural key, which is also its idempotency key. */
    public RoundKey key() {
        return new RoundKey(botId, sessionId, roundNumber);
    }

    /** Every broken rule, with field names relative to the round (e.g. {@code stakeValue}, {@code signals[2].confidenceScore}). */
    public List<Violation> violations(Instant receivedAt) {
        Violations violations = new Violations()
                .identifier("botId", botId, RegisterBotCommand.MAX_BOT_ID_LENGTH)
                .identifier("sessionId", sessionId, StartSessionCommand.MAX_SESSION_ID_LENGTH)
                .text("roundExternalId", roundExternalId, 100)
                .time("roundStartTimestamp", roundStartTimestamp, receivedAt)
                .time("roundEndTimestamp", roundEndTimestamp, receivedAt)
                .amount("stakeValue", stakeValue, DecimalLimits.MONEY)
                .text("strategyName", strategyName, 100)
                .nonNegative("strategyStep", strategyStep)
                .multiplier("targetMultiplier", targetMultiplier)
                .multiplier("crashMultiplier", crashMultiplier)
                .multiplier("cashoutMultiplier", cashoutMultiplier)
                .multiplier("finalMultiplier", finalMultiplier)
                .text("multiplierSource", multiplierSource, 20)
                .signed("profitLoss", profitLoss, DecimalLimits.PROFIT_LOSS)
                .amount("runningBalanceBefore", runningBalanceBefore, DecimalLimits.MONEY)
                .amount("runningBalanceAfter", runningBalanceAfter, DecimalLimits.MONEY)
                .text("ocrText", ocrText, 500)
                .signed("ocrCleanedValue", ocrCleanedValue, DecimalLimits.MONEY)
                .unitInterval("ocrConfidence", ocrConfidence)
                .unitInterval("cashoutDetectionConfidence", cashoutDetectionConfidence)
                .text("screenshotReferenceId", screenshotReferenceId, 200)
                .text("errorType", errorType, 100)
                .text("errorDescription", errorDescription, MAX_LONG_TEXT)
                .text("recoveryActionTaken", recoveryActionTaken, MAX_LONG_TEXT)
                .nonNegative("retryCount", retryCount)
                .json("metadata", metadata);
        if (gameName != null) {
            violations.code("gameName", gameName, ConfigurePlatformCommand.MAX_CODE_LENGTH);
        }
        if (platformCode != null) {
            violations.code("platformCode", platformCode, ConfigurePlatformCommand.MAX_CODE_LENGTH);
        }
        if (roundNumber == null) {
            violations.add("roundNumber", "REQUIRED", "is required");
        } else {
            violations.nonNegative("roundNumber", roundNumber);
        }
        if (roundStartTimestamp != null && roundEndTimestamp != null
                && !violations.hasViolationOn("roundStartTimestamp") && !violations.hasViolationOn("roundEndTimestamp")) {
            violations.check(!roundEndTimestamp.isBefore(roundStartTimestamp), "roundEndTimestamp", "NOT_BEFORE_START",
                    () -> "must not be before roundStartTimestamp " + roundStartTimestamp
                            + " (got " + roundEndTimestamp + ")");
        }
        if (roundOutcome == null) {
            violations.add("roundOutcome", "REQUIRED", "is required");
        } else {
            outcomeRules(violations);
        }
        nestedRules(violations, receivedAt);
        return violations.list();
    }

    private void outcomeRules(Violations violations) {
        boolean stakeOk = !violations.hasViolationOn("stakeValue");
        boolean cashoutOk = !violations.hasViolationOn("cashoutMultiplier");
        switch (roundOutcome) {
            case WIN, LOSS -> {
                if (stakeOk) {
                    violations.check(stakeValue != null && stakeValue.signum() > 0, "stakeValue", "BET_NEEDS_STAKE",
                            () -> "a " + roundOutcome + " is a bet: the stake must be above 0 (got "
                                    + (stakeValue == null ? "none" : stakeValue.toPlainString()) + ")");
                }
                if (roundOutcome == RoundOutcome.WIN) {
                    violations.check(cashoutMultiplier != null, "cashoutMultiplier", "REQUIRED_FOR_WIN",
                            "a WIN needs the multiplier the bot cashed out at");
                    if (cashoutMultiplier != null && crashMultiplier != null && cashoutOk
                            && !violations.hasViolationOn("crashMultiplier")) {
                        violations.check(cashoutMultiplier.compareTo(crashMultiplier) <= 0, "cashoutMultiplier",
                                "CASHOUT_NOT_ABOVE_CRASH", () -> "a WIN cashes out before the crash: at most"
                                        + " crashMultiplier " + crashMultiplier.toPlainString()
                                        + " (got " + cashoutMultiplier.toPlainString() + ")");
                    }
                } else {
                    violations.check(cashoutMultiplier == null, "cashoutMultiplier", "NO_CASHOUT_ON_LOSS",
                            "a LOSS did not cash out; send the intended multiplier as targetMultiplier");
                }
            }
            case SKIP -> {
                if (stakeOk) {
                    violations.check(stakeValue == null || stakeValue.signum() == 0, "stakeValue", "SKIP_HAS_NO_STAKE",
                            () -> "a SKIP places no bet: the stake must be 0 or absent (got "
                                    + (stakeValue == null ? "none" : stakeValue.toPlainString()) + ")");
                }
                violations.check(cashoutMultiplier == null, "cashoutMultiplier", "NO_CASHOUT_ON_SKIP",
                        "a SKIP placed no bet, so it cannot have cashed out");
            }
            case ERROR -> {
                // Whatever really happened to the money: nothing to check against.
            }
        }
        if (roundOutcome == RoundOutcome.ERROR || violations.hasViolationOn("stakeValue")
                || violations.hasViolationOn("cashoutMultiplier") || violations.hasViolationOn("profitLoss")) {
            return;
        }
        BigDecimal derived = Settlement.derivedProfitLoss(roundOutcome, stakeOrZero(), cashoutMultiplier, null);
        if (derived.abs().compareTo(Settlement.MAX_PROFIT_LOSS) > 0) {
            violations.add("profitLoss", "OUT_OF_RANGE", "the profit this round implies (stake × (cash-out − 1) = "
                    + derived.toPlainString() + ") exceeds the largest amount the gateway keeps");
        } else if (profitLoss != null && !Settlement.agreesToSentPrecision(profitLoss, derived)) {
            violations.add("profitLoss", "PROFIT_LOSS_MATCHES_OUTCOME", "must agree with the outcome: "
                    + Settlement.explain(roundOutcome, stakeOrZero(), cashoutMultiplier, derived)
                    + " (got " + profitLoss.toPlainString() + ")");
        }
    }

    private void nestedRules(Violations violations, Instant receivedAt) {
        violations.check(multiplierSamples.size() <= MAX_SAMPLES, "multiplierSamples", "MAX_ITEMS",
                () -> "at most " + MAX_SAMPLES + " samples per round (got " + multiplierSamples.size() + ")");
        violations.check(signals.size() <= MAX_SIGNALS, "signals", "MAX_ITEMS",
                () -> "at most " + MAX_SIGNALS + " signals per round (got " + signals.size() + ")");
        violations.check(ocrValidations.size() <= MAX_OCR_VALIDATIONS, "ocrValidations", "MAX_ITEMS",
                () -> "at most " + MAX_OCR_VALIDATIONS + " OCR reads per round (got " + ocrValidations.size() + ")");
        Set<Integer> sampleIndexes = new HashSet<>();
        for (int i = 0; i < multiplierSamples.size(); i++) {
            MultiplierSampleReport sample = multiplierSamples.get(i);
            violations.addAllUnder("multiplierSamples[" + i + "]", sample.violations(receivedAt));
            if (!sampleIndexes.add(sampleIndexOf(i))) {
                violations.add("multiplierSamples[" + i + "].sampleIndex", "UNIQUE_IN_ROUND",
                        "another sample of this round has index " + sampleIndexOf(i));
            }
        }
        Set<String> signalIdentities = new HashSet<>();
        for (int i = 0; i < signals.size(); i++) {
            SignalReport signal = signals.get(i);
            violations.addAllUnder("signals[" + i + "]", signal.violations(receivedAt));
            if (signal.signalType() != null && !signalIdentities.add(signal.identityWithinRound())) {
                violations.add("signals[" + i + "].clientSignalId", "UNIQUE_IN_ROUND",
                        "another signal of this round has type '" + signal.signalType() + "' and client signal id '"
                                + signal.clientSignalIdOrEmpty() + "'");
            }
        }
        for (int i = 0; i < ocrValidations.size(); i++) {
            violations.addAllUnder("ocrValidations[" + i + "]", ocrValidations.get(i).violations(receivedAt));
        }
    }

    /** The index of the i-th nested sample: its own, else its position. */
    public int sampleIndexOf(int position) {
        Integer own = multiplierSamples.get(position).sampleIndex();
        return own != null ? own : position;
    }

    public BigDecimal stakeOrZero() {
        return stakeValue == null ? BigDecimal.ZERO : stakeValue;
    }

    /** The round as submitted, nested items included: what a retry must repeat. */
    public String fingerprint() {
        Map<String, @Nullable Object> content = new LinkedHashMap<>();
        content.put("botId", botId);
        content.put("sessionId", sessionId);
        content.put("gameName", gameName);
        content.put("platformCode", platformCode);
        content.put("roundNumber", roundNumber);
        content.put("roundExternalId", roundExternalId);
        content.put("roundStartTimestamp", roundStartTimestamp);
        content.put("roundEndTimestamp", roundEndTimestamp);
        content.put("stakeValue", stakeValue);
        content.put("strategyName", strategyName);
        content.put("strategyStep", strategyStep);
        content.put("targetMultiplier", targetMultiplier);
        content.put("crashMultiplier", crashMultiplier);
        content.put("cashoutMultiplier", cashoutMultiplier);
        content.put("finalMultiplier", finalMultiplier);
        content.put("multiplierSource", multiplierSource);
        content.put("roundOutcome", roundOutcome);
        content.put("profitLoss", profitLoss);
        content.put("runningBalanceBefore", runningBalanceBefore);
        content.put("runningBalanceAfter", runningBalanceAfter);
        content.put("ocrText", ocrText);
        content.put("ocrCleanedValue", ocrCleanedValue);
        content.put("ocrConfidence", ocrConfidence);
        content.put("cashoutDetectionConfidence", cashoutDetectionConfidence);
        content.put("screenshotReferenceId", screenshotReferenceId);
        content.put("errorType", errorType);
        content.put("errorDescription", errorDescription);
        content.put("recoveryActionTaken", recoveryActionTaken);
        content.put("retryCount", retryCount);
        content.put("metadata", metadata);
        content.put("multiplierSamples", multiplierSamples.stream().map(MultiplierSampleReport::content).toList());
        content.put("signals", signals.stream().map(SignalReport::content).toList());
        content.put("ocrValidations", ocrValidations.stream().map(OcrReading::content).toList());
        return Fingerprint.of("round", content);
    }
}
