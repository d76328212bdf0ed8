package com.crashanalytics.api.diagnostics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.diagnostics.DiagnosticTarget;
import com.crashanalytics.domain.diagnostics.LogDiagnosticsUseCase;
import com.crashanalytics.domain.diagnostics.LogDiagnosticsUseCase.LoggedError;
import com.crashanalytics.domain.diagnostics.LogDiagnosticsUseCase.LoggedOcrValidation;
import com.crashanalytics.domain.diagnostics.LogErrorCommand;
import com.crashanalytics.domain.diagnostics.LogOcrValidationCommand;
import com.crashanalytics.domain.diagnostics.OcrReading;
import com.crashanalytics.domain.diagnostics.Severity;
import com.crashanalytics.domain.diagnostics.ValidationStatus;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Errors and OCR reads bots report. */
@Controller
class DiagnosticsController {

    private final LogDiagnosticsUseCase diagnostics;
    private final Clock clock;

    DiagnosticsController(LogDiagnosticsUseCase diagnostics, Clock clock) {
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    @MutationMapping
    LoggedError logError(@Argument LogErrorInput input) {
        return diagnostics.logError(input.toCommand(clock.instant()));
    }

    @MutationMapping
    LoggedOcrValidation logOcrValidation(@Argument LogOcrValidationInput input) {
        return diagnostics.logOcrValidation(input.toCommand(clock.instant()));
    }

    record LogErrorInput(String botId, String sessionId, Integer roundNumber, String clientEventId, String errorType,
                         Severity severity, String errorMessage, String stackTrace, String recoveryAction,
                         Boolean recoverySuccessful, Object context, Instant timestamp) {

        LogErrorCommand toCommand(Instant receivedAt) {
            return new LogErrorCommand(new DiagnosticTarget(receivedAt, botId, sessionId, roundNumber, clientEventId),
                    errorType, severity, errorMessage, stackTrace, recoveryAction, recoverySuccessful,
                    JsonDocument.of(context), timestamp);
        }
    }

    record LogOcrValidationInput(String botId, String sessionId, Integer roundNumber, String clientEventId,
                                 String fieldName, String rawOcrText, BigDecimal cleanedValue, BigDecimal expectedValue,
                                 Double confidence, ValidationStatus validationStatus, String screenshotReferenceId,
                                 Integer processingTimeMs, Instant timestamp) {

        LogOcrValidationCommand toCommand(Instant receivedAt) {
            return new LogOcrValidationCommand(
                    new DiagnosticTarget(receivedAt, botId, sessionId, roundNumber, clientEventId),
                    new OcrReading(fieldName, rawOcrText, cleanedValue, expectedValue, confidence, validationStatus,
                            screenshotReferenceId, processingTimeMs, timestamp));
        }
    }
}
