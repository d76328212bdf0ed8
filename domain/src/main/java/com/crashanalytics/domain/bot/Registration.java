package com.crashanalytics.domain.bot;

/** What registering a bot or configuring a platform did. */
public enum Registration {
    /** It was not known before. */
    CREATED,
    /** It was known and its configuration changed. */
    UPDATED,
    /** It was known with exactly this configuration: nothing was written. */
    UNCHANGED
}
