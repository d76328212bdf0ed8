package com.crashanalytics.persistence.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;

import javax.sql.DataSource;

import com.crashanalytics.domain.live.JournalWakeups;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN} on the journal's channels over one connection of the pool, held for as long as the replica
 * reads the journal. When the database goes away the connection is dropped and taken again on the next wait;
 * meanwhile waits just time out (the reader then looks on its timer and finds the database down or back).
 */
public class PgJournalWakeups implements JournalWakeups {

    private static final Logger log = LoggerFactory.getLogger(PgJournalWakeups.class);

    private final DataSource dataSource;
    private final String ownNumberingMark;
    private @Nullable Connection listening;

    /** @param ownNumberingMark the {@link JdbcEventJournal#numberingMark()} of the journal this replica numbers with */
    public PgJournalWakeups(DataSource dataSource, String ownNumberingMark) {
        this.dataSource = dataSource;
        this.ownNumberingMark = ownNumberingMark;
    }

    @Override
    public synchronized boolean awaitNews(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            PGConnection listener = listener().unwrap(PGConnection.class);
            for (long left = timeout.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                PGNotification[] news = listener.getNotifications((int) Math.max(1, left));
                if (news == null || news.length == 0) {
                    return false;
                }
                if (Arrays.stream(news).anyMatch(this::isNews)) {
                    return true;
                }
                // Only this replica's own numbering: its reader has read what that numbered; keep waiting.
            }
            return false;
        } catch (SQLException lost) {
            stopListening(lost);
            Thread.sleep(timeout.toMillis());
            return false;
        }
    }

    @Override
    public synchronized void discardNews() {
        try {
            // Without a timeout the driver takes only what has already arrived on the socket: it never blocks.
            listener().unwrap(PGConnection.class).getNotifications();
        } catch (SQLException lost) {
            stopListening(lost);
        }
    }

    /** Drops a listening connection that failed: the next wait, or the next news let go, listens again. */
    private void stopListening(SQLException lost) {
        log.warn("Live events: listening for new events failed ({}); listening again shortly", lost.getMessage());
        close();
    }

    /** Commits of events, and numberings by other replicas: this replica's reader read right after its own. */
    private boolean isNews(PGNotification notification) {
        return !(JdbcEventJournal.NUMBERED_CHANNEL.equals(notification.getName())
                && ownNumberingMark.equals(notification.getParameter()));
    }

    private Connection listener() throws SQLException {
        if (listening == null) {
            Connection connection = dataSource.getConnection();
            try (Statement listen = connection.createStatement()) {
                connection.setAutoCommit(true);
                listen.execute(SqlTemplate.sql("LISTEN {channel}").with("channel", JdbcEventJournal.CHANNEL).text());
                listen.execute(SqlTemplate.sql("LISTEN {channel}").with("channel", JdbcEventJournal.NUMBERED_CHANNEL)
                        .text());
            } catch (SQLException failed) {
                connection.close();
                throw failed;
            }
            listening = connection;
        }
        return listening;
    }

    @Override
    public synchronized void close() {
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException ignored) {
                // Already broken: nothing more to release.
            }
            listening = null;
        }
    }
}
