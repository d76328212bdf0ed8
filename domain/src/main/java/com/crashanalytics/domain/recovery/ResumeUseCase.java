package com.crashanalytics.domain.recovery;

/** Inbound port: what a restarted bot asks first. */
public interface ResumeUseCase {

    /** Where the bot left off; NOT_FOUND for a bot nobody registered. One snapshot of the data. */
    Resume resume(ResumeQuery query);
}
