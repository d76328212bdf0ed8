package com.crashanalytics.domain.diagnostics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.common.DecimalLimits;
import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * One OCR read as the bot reports it: what was on the screen, what it made of it, and whether that validated.
 *
 * @param fieldName        what was read (crash_multiplier, balance, ...)
 * @param cleanedValue     the number the read was cleaned to
 * @param expectedValue    what the bot expected, when it knew (e.g. from the game's API)
 * @param timestamp        when it was read; defaults to when the gateway received it
 */
public record OcrReading(
        @Nullable String fieldName,
        @Nullable String rawOcrText,
        @Nullable BigDecimal cleanedValue,
        @Nullable BigDecimal expectedValue,
        @Nullable Double confidence,
        ValidationStatus validationStatus,
        @Nullable String screenshotReferenceId,
        @Nullable Integer processingTimeMs,
        @Nullable Instant timestamp) {

    /** Every broken rule, with field names relative to the reading. */
    public List<Violation> violations(Instant receivedAt) {
        Violations violations = new Violations()
                .text("fieldName", fieldName, 50)
                .text("rawOcrText", rawOcrText, 500)
                .signed("cleanedValue", cleanedValue, DecimalLimits.MONEY)
                .signed("expectedValue", expectedValue, DecimalLimits.MONEY)
                .unitInterval("confidence", confidence)
                .text("screenshotReferenceId", screenshotReferenceId, 200)
                .nonNegative("processingTimeMs", processingTimeMs)
                .time("timestamp", timestamp, receivedAt);
        if (validationStatus == null) {
            violations.add("validationStatus", "REQUIRED", "is required");
        }
        return violations.list();
    }

    /** The reading as submitted, for fingerprints. */
    public Map<String, @Nullable Object> content() {
        Map<String, @Nullable Object> content = new LinkedHashMap<>();
        content.put("fieldName", fieldName);
        content.put("rawOcrText", rawOcrText);
        content.put("cleanedValue", cleanedValue);
        content.put("expectedValue", expectedValue);
        content.put("confidence", confidence);
        content.put("validationStatus", validationStatus);
        content.put("screenshotReferenceId", screenshotReferenceId);
        content.put("processingTimeMs", processingTimeMs);
        content.put("timestamp", timestamp);
        return content;
    }
}
