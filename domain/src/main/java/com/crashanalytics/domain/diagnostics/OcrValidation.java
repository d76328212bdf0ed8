package com.crashanalytics.domain.diagnostics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An OCR read as stored: the reading, whose it is, and the round it belongs to when there is one.
 *
 * @param roundId        the round, when it is logged
 * @param roundNumber    the round's number within the session, as the bot named it
 * @param clientEventId  the bot's id for this event, which makes a retry harmless
 * @param timestamp      when it was read (the reading's time, else when the gateway received it)
 */
public record OcrValidation(
        UUID id,
        String botId,
        @Nullable String sessionId,
        @Nullable UUID roundId,
        @Nullable Integer roundNumber,
        @Nullable String clientEventId,
        @Nullable String fieldName,
        @Nullable String rawOcrText,
        @Nullable BigDecimal cleanedValue,
        @Nullable BigDecimal expectedValue,
        @Nullable Double confidence,
        ValidationStatus validationStatus,
        @Nullable String screenshotReferenceId,
        @Nullable Integer processingTimeMs,
        Instant timestamp,
        String contentFingerprint) {

    /** A reading as it is stored. */
    public static OcrValidation of(UUID id, String botId, @Nullable String sessionId, @Nullable UUID roundId,
                                   @Nullable Integer roundNumber, @Nullable String clientEventId, OcrReading reading,
                                   Instant receivedAt, String contentFingerprint) {
        return new OcrValidation(id, botId, sessionId, roundId, roundNumber, clientEventId, reading.fieldName(),
                reading.rawOcrText(), reading.cleanedValue(), reading.expectedValue(), reading.confidence(),
                reading.validationStatus(), reading.screenshotReferenceId(), reading.processingTimeMs(),
                reading.timestamp() != null ? reading.timestamp() : receivedAt, contentFingerprint);
    }
}
