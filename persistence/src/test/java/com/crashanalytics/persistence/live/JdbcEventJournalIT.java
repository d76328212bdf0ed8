package com.crashanalytics.persistence.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.crashanalytics.domain.live.EventJournal.JournalEntry;
import com.crashanalytics.persistence.testing.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The outbox: committed events in id order, never one whose smaller id commits after a larger one was read. */
class JdbcEventJournalIT {

    private static DataSource database;
    private static JdbcEventJournal reader;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.create("event_journal_test");
        reader = new JdbcEventJournal(JdbcClient.create(database));
    }

    @BeforeEach
    void empty() {
        JdbcClient.create(database).sql("TRUNCATE live_events").update();
    }

    @Test
    void anEventIsHandedOutOnlyOnceItsTransactionCommits() throws SQLException {
        try (Connection writer = transaction()) {
            append(writer, "ROUND_LOGGED", "{\"round\": 1}");

            assertThat(reader.readAfter(0, 100)).isEmpty();

            writer.commit();
        }
        List<JournalEntry> events = reader.readAfter(0, 100);
        assertThat(events).extracting(JournalEntry::kind).containsExactly("ROUND_LOGGED");
        assertThat(events.get(0).payloadJson()).isEqualTo("{\"round\": 1}");
    }

    @Test
    void aSmallerIdCommittedLaterIsNotSkipped() throws SQLException {
        try (Connection first = transaction(); Connection second = transaction()) {
            append(first, "ROUND_LOGGED", "{\"round\": 1}");
            append(second, "ROUND_LOGGED", "{\"round\": 2}");
            second.commit();

            // The second event committed, but the first transaction holds a smaller id and may still commit it.
            assertThat(reader.readAfter(0, 100)).isEmpty();

            first.commit();
        }
        assertThat(reader.readAfter(0, 100)).extracting(JournalEntry::payloadJson)
                .containsExactly("{\"round\": 1}", "{\"round\": 2}");
    }

    @Test
    void aRolledBackEventIsNeverHandedOutAndDoesNotHoldBackLaterOnes() throws SQLException {
        try (Connection abandoned = transaction(); Connection kept = transaction()) {
            append(abandoned, "ROUND_LOGGED", "{\"round\": 1}");
            append(kept, "ROUND_LOGGED", "{\"round\": 2}");
            kept.commit();
            abandoned.rollback();
        }
        assertThat(reader.readAfter(0, 100)).extracting(JournalEntry::payloadJson).containsExactly("{\"round\": 2}");
    }

    @Test
    void aReaderResumesAfterTheLastIdItSawInPagesOfTheLimit() throws SQLException {
        try (Connection writer = transaction()) {
            for (int round = 1; round <= 5; round++) {
                append(writer, "ROUND_LOGGED", "{\"round\": " + round + "}");
            }
            writer.commit();
        }
        List<JournalEntry> firstPage = reader.readAfter(0, 3);
        List<JournalEntry> secondPage = reader.readAfter(firstPage.get(2).id(), 3);

        assertThat(firstPage).extracting(JournalEntry::payloadJson)
                .containsExactly("{\"round\": 1}", "{\"round\": 2}", "{\"round\": 3}");
        assertThat(secondPage).extracting(JournalEntry::payloadJson)
                .containsExactly("{\"round\": 4}", "{\"round\": 5}");
    }

    @Test
    void listenersAreWokenAtCommitAndNotBefore() throws SQLException {
        try (Connection listener = database.getConnection(); Connection writer = transaction()) {
            try (Statement listen = listener.createStatement()) {
                listen.execute("LISTEN " + JdbcEventJournal.CHANNEL);
            }
            PGConnection notifications = listener.unwrap(PGConnection.class);
            append(writer, "SESSION_CHANGED", "{}");

            assertThat(notifications.getNotifications(200)).isNullOrEmpty();

            writer.commit();
            PGNotification[] woken = notifications.getNotifications(10_000);
            assertThat(woken).hasSize(1);
            assertThat(woken[0].getParameter()).isEqualTo(Long.toString(reader.readAfter(0, 1).get(0).id()));
        }
    }

    @Test
    void forgettingRemovesOnlyEventsRecordedBeforeTheCutoff() throws SQLException {
        try (Connection writer = transaction()) {
            append(writer, "ROUND_LOGGED", "{}");
            writer.commit();
        }
        JdbcClient.create(database).sql("UPDATE live_events SET recorded_at = now() - interval '2 hours'").update();
        try (Connection writer = transaction()) {
            append(writer, "ROUND_LOGGED", "{\"fresh\": true}");
            writer.commit();
        }

        assertThat(reader.forgetBefore(Instant.now().minusSeconds(3600))).isEqualTo(1);
        assertThat(reader.readAfter(0, 100)).extracting(JournalEntry::payloadJson).containsExactly("{\"fresh\": true}");
    }

    private static Connection transaction() throws SQLException {
        Connection connection = database.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    /** Appends through the adapter, on the given transaction's connection. */
    private static void append(Connection transaction, String kind, String payload) {
        new JdbcEventJournal(JdbcClient.create(new SingleConnectionDataSource(transaction, true))).append(kind, payload);
    }
}
