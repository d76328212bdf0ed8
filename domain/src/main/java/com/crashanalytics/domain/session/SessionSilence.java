package com.crashanalytics.domain.session;

import java.time.Instant;
import java.util.List;


/** Outbound port: what the stale-session watch reads and where it records how far it has looked. */
public interface SessionSilence {

    /** Up to when sessions going stale have been announced. */
    Instant sweptThrough();

    void sweptThrough(Instant at);

    /** Active sessions last heard from (round or heartbeat) in {@code (after, upTo]}, in that order. */
    List<Session> activeLastSeenBetween(Instant after, Instant upTo);
}
