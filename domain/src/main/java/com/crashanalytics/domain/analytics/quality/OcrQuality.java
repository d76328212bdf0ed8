package com.crashanalytics.domain.analytics.quality;

import java.math.BigDecimal;

import com.crashanalytics.domain.common.Ratios;
import org.jspecify.annotations.Nullable;

/**
 * How well one bot's OCR reads validated in a window ({@code ocr_validation_logs} grouped by bot).
 *
 * @param botId          the bot
 * @param reads          OCR reads logged
 * @param valid          reads that validated as they were read
 * @param corrected      reads that validated after a correction
 * @param invalid        reads that failed validation
 * @param unreadable     reads the OCR could not make out
 * @param meanConfidence the mean OCR confidence over the reads that reported one; null when none did
 */
public record OcrQuality(String botId, long reads, long valid, long corrected, long invalid, long unreadable,
                         @Nullable Double meanConfidence) {

    /** valid / reads, a fraction to 6 decimals; null without reads. */
    public @Nullable BigDecimal validShare() {
        return Ratios.fraction(valid, reads);
    }

    /** (valid + corrected) / reads: the reads that ended up usable; null without reads. */
    public @Nullable BigDecimal usableShare() {
        return Ratios.fraction(valid + corrected, reads);
    }
}
