package com.crashanalytics.api.live;

import com.crashanalytics.domain.live.LiveEventKind;

/**
 * One event of the journal as a replica's feed hands it to subscribers: its id (the {@code eventId} clients resume
 * with), its kind and its decoded payload (one of {@link LiveViews}' records).
 */
public record LiveEvent(long id, LiveEventKind kind, Object view) {
}
