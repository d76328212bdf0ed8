package com.crashanalytics.domain.session;

import java.util.Optional;

/** Where capital events are kept (outbound port). */
public interface CapitalEventLog {

    /** Stores the event unless one with its (bot, client event id) exists; says whether it stored it. */
    boolean insertIfAbsent(CapitalEvent event);

    Optional<CapitalEvent> find(String botId, String clientEventId);
}
