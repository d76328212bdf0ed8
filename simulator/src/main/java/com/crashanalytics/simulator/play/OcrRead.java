package com.crashanalytics.simulator.play;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What the bot's OCR read off the screen for the crash multiplier.
 *
 * @param rawText    the text read, e.g. {@code 2.45x}
 * @param value      the number cleaned from it (what the bot believes the crash was)
 * @param confidence the OCR's confidence, in [0, 1]: lower on average for misreads, but not always
 * @param misread    how the read went wrong, or null when it is right
 */
public record OcrRead(String rawText, BigDecimal value, double confidence, @Nullable OcrMisread misread) {

    public boolean isCorrect() {
        return misread == null;
    }
}
