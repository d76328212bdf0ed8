package com.crashanalytics.domain.bot;

/** What registering did to the registry. */
public enum Registration {
    /** The bot was not known before. */
    CREATED,
    /** The bot was known and its configuration changed. */
    UPDATED,
    /** The bot was known with exactly this configuration: nothing was written. */
    UNCHANGED
}
