package com.crashanalytics.persistence.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.crashanalytics.domain.live.EventJournal.JournalEntry;
import com.crashanalytics.domain.live.EventJournal.NewEvent;
import com.crashanalytics.domain.live.EventJournal.Numbering;
import com.crashanalytics.persistence.testing.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The outbox: committed events numbered in the order they became visible, so a reader never has one appear behind it. */
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
        JdbcClient.create(database).sql("UPDATE live_feed_state SET forgotten_through = 0").update();
    }

    @Test
    void anEventIsHandedOutOnlyOnceItsTransactionCommits() throws SQLException {
        try (Connection writer = transaction()) {
            append(writer, "ROUND_LOGGED", "{\"round\": 1}");

            assertThat(reader.numberCommitted().numbered()).isZero();
            assertThat(reader.readAfter(0, 100)).isEmpty();

            writer.commit();
        }
        assertThat(reader.numberCommitted().numbered()).isEqualTo(1);
        List<JournalEntry> events = reader.readAfter(0, 100);
        assertThat(events).extracting(JournalEntry::kind).containsExactly("ROUND_LOGGED");
        assertThat(events.get(0).payloadJson()).isEqualTo("{\"round\": 1}");
        assertThat(events.get(0).id()).isEqualTo(reader.headId());
    }

    @Test
    void aSmallerIdCommittedLaterComesAfterTheReaderInsteadOfBehindIt() throws SQLException {
        long seen;
        try (Connection first = transaction(); Connection second = transaction()) {
            append(first, "ROUND_LOGGED", "{\"round\": 1}");
            append(second, "ROUND_LOGGED", "{\"round\": 2}");
            second.commit();
            reader.numberCommitted();
            List<JournalEntry> before = reader.readAfter(0, 100);
            assertThat(before).extracting(JournalEntry::payloadJson).containsExactly("{\"round\": 2}");
            seen = before.get(0).id();

            first.commit();
        }
        reader.numberCommitted();

        // Numbered in the order they became visible: the reader resuming after what it saw misses nothing.
        assertThat(reader.readAfter(seen, 100)).extracting(JournalEntry::payloadJson).containsExactly("{\"round\": 1}");
    }

    @Test
    void anOlderTransactionTakingALargerIdDoesNotOvertakeANewerOneHoldingASmallerId() throws SQLException {
        long seen;
        try (Connection older = transaction(); Connection newer = transaction()) {
            transactionIdOf(older);
            transactionIdOf(newer);
            append(newer, "ROUND_LOGGED", "{\"round\": 1}");
            append(older, "ROUND_LOGGED", "{\"round\": 2}");
            older.commit();
            reader.numberCommitted();
            seen = reader.headId();

            newer.commit();
        }
        reader.numberCommitted();

        assertThat(reader.readAfter(0, 100)).extracting(JournalEntry::payloadJson)
                .containsExactly("{\"round\": 2}", "{\"round\": 1}");
        assertThat(reader.readAfter(seen, 100)).extracting(JournalEntry::payloadJson).containsExactly("{\"round\": 1}");
    }

    @Test
    void oneReplicaNumbersAtATimeAndTheOtherSkips() throws SQLException {
        try (Connection writer = transaction()) {
            append(writer, "ROUND_LOGGED", "{}");
            writer.commit();
        }
        try (Connection otherReplica = transaction()) {
            try (Statement lock = otherReplica.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(" + 0x11_7e_e7e17L + ")");
            }
            assertThat(reader.numberCommitted()).as("another replica numbers right now: nothing numbered, the end as it stands")
                    .isEqualTo(new Numbering(0, 0));
            otherReplica.rollback();
        }
        assertThat(reader.numberCommitted()).isEqualTo(new Numbering(1, 1));
    }

    @Test
    void aNumberingTellsHowManyItNumberedAndWhereTheJournalEnds() throws SQLException {
        assertThat(reader.numberCommitted()).as("an empty journal").isEqualTo(new Numbering(0, 0));
        try (Connection writer = transaction()) {
            append(writer, "SESSION_CHANGED", "{}");
            writer.commit();
        }
        try (Connection writer = transaction()) {
            appendAll(writer, List.of(new NewEvent("ROUND_LOGGED", "{}"), new NewEvent("CRASH_OBSERVED", "{}"),
                    new NewEvent("ROUND_LOGGED", "{}")));
            writer.commit();
        }
        assertThat(reader.numberCommitted()).as("two rows numbered, the bundle's last event at 4").isEqualTo(new Numbering(2, 4));
        assertThat(reader.headId()).isEqualTo(4);
        assertThat(reader.numberCommitted()).as("nothing new").isEqualTo(new Numbering(0, 4));

        JdbcClient.create(database).sql("DELETE FROM live_events").update();
        JdbcClient.create(database).sql("UPDATE live_feed_state SET forgotten_through = 9").update();
        assertThat(reader.numberCommitted()).as("every event forgotten: the end is where forgetting reached")
                .isEqualTo(new Numbering(0, 9));
    }

    @Test
    void aNumberingCalledOutsideATransactionHoldsTheLockOnlyForItsOwnStatement() throws SQLException {
        try (Connection writer = transaction()) {
            append(writer, "SESSION_CHANGED", "{}");
            writer.commit();
        }
        assertThat(reader.numberCommitted().numbered()).isEqualTo(1);
        try (Connection otherReplica = transaction();
             Statement lock = otherReplica.createStatement();
             ResultSet taken = lock.executeQuery("SELECT pg_try_advisory_xact_lock(" + 0x11_7e_e7e17L + ")")) {
            taken.next();
            assertThat(taken.getBoolean(1)).as("the reader's numbering committed and let the lock go").isTrue();
            otherReplica.rollback();
        }
    }

    @Test
    void eventsOfOneTransactionKeepTheOrderTheyWereAppendedIn() throws SQLException {
        try (Connection writer = transaction()) {
            appendAll(writer, List.of(
                    new NewEvent("ROUND_LOGGED", "{\"n\": 1}"), new NewEvent("CRASH_OBSERVED", "{\"n\": 2}"),
                    new NewEvent("SESSION_CHANGED", "{\"n\": 3}")));
            writer.commit();
        }
        reader.numberCommitted();
        assertThat(reader.readAfter(0, 100)).extracting(JournalEntry::kind)
                .containsExactly("ROUND_LOGGED", "CRASH_OBSERVED", "SESSION_CHANGED");
    }

    @Test
    void anAppendOfSeveralEventsIsOneRowReadAsItsEventsNumberedOneByOne() throws SQLException {
        try (Connection writer = transaction()) {
            append(writer, "SESSION_CHANGED", "{\"n\": 1}");
            writer.commit();
        }
        try (Connection writer = transaction()) {
            appendAll(writer, List.of(new NewEvent("ROUND_LOGGED", "{\"n\": 2}"),
                    new NewEvent("CRASH_OBSERVED", "{\"n\": 3, \"text\": \"a \\\"quoted\\\" word\"}"),
                    new NewEvent("ROUND_LOGGED", "{\"n\": 4}")));
            writer.commit();
        }
        try (Connection writer = transaction()) {
            append(writer, "SESSION_CHANGED", "{\"n\": 5}");
            writer.commit();
        }
        reader.numberCommitted();

        assertThat(JdbcClient.create(database).sql("SELECT kind || ' ' || events || ' ' || position FROM live_events ORDER BY id")
                .query(String.class).list())
                .as("one row for the append of three, numbered with its last event's position")
                .containsExactly("SESSION_CHANGED 1 1", JdbcEventJournal.BUNDLE + " 3 4", "SESSION_CHANGED 1 5");
        List<JournalEntry> events = reader.readAfter(0, 100);
        assertThat(events).extracting(JournalEntry::id).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(events).extracting(JournalEntry::kind)
                .containsExactly("SESSION_CHANGED", "ROUND_LOGGED", "CRASH_OBSERVED", "ROUND_LOGGED", "SESSION_CHANGED");
        assertThat(events).extracting(JournalEntry::payloadJson).containsExactly("{\"n\": 1}", "{\"n\": 2}",
                "{\"n\": 3, \"text\": \"a \\\"quoted\\\" word\"}", "{\"n\": 4}", "{\"n\": 5}");
        assertThat(reader.headId()).isEqualTo(5);
        assertThat(JdbcClient.create(database).sql("SELECT position || ' ' || kind || ' ' || payload FROM live_event_entries ORDER BY position")
                .query(String.class).list())
                .as("the view shows each event as a row of its own")
                .containsExactly("1 SESSION_CHANGED {\"n\": 1}", "2 ROUND_LOGGED {\"n\": 2}",
                        "3 CRASH_OBSERVED {\"n\": 3, \"text\": \"a \\\"quoted\\\" word\"}", "4 ROUND_LOGGED {\"n\": 4}",
                        "5 SESSION_CHANGED {\"n\": 5}");
    }

    @Test
    void aPageEndingInsideABundleIsFollowedByTheRestOfIt() throws SQLException {
        try (Connection writer = transaction()) {
            appendAll(writer, List.of(new NewEvent("ROUND_LOGGED", "{\"round\": 1}"), new NewEvent("ROUND_LOGGED", "{\"round\": 2}"),
                    new NewEvent("ROUND_LOGGED", "{\"round\": 3}"), new NewEvent("ROUND_LOGGED", "{\"round\": 4}"),
                    new NewEvent("ROUND_LOGGED", "{\"round\": 5}")));
            writer.commit();
        }
        try (Connection writer = transaction()) {
            append(writer, "ROUND_LOGGED", "{\"round\": 6}");
            writer.commit();
        }
        reader.numberCommitted();

        List<String> read = new ArrayList<>();
        long after = 0;
        for (List<JournalEntry> page = reader.readAfter(after, 2); !page.isEmpty(); page = reader.readAfter(after, 2)) {
            assertThat(page).hasSizeLessThanOrEqualTo(2);
            page.forEach(entry -> read.add(entry.id() + " " + entry.payloadJson()));
            after = page.get(page.size() - 1).id();
        }
        assertThat(read).containsExactly("1 {\"round\": 1}", "2 {\"round\": 2}", "3 {\"round\": 3}", "4 {\"round\": 4}",
                "5 {\"round\": 5}", "6 {\"round\": 6}");
    }

    @Test
    void forgettingABundleForgetsAllItsEventsUpToItsLast() throws SQLException {
        try (Connection writer = transaction()) {
            appendAll(writer, List.of(new NewEvent("ROUND_LOGGED", "{}"), new NewEvent("ROUND_LOGGED", "{}"),
                    new NewEvent("ROUND_LOGGED", "{}")));
            writer.commit();
        }
        reader.numberCommitted();
        JdbcClient.create(database).sql("UPDATE live_events SET recorded_at = now() - interval '2 hours'").update();

        assertThat(reader.forgetBefore(Instant.now().minusSeconds(3600))).as("events, not rows").isEqualTo(3);
        assertThat(reader.forgottenThrough()).isEqualTo(3);
        assertThat(reader.headId()).isEqualTo(3);
    }

    @Test
    void aRolledBackEventIsNeverHandedOutAndDoesNotHoldBackLaterOnes() throws SQLException {
        try (Connection abandoned = transaction(); Connection kept = transaction()) {
            append(abandoned, "ROUND_LOGGED", "{\"round\": 1}");
            append(kept, "ROUND_LOGGED", "{\"round\": 2}");
            kept.commit();
            abandoned.rollback();
        }
        reader.numberCommitted();
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
        reader.numberCommitted();
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
            assertThat(woken[0].getName()).isEqualTo(JdbcEventJournal.CHANNEL);
        }
    }

    @Test
    void forgettingRemovesOnlyEventsRecordedBeforeTheCutoff() throws SQLException {
        try (Connection writer = transaction()) {
            append(writer, "ROUND_LOGGED", "{}");
            writer.commit();
        }
        reader.numberCommitted();
        JdbcClient.create(database).sql("UPDATE live_events SET recorded_at = now() - interval '2 hours'").update();
        try (Connection writer = transaction()) {
            append(writer, "ROUND_LOGGED", "{\"fresh\": true}");
            writer.commit();
        }
        reader.numberCommitted();

        long oldId = reader.readAfter(0, 1).get(0).id();

        assertThat(reader.forgetBefore(Instant.now().minusSeconds(3600))).isEqualTo(1);
        assertThat(reader.readAfter(0, 100)).extracting(JournalEntry::payloadJson).containsExactly("{\"fresh\": true}");
        assertThat(reader.forgottenThrough()).isEqualTo(oldId);
        assertThat(reader.forgetBefore(Instant.now().minusSeconds(3600))).isZero();
        assertThat(reader.forgottenThrough()).as("never moves back").isEqualTo(oldId);
        long freshId = reader.headId();
        reader.forgetBefore(Instant.now().plusSeconds(60));
        try (Connection writer = transaction()) {
            append(writer, "ROUND_LOGGED", "{\"later\": true}");
            writer.commit();
        }
        reader.numberCommitted();
        assertThat(reader.readAfter(0, 100)).as("numbers are never given twice, even once every event is forgotten")
                .extracting(JournalEntry::id).containsExactly(freshId + 1);
    }

    private static void transactionIdOf(Connection transaction) throws SQLException {
        try (Statement statement = transaction.createStatement()) {
            statement.execute("SELECT pg_current_xact_id()");
        }
    }

    private static Connection transaction() throws SQLException {
        Connection connection = database.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    /** Appends through the adapter, on the given transaction's connection. */
    private static void append(Connection transaction, String kind, String payload) {
        appendAll(transaction, List.of(new NewEvent(kind, payload)));
    }

    private static void appendAll(Connection transaction, List<NewEvent> events) {
        new JdbcEventJournal(JdbcClient.create(new SingleConnectionDataSource(transaction, true))).appendAll(events);
    }
}
