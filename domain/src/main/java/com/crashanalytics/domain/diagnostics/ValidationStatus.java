package com.crashanalytics.domain.diagnostics;

/** What became of one OCR read. */
public enum ValidationStatus {
    /** The read was plausible and used as is. */
    VALID,
    /** The read was rejected. */
    INVALID,
    /** The read was wrong and corrected (cleaned value differs from the raw text). */
    CORRECTED,
    /** Nothing usable could be read. */
    UNREADABLE
}
