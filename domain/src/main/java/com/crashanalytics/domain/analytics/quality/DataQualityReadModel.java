package com.crashanalytics.domain.analytics.quality;

import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;

/** Errors and OCR reads counted where they are stored (outbound port of the read path). */
public interface DataQualityReadModel {

    /** Errors reported in the window, per type: the most frequent first, then by type. */
    List<ErrorTypeCount> errorCounts(TimeWindow window);

    /** OCR reads logged in the window, per bot, by bot id. */
    List<OcrQuality> ocrQuality(TimeWindow window);
}
