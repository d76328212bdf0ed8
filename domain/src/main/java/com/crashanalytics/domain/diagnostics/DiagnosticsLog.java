package com.crashanalytics.domain.diagnostics;

import java.util.Optional;
import java.util.UUID;

/** Outbound port: where errors and OCR reads are kept. */
public interface DiagnosticsLog {

    /** The id of the bot's round with this number in this session, if it is logged. */
    Optional<UUID> findRoundId(String botId, String sessionId, int roundNumber);

    /**
     * Stores the error unless the bot already stored one with its client event id (in which case, even if that
     * happened concurrently, nothing is written); says whether it stored it.
     */
    boolean insertIfAbsent(ErrorLog error);

    Optional<ErrorLog> findError(String botId, String clientEventId);

    /** As {@link #insertIfAbsent(ErrorLog)}, for an OCR read. */
    boolean insertIfAbsent(OcrValidation ocrValidation);

    Optional<OcrValidation> findOcrValidation(String botId, String clientEventId);
}
