package com.crashanalytics.domain.diagnostics;

/**
 * A round as errors and OCR reads name it: by its number within a session (which belongs to one bot). It names the
 * round whether or not the round was logged when the error or read was.
 */
public record RoundReference(String sessionId, int roundNumber) {
}
