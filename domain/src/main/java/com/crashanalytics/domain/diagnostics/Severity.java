package com.crashanalytics.domain.diagnostics;

/** How bad a reported error is. */
public enum Severity {
    /** Worth knowing, nothing failed. */
    INFO,
    /** Something went wrong and was handled. */
    WARNING,
    /** Something failed. */
    ERROR,
    /** The bot cannot go on. */
    CRITICAL
}
