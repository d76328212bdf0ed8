package com.crashanalytics.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.crashanalytics.domain.live.EventJournal;
import com.crashanalytics.domain.live.JournalWakeups;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reader of one replica, on a journal held in memory (the journal's SQL is {@code JdbcEventJournalIT}'s, the feed
 * end to end {@code LiveSubscriptionsIT}'s): with nobody subscribed it numbers on its timer, not at every news, and
 * passes over events without reading them; a subscriber wakes it, starts after what committed before it, and a
 * resuming one still gets every event after where it resumed; with subscribers it reads only when the numbering says
 * the journal ends past what it read.
 */
class LiveFeedReaderTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    private final MemoryJournal journal = new MemoryJournal();
    private final Wakeups wakeups = new Wakeups();
    private @Nullable LiveFeed feed;

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.stop();
        }
    }

    /** A started feed looking at the journal on news while subscribed, and every {@code pollInterval}. */
    private LiveFeed startedFeed(Duration pollInterval) {
        LiveFeed started = new LiveFeed(journal, wakeups,
                new LiveFeedSettings(Duration.ofHours(1), 1_000, pollInterval, Duration.ofMinutes(1)));
        feed = started;
        started.start();
        return started;
    }

    @Test
    void withNobodySubscribedTheReaderNumbersOnItsTimerAndLetsTheNewsGo() {
        startedFeed(Duration.ofMillis(100));
        await().until(() -> journal.numberings.get() >= 1);
        for (int commit = 0; commit < 500; commit++) {
            journal.add(1);
            wakeups.news.release();
        }
        int numberingsAfterTheCommits = journal.numberings.get();
        await().until(() -> journal.numberings.get() >= numberingsAfterTheCommits + 2);

        assertThat(wakeups.waits).as("waits for news while nobody was subscribed").hasValue(0);
        assertThat(journal.numberings.get()).as("numberings: on the timer, not one per commit's news").isLessThan(100);
        await().until(() -> wakeups.news.availablePermits() == 0);
        assertThat(wakeups.discarded).as("the news let go, not left to pile up").hasValueGreaterThan(0);
        assertThat(journal.reads).as("reads of the journal while nobody was subscribed").hasValue(0);
        assertThat(journal.entriesRead).as("payloads read while nobody was subscribed").hasValue(0);
    }

    @Test
    void aSubscriberWakesTheReaderFromItsTimerAndGetsOnlyWhatCommitsAfterIt() {
        LiveFeed live = startedFeed(AN_HOUR);
        await().until(() -> journal.numberings.get() == 1 && readerState() == Thread.State.TIMED_WAITING);
        journal.add(1_000); // committed before anyone subscribed; the reader, on its hour's timer, has not numbered it

        List<Long> received = new CopyOnWriteArrayList<>();
        live.subscribe(null, event -> true).subscribe(event -> received.add(event.id()));
        wakeups.awaitReaderWaiting(); // woken long before its hour: it now waits for news
        journal.add(2);
        wakeups.wakeAndAwaitReaderWaiting();
        await().until(() -> received.size() == 2);
        assertThat(received).as("a subscriber from now gets what comes after it").containsExactly(1_001L, 1_002L);
    }

    @Test
    void aSubscriberRegisteringWhileTheReaderNumbersOnItsTimerStartsAfterWhatCommittedBeforeIt() {
        LiveFeed live = startedFeed(Duration.ofMillis(100));
        await().until(() -> journal.numberings.get() >= 1);
        journal.add(3); // committed before the subscriber, numbered by the timer's next look
        List<Long> received = new CopyOnWriteArrayList<>();
        // Registers while the reader numbers on its timer, before it moves the head over what nobody watched.
        journal.whileNumbering.set(() -> live.subscribe(null, event -> true).subscribe(event -> received.add(event.id())));
        await().until(() -> journal.whileNumbering.get() == null);
        wakeups.awaitReaderWaiting();

        journal.add(1);
        wakeups.wakeAndAwaitReaderWaiting();
        await().until(() -> received.size() == 1);
        assertThat(received).as("nothing committed before it, nothing missed after").containsExactly(4L);
    }

    @Test
    void aSubscriberResumingWhileNobodyWatchedGetsWhatWasPassedOver() {
        LiveFeed live = startedFeed(Duration.ofMillis(100));
        journal.add(3);
        int numberings = journal.numberings.get();
        await().until(() -> journal.numberings.get() > numberings + 1); // numbered and passed over unread
        assertThat(journal.entriesRead).hasValue(0);

        List<Long> received = new CopyOnWriteArrayList<>();
        live.subscribe(0L, event -> true).subscribe(event -> received.add(event.id()));
        await().until(() -> received.size() == 3);
        wakeups.awaitReaderWaiting();
        journal.add(1);
        wakeups.wakeAndAwaitReaderWaiting();
        await().until(() -> received.size() == 4);
        assertThat(received).as("nothing twice, nothing missed").containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aWakeUpWithNothingNumberedSinceTheLastReadReadsNothing() {
        LiveFeed live = startedFeed(AN_HOUR);
        List<Long> received = new CopyOnWriteArrayList<>();
        live.subscribe(null, event -> true).subscribe(event -> received.add(event.id()));
        wakeups.awaitReaderWaiting();
        journal.add(2);
        wakeups.wakeAndAwaitReaderWaiting();
        await().until(() -> received.size() == 2);
        int readsWithNews = journal.reads.get();
        int numberingsWithNews = journal.numberings.get();

        wakeups.wakeAndAwaitReaderWaiting();
        wakeups.wakeAndAwaitReaderWaiting();
        assertThat(journal.numberings.get()).as("each wake-up numbers").isEqualTo(numberingsWithNews + 2);
        assertThat(journal.reads).as("reads when the journal ended where the subscriber's feed stood")
                .hasValue(readsWithNews);

        journal.add(1);
        wakeups.wakeAndAwaitReaderWaiting();
        await().until(() -> received.size() == 3);
        assertThat(received).containsExactly(1L, 2L, 3L);
    }

    /** Numbered events in memory; counts the payloads handed to the reader. */
    private static final class MemoryJournal implements EventJournal {
        private final List<JournalEntry> entries = new CopyOnWriteArrayList<>();
        private final AtomicInteger entriesRead = new AtomicInteger();
        /** How many times the reader asked for events. */
        private final AtomicInteger reads = new AtomicInteger();
        /** How many times the reader numbered (once a wake-up). */
        private final AtomicInteger numberings = new AtomicInteger();
        /** Run inside the next numbering, before it tells where the journal ends. */
        private final AtomicReference<@Nullable Runnable> whileNumbering = new AtomicReference<>();

        synchronized void add(int count) {
            for (int event = 0; event < count; event++) {
                long id = entries.size() + 1;
                entries.add(new JournalEntry(id, "SESSION_CHANGED", """
                        {"eventId": 0, "change": "STARTED", "sessionId": "s%d", "botId": "b", "gameName": "aviator",
                         "platformCode": "spribe", "strategyName": null, "status": "ACTIVE", "balance": "100",
                         "roundsPlayed": 0, "lastSeenAt": "2026-12-06T00:00:00Z", "at": "2026-12-06T00:00:00Z"}
                        """.formatted(id), Instant.now()));
            }
        }

        @Override
        public void appendAll(List<NewEvent> events) {
            throw new UnsupportedOperationException("the reader only reads");
        }

        @Override
        public Numbering numberCommitted() {
            numberings.incrementAndGet();
            Runnable hook = whileNumbering.getAndSet(null);
            if (hook != null) {
                hook.run();
            }
            return new Numbering(0, entries.size());
        }

        @Override
        public List<JournalEntry> readAfter(long afterId, int limit) {
            List<JournalEntry> page = new ArrayList<>();
            for (JournalEntry entry : entries) {
                if (entry.id() > afterId && page.size() < limit) {
                    page.add(entry);
                }
            }
            entriesRead.addAndGet(page.size());
            reads.incrementAndGet();
            return page;
        }

        @Override
        public long headId() {
            return entries.size();
        }

        @Override
        public long forgottenThrough() {
            return 0;
        }

        @Override
        public int forgetBefore(Instant cutoff) {
            return 0;
        }
    }

    /** The state of the feed's reader thread. */
    private static Thread.State readerState() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals("live-feed"))
                .findFirst().map(Thread::getState).orElse(Thread.State.TERMINATED);
    }

    /** Wakes the reader only when the test says so, and tells when it is waiting again (so nothing is read meanwhile). */
    private static final class Wakeups implements JournalWakeups {
        private final Semaphore news = new Semaphore(0);
        private final AtomicInteger waits = new AtomicInteger();
        private final AtomicInteger discarded = new AtomicInteger();
        private volatile boolean waiting;

        void awaitReaderWaiting() {
            await().until(() -> waiting);
        }

        void wakeAndAwaitReaderWaiting() {
            int before = waits.get();
            news.release();
            await().until(() -> waiting && waits.get() > before);
        }

        @Override
        public boolean awaitNews(Duration timeout) throws InterruptedException {
            waits.incrementAndGet();
            waiting = true;
            try {
                news.acquire();
                return true;
            } finally {
                waiting = false;
            }
        }

        @Override
        public void discardNews() {
            discarded.addAndGet(news.drainPermits());
        }

        @Override
        public void close() {
        }
    }
}
