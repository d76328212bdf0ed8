package com.crashanalytics.domain.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.diagnostics.OcrReading;
import com.crashanalytics.domain.diagnostics.ValidationStatus;
import org.junit.jupiter.api.Test;

/**
 * Pins the content fingerprint of one fully filled round. Every stored round keeps the fingerprint it was logged
 * with ({@code crash_game_rounds.content_fingerprint}), and a retry is a duplicate only if it hashes to the same: a
 * change to what {@link RoundReport#fingerprint()} hashes would turn every retry of a stored round into a conflict.
 * If this test fails, do not update the constant: read "Adding a field to a round" in ARCHITECTURE.md.
 */
class RoundFingerprintTest {

    /** The fingerprint of {@link #everyFieldFilled()} as stored rounds carry it; it must never change. */
    private static final String PINNED = "82e96caa50d35076ccd2591319ac49f7c09e33e89162632f07eacb3af8e8bc79";

    @Test
    void theFingerprintOfAStoredRoundNeverChanges() {
        assertThat(everyFieldFilled().fingerprint()).isEqualTo(PINNED);
    }

    @Test
    void numbersCountByValueTimesByInstantAndJsonByContent() {
        RoundReport written = everyFieldFilled();
        RoundReport rewritten = new RoundReport(written.botId(), written.sessionId(), written.gameName(),
                written.platformCode(), written.roundNumber(), written.roundExternalId(),
                Instant.parse("2026-03-01T21:00:05+01:00"), written.roundEndTimestamp(), new BigDecimal("10.00000"),
                written.strategyName(), written.strategyStep(), new BigDecimal("2"), new BigDecimal("3.5"),
                written.cashoutMultiplier(), written.finalMultiplier(), written.multiplierSource(),
                written.roundOutcome(), written.profitLoss(), written.runningBalanceBefore(),
                written.runningBalanceAfter(), written.ocrText(), written.ocrCleanedValue(), written.ocrConfidence(),
                written.cashoutDetectionConfidence(), written.screenshotReferenceId(), written.errorType(),
                written.errorDescription(), written.recoveryActionTaken(), written.retryCount(),
                JsonDocument.of(Map.of("table", 3, "note", "pinned")), written.multiplierSamples(), written.signals(),
                written.ocrValidations());

        assertThat(rewritten.fingerprint()).isEqualTo(written.fingerprint());
    }

    @Test
    void anyFieldTheBotSentIsPartOfTheContent() {
        RoundReport written = everyFieldFilled();
        RoundReport otherStrategyStep = new RoundReport(written.botId(), written.sessionId(), written.gameName(),
                written.platformCode(), written.roundNumber(), written.roundExternalId(),
                written.roundStartTimestamp(), written.roundEndTimestamp(), written.stakeValue(),
                written.strategyName(), 4, written.targetMultiplier(), written.crashMultiplier(),
                written.cashoutMultiplier(), written.finalMultiplier(), written.multiplierSource(),
                written.roundOutcome(), written.profitLoss(), written.runningBalanceBefore(),
                written.runningBalanceAfter(), written.ocrText(), written.ocrCleanedValue(), written.ocrConfidence(),
                written.cashoutDetectionConfidence(), written.screenshotReferenceId(), written.errorType(),
                written.errorDescription(), written.recoveryActionTaken(), written.retryCount(), written.metadata(),
                written.multiplierSamples(), written.signals(), written.ocrValidations());

        assertThat(otherStrategyStep.fingerprint()).isNotEqualTo(written.fingerprint());
    }

    /** A won round with every field of the logRound input set, nested samples, signals and OCR reads included. */
    static RoundReport everyFieldFilled() {
        Instant start = Instant.parse("2026-03-01T20:00:05Z");
        return new RoundReport("bot_a", "s1", "aviator", "spribe", 7, "g-4711", start, start.plusSeconds(9),
                new BigDecimal("10"), "compound_1.33", 3, new BigDecimal("2.00"), new BigDecimal("3.50"),
                new BigDecimal("2.00"), new BigDecimal("3.50"), "ocr", RoundOutcome.WIN, new BigDecimal("10"),
                new BigDecimal("100"), new BigDecimal("110"), "3.50x", new BigDecimal("3.50"), 0.97, 0.99,
                "shot-7", null, null, null, 0, JsonDocument.of(Map.of("note", "pinned", "table", 3)),
                List.of(new MultiplierSampleReport(0, new BigDecimal("1.00"), start, 0, false, false, 0.95, 1.0),
                        new MultiplierSampleReport(1, new BigDecimal("2.00"), start.plusSeconds(4), 4000, false, true,
                                0.96, 1.0)),
                List.of(new SignalReport("model_v1", "sig-1", start.minusSeconds(2), 0.7, new BigDecimal("2.00"),
                        1500, "streak", JsonDocument.of(Map.of("gap", 12)))),
                List.of(new OcrReading("crash_multiplier", "3.50x", new BigDecimal("3.50"),
                        new BigDecimal("3.50"), 0.97, ValidationStatus.VALID, "shot-7", 40, start.plusSeconds(9))));
    }
}
