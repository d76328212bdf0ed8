package com.crashanalytics.persistence.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.crashanalytics.domain.live.EventJournal.NewEvent;
import com.crashanalytics.persistence.testing.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two replicas on one database: each reader is woken by events committed anywhere and by the other replica's
 * numbering, not by its own numbering (it reads right after numbering; the notification woke it a second time for
 * every round logged alone).
 */
class PgJournalWakeupsIT {

    private static final Duration LONG = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(300);

    private static DataSource database;
    private static JdbcEventJournal journalA;
    private static JdbcEventJournal journalB;
    private static TransactionTemplate transaction;

    private final PgJournalWakeups replicaA = new PgJournalWakeups(database, journalA.numberingMark());
    private final PgJournalWakeups replicaB = new PgJournalWakeups(database, journalB.numberingMark());

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.create("journal_wakeups_test");
        transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
        journalA = new JdbcEventJournal(JdbcClient.create(database));
        journalB = new JdbcEventJournal(JdbcClient.create(database));
    }

    @AfterEach
    void close() {
        replicaA.close();
        replicaB.close();
    }

    @Test
    void aReplicaIsWokenByCommitsAndByTheOtherReplicasNumberingButNotByItsOwn() throws InterruptedException {
        assertThat(journalA.numberingMark()).isNotEqualTo(journalB.numberingMark());
        assertThat(replicaA.awaitNews(SHORT)).as("listening, nothing yet").isFalse();
        assertThat(replicaB.awaitNews(SHORT)).isFalse();

        commitAnEvent();
        assertThat(replicaA.awaitNews(LONG)).as("a commit wakes every replica").isTrue();
        assertThat(replicaB.awaitNews(LONG)).isTrue();

        assertThat(journalA.numberCommitted().numbered()).isEqualTo(1);
        assertThat(replicaB.awaitNews(LONG)).as("A's numbering wakes B").isTrue();
        assertThat(replicaA.awaitNews(SHORT)).as("A's own numbering does not wake A").isFalse();

        commitAnEvent();
        assertThat(replicaA.awaitNews(LONG)).isTrue();
        assertThat(replicaB.awaitNews(LONG)).isTrue();
        assertThat(journalB.numberCommitted().numbered()).isEqualTo(1);
        assertThat(replicaA.awaitNews(LONG)).as("B's numbering wakes A").isTrue();
        assertThat(replicaB.awaitNews(SHORT)).as("B's own numbering does not wake B").isFalse();
    }

    @Test
    void newsLetGoIsNotNewsForTheNextWait() throws InterruptedException {
        assertThat(replicaA.awaitNews(SHORT)).as("listening, nothing yet").isFalse();
        assertThat(replicaB.awaitNews(SHORT)).isFalse();
        replicaA.discardNews();
        assertThat(replicaA.awaitNews(SHORT)).as("nothing to let go: still listening").isFalse();

        commitAnEvent();
        assertThat(replicaB.awaitNews(LONG)).as("the commit's notification has been delivered").isTrue();
        Thread.sleep(SHORT.toMillis()); // and has reached A's socket too
        replicaA.discardNews();
        assertThat(replicaA.awaitNews(SHORT)).as("the commit's news, let go").isFalse();

        commitAnEvent();
        assertThat(replicaA.awaitNews(LONG)).as("later commits still wake A").isTrue();
    }

    private static void commitAnEvent() {
        transaction.executeWithoutResult(status -> journalA.appendAll(List.of(new NewEvent("SESSION_CHANGED", "{}"))));
    }
}
