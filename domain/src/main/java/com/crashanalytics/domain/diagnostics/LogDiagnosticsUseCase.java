package com.crashanalytics.domain.diagnostics;

/**
 * Inbound port: bots report errors and OCR reads. With a client event id a retry is answered from what is stored
 * ({@code duplicate}) or, with other content, refused as a conflict; without one every call is a new event.
 */
public interface LogDiagnosticsUseCase {

    LoggedError logError(LogErrorCommand command);

    LoggedOcrValidation logOcrValidation(LogOcrValidationCommand command);

    /** @param duplicate the same event was already stored: nothing was written */
    record LoggedError(ErrorLog error, boolean duplicate) {
    }

    /** @param duplicate the same event was already stored: nothing was written */
    record LoggedOcrValidation(OcrValidation ocrValidation, boolean duplicate) {
    }
}
