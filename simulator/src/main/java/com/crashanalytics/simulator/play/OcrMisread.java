package com.crashanalytics.simulator.play;

/** How an OCR read goes wrong: the mistakes screen readers of crash games actually make. */
public enum OcrMisread {
    /** The decimal point is lost: 2.45x reads as 245. */
    DROPPED_DECIMAL_POINT,
    /** Two neighbouring digits trade places: 2.45x reads as 2.54 or 4.25. */
    SWAPPED_DIGITS
}
