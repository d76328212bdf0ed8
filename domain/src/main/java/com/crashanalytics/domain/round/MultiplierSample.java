package com.crashanalytics.domain.round;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import com.crashanalytics.domain.common.Fingerprint;
import org.jspecify.annotations.Nullable;

/** A multiplier observed during a round, as stored ({@code analytics_round_multipliers}). */
public record MultiplierSample(
        UUID id,
        UUID roundId,
        int sampleIndex,
        String botId,
        String sessionId,
        String gameName,
        String platformCode,
        BigDecimal multiplier,
        Instant timestamp,
        @Nullable Integer elapsedMs,
        boolean isCrash,
        boolean isCashout,
        @Nullable Double ocrConfidence,
        @Nullable Double dataQualityScore,
        LocalDate dateBucket,
        String contentFingerprint) {

    /** A reported sample of a stored round; an absent time defaults to {@code defaultTime}. */
    static MultiplierSample of(UUID id, UUID roundId, RoundKey round, String gameName, String platformCode,
                               int sampleIndex, MultiplierSampleReport report, Instant defaultTime) {
        Instant at = report.timestamp() != null ? report.timestamp() : defaultTime;
        return new MultiplierSample(id, roundId, sampleIndex, round.botId(), round.sessionId(), gameName,
                platformCode, report.multiplier(), at, report.elapsedMs(), Boolean.TRUE.equals(report.isCrash()),
                Boolean.TRUE.equals(report.isCashout()), report.ocrConfidence(), report.dataQualityScore(),
                LocalDate.ofInstant(at, ZoneOffset.UTC), fingerprintOf(sampleIndex, report));
    }

    /** The sample as submitted, with the index it is stored under (nested samples may leave it implicit). */
    static String fingerprintOf(int sampleIndex, MultiplierSampleReport report) {
        var content = report.content();
        content.put("sampleIndex", sampleIndex);
        return Fingerprint.of("multiplierSample", content);
    }
}
