package com.crashanalytics.api.round;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.diagnostics.OcrReading;
import com.crashanalytics.domain.diagnostics.ValidationStatus;
import com.crashanalytics.domain.round.LogMultiplierCommand;
import com.crashanalytics.domain.round.LogSignalCommand;
import com.crashanalytics.domain.round.MultiplierSampleReport;
import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.domain.round.RoundReport;
import com.crashanalytics.domain.round.SignalReport;

/** The GraphQL inputs of the round mutations, as bound from the request. */
final class RoundInputs {

    private RoundInputs() {
    }

    record LogRoundInput(
            String botId, String sessionId, String gameName, String platformCode, Integer roundNumber,
            String roundExternalId, Instant roundStartTimestamp, Instant roundEndTimestamp, BigDecimal stakeValue,
            String strategyName, Integer strategyStep, BigDecimal targetMultiplier, BigDecimal crashMultiplier,
            BigDecimal cashoutMultiplier, BigDecimal finalMultiplier, String multiplierSource,
            RoundOutcome roundOutcome, BigDecimal profitLoss, BigDecimal runningBalanceBefore,
            BigDecimal runningBalanceAfter, String ocrText, BigDecimal ocrCleanedValue, Double ocrConfidence,
            Double cashoutDetectionConfidence, String screenshotReferenceId, String errorType,
            String errorDescription, String recoveryActionTaken, Integer retryCount, Object metadata,
            List<MultiplierSampleInput> multiplierSamples, List<RoundSignalInput> signals,
            List<RoundOcrValidationInput> ocrValidations) {

        RoundReport toReport() {
            return new RoundReport(botId, sessionId, gameName, platformCode, roundNumber, roundExternalId,
                    roundStartTimestamp, roundEndTimestamp, stakeValue, strategyName, strategyStep, targetMultiplier,
                    crashMultiplier, cashoutMultiplier, finalMultiplier, multiplierSource, roundOutcome, profitLoss,
                    runningBalanceBefore, runningBalanceAfter, ocrText, ocrCleanedValue, ocrConfidence,
                    cashoutDetectionConfidence, screenshotReferenceId, errorType, errorDescription,
                    recoveryActionTaken, retryCount, JsonDocument.of(metadata),
                    multiplierSamples == null ? List.of() : multiplierSamples.stream().map(MultiplierSampleInput::toReport).toList(),
                    signals == null ? List.of() : signals.stream().map(RoundSignalInput::toReport).toList(),
                    ocrValidations == null ? List.of() : ocrValidations.stream().map(RoundOcrValidationInput::toReading).toList());
        }
    }

    record LogRoundsInput(List<LogRoundInput> rounds) {

        List<RoundReport> toReports() {
            return rounds == null ? List.of() : rounds.stream().map(LogRoundInput::toReport).toList();
        }
    }

    record MultiplierSampleInput(Integer sampleIndex, BigDecimal multiplier, Instant timestamp, Integer elapsedMs,
                                 Boolean isCrash, Boolean isCashout, Double ocrConfidence, Double dataQualityScore) {

        MultiplierSampleReport toReport() {
            return new MultiplierSampleReport(sampleIndex, multiplier, timestamp, elapsedMs, isCrash, isCashout,
                    ocrConfidence, dataQualityScore);
        }
    }

    record RoundSignalInput(String signalType, String clientSignalId, Instant timestamp, Double confidenceScore,
                            BigDecimal predictedMultiplier, Integer timeToCrashPredictedMs, String patternType,
                            Object featureVector) {

        SignalReport toReport() {
            return new SignalReport(signalType, clientSignalId, timestamp, confidenceScore, predictedMultiplier,
                    timeToCrashPredictedMs, patternType, JsonDocument.of(featureVector));
        }
    }

    record RoundOcrValidationInput(String fieldName, String rawOcrText, BigDecimal cleanedValue,
                                   BigDecimal expectedValue, Double confidence, ValidationStatus validationStatus,
                                   String screenshotReferenceId, Integer processingTimeMs, Instant timestamp) {

        OcrReading toReading() {
            return new OcrReading(fieldName, rawOcrText, cleanedValue, expectedValue, confidence, validationStatus,
                    screenshotReferenceId, processingTimeMs, timestamp);
        }
    }

    record LogMultiplierInput(String botId, String sessionId, Integer roundNumber, Integer sampleIndex,
                              BigDecimal multiplier, Instant timestamp, Integer elapsedMs, Boolean isCrash,
                              Boolean isCashout, Double ocrConfidence, Double dataQualityScore) {

        LogMultiplierCommand toCommand(Instant receivedAt) {
            return new LogMultiplierCommand(receivedAt, botId, sessionId, roundNumber,
                    new MultiplierSampleReport(sampleIndex, multiplier, timestamp, elapsedMs, isCrash, isCashout,
                            ocrConfidence, dataQualityScore));
        }
    }

    record LogSignalInput(String botId, String sessionId, Integer roundNumber, String signalType,
                          String clientSignalId, Instant timestamp, Double confidenceScore,
                          BigDecimal predictedMultiplier, Integer timeToCrashPredictedMs, String patternType,
                          Object featureVector) {

        LogSignalCommand toCommand(Instant receivedAt) {
            return new LogSignalCommand(receivedAt, botId, sessionId, roundNumber,
                    new SignalReport(signalType, clientSignalId, timestamp, confidenceScore, predictedMultiplier,
                            timeToCrashPredictedMs, patternType, JsonDocument.of(featureVector)));
        }
    }
}
