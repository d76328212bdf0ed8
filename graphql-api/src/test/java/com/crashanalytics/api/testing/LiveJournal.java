package com.crashanalytics.api.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the live journal ends now, for a subscriber that wants only what comes next. An event gets its id (its
 * {@code position}) from the numbering transaction just after the event's own transaction commits, so an event
 * committed a moment ago may have none yet; taken then, the end would come before it and the subscriber would get
 * an event of an earlier write. So this waits until every committed event is numbered.
 */
public final class LiveJournal {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private LiveJournal() {
    }

    public static long end(JdbcTemplate jdbc) {
        await("every committed live event numbered").atMost(PATIENCE).pollInterval(Duration.ofMillis(10))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM live_events WHERE position IS NULL", Long.class) == 0);
        return jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM live_events", Long.class);
    }
}
