package com.crashanalytics.domain.round;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A multiplier the bot saw during a round, as it reports it.
 *
 * @param sampleIndex the sample's position in the round, which identifies it (a retry with the same index is
 *                    the same sample); nested in a round it defaults to its position in the list
 * @param timestamp   when it was seen; defaults to the round's start (nested) or the time received (alone)
 * @param elapsedMs   milliseconds since the round started
 */
public record MultiplierSampleReport(
        @Nullable Integer sampleIndex,
        BigDecimal multiplier,
        @Nullable Instant timestamp,
        @Nullable Integer elapsedMs,
        @Nullable Boolean isCrash,
        @Nullable Boolean isCashout,
        @Nullable Double ocrConfidence,
        @Nullable Double dataQualityScore) {

    public List<Violation> violations(Instant receivedAt) {
        Violations violations = new Violations()
                .nonNegative("sampleIndex", sampleIndex)
                .multiplier("multiplier", multiplier)
                .time("timestamp", timestamp, receivedAt)
                .nonNegative("elapsedMs", elapsedMs)
                .unitInterval("ocrConfidence", ocrConfidence)
                .unitInterval("dataQualityScore", dataQualityScore);
        if (multiplier == null) {
            violations.add("multiplier", "REQUIRED", "is required");
        }
        return violations.list();
    }

    /** The sample as submitted, for fingerprints. */
    public Map<String, @Nullable Object> content() {
        Map<String, @Nullable Object> content = new LinkedHashMap<>();
        content.put("sampleIndex", sampleIndex);
        content.put("multiplier", multiplier);
        content.put("timestamp", timestamp);
        content.put("elapsedMs", elapsedMs);
        content.put("isCrash", isCrash);
        content.put("isCashout", isCashout);
        content.put("ocrConfidence", ocrConfidence);
        content.put("dataQualityScore", dataQualityScore);
        return content;
    }
}
