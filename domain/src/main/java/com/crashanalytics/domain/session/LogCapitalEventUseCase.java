package com.crashanalytics.domain.session;

/** Records a deposit or withdrawal a bot reports: idempotent by (bot, client event id). */
public interface LogCapitalEventUseCase {

    /** The event as stored, and whether this call was a retry of one already stored. */
    LoggedCapitalEvent logCapitalEvent(LogCapitalEventCommand command);

    record LoggedCapitalEvent(CapitalEvent event, boolean duplicate) {
    }
}
