package com.crashanalytics.persistence.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

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
    private @Nullable Connection listening;

    public PgJournalWakeups(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized boolean awaitNews(Duration timeout) throws InterruptedException {
        try {
            PGNotification[] news = listener().unwrap(PGConnection.class)
                    .getNotifications((int) Math.max(1, timeout.toMillis()));
            return news != null && news.length > 0;
        } catch (SQLException lost) {
            log.warn("Live events: listening for new events failed ({}); listening again shortly", lost.getMessage());
            close();
            Thread.sleep(timeout.toMillis());
            return false;
        }
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
