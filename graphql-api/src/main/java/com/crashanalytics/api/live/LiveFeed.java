package com.crashanalytics.api.live;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import com.crashanalytics.domain.live.EventJournal;
import com.crashanalytics.domain.live.EventJournal.JournalEntry;
import com.crashanalytics.domain.live.JournalWakeups;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * This replica's reader of the event journal and the fan-out to its subscribers. One thread waits for news
 * (LISTEN/NOTIFY, or its timer), numbers what committed (when no other replica is doing it), reads the numbered
 * events in order and offers each to every subscriber whose filter takes it. With nobody subscribed here it numbers
 * on its timer alone, not after every commit (see {@link #awaitNextLook}).
 *
 * <p>A subscriber has its own bounded buffer: offering never blocks, so a slow subscriber never slows the reader or
 * ingest; when its buffer is full its feed ends with {@link SubscriberTooSlowException}, which tells it where to
 * resume. A subscriber that resumes ({@code after}) reads the journal until level with the reader, is registered, then
 * reads the journal up to where the reader stood at registration, so what arrives meanwhile is buffered, nothing is
 * missed, and ids already delivered are skipped.
 */
public final class LiveFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    private static final int PAGE = 500;

    private final EventJournal journal;
    private final JournalWakeups wakeups;
    private final LiveFeedSettings settings;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** The id of the last event the reader read (set before it is offered, see {@link #subscribe}). */
    private final AtomicLong head = new AtomicLong(-1);
    private volatile boolean running;
    private volatile @Nullable Thread reader;

    public LiveFeed(EventJournal journal, JournalWakeups wakeups, LiveFeedSettings settings) {
        this.journal = journal;
        this.wakeups = wakeups;
        this.settings = settings;
    }

    /**
     * The events that pass {@code filter}: after {@code after} when given (what was missed, then live), else from
     * now. Fails with {@link ResumeExpiredException} when events after {@code after} were already forgotten.
     */
    public Flux<LiveEvent> subscribe(@Nullable Long after, Predicate<LiveEvent> filter) {
        return subscribe(after, filter, null);
    }

    /**
     * As {@link #subscribe(Long, Predicate)}, telling {@code progress} (when given) each event handed on, so that
     * where the client really stands can be told apart from where the feed stands (see {@link SubscriptionProgress}).
     * Every event this feed hands on must reach the GraphQL engine: filter with {@code filter}, not downstream.
     */
    Flux<LiveEvent> subscribe(@Nullable Long after, Predicate<LiveEvent> filter,
                              @Nullable SubscriptionProgress progress) {
        return Flux.defer(() -> {
            Subscriber subscriber = new Subscriber(filter, settings.subscriberBuffer());
            long[] lastDelivered = {0};
            Flux<LiveEvent> events;
            if (after == null) {
                boolean readerOnItsTimer = subscribers.isEmpty();
                register(subscriber);
                lastDelivered[0] = readerOnItsTimer ? numberedNow() : awaitHead();
                events = subscriber.events();
            } else {
                lastDelivered[0] = after;
                events = Flux.concat(missedSince(after, subscriber, filter), subscriber.events());
            }
            if (progress != null) {
                progress.startsAfter(lastDelivered[0]);
            }
            return events
                    .filter(event -> event.id() > lastDelivered[0])
                    .doOnNext(event -> {
                        lastDelivered[0] = event.id();
                        if (progress != null) {
                            progress.handedOver(event.id());
                        }
                    })
                    .onErrorMap(SubscriberTooSlowException.class,
                            tooSlow -> new SubscriberTooSlowException(lastDelivered[0]))
                    .doFinally(signal -> subscribers.remove(subscriber));
        });
    }

    /**
     * Adds a subscriber, and wakes the reader should it be waiting on its timer (nobody was subscribed): from now on
     * it numbers and reads as events commit.
     */
    private void register(Subscriber subscriber) {
        subscribers.add(subscriber);
        Thread thread = reader;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Where a subscription from now starts when the reader has been numbering on its timer: its head may stand up to
     * a poll interval behind the commits, and events committed before the subscription must not be sent to it. The
     * numbering says where the journal ends now; should the database be away, the head will do (the subscriber may
     * then get events committed just before it subscribed, as it could before the timer).
     */
    private long numberedNow() {
        try {
            return Math.max(journal.numberCommitted().headId(), awaitHead());
        } catch (RuntimeException databaseAway) {
            log.warn("Live events: numbering for a new subscriber failed ({}); starting at the head",
                    databaseAway.getMessage());
            return awaitHead();
        }
    }

    /** How many subscriptions this replica serves now. */
    public int subscriberCount() {
        return subscribers.size();
    }

    /**
     * What a resuming subscriber missed, read from the journal, ending with it registered for live events. It reads
     * until level with the reader before registering, so a long replay does not fill its live buffer with events it
     * is replaying anyway; once registered it reads the few events between, up to where the reader stood then (what
     * the reader offers meanwhile is buffered, and what was read twice is skipped by id).
     */
    private Flux<LiveEvent> missedSince(long after, Subscriber subscriber, Predicate<LiveEvent> filter) {
        return Flux.defer(() -> {
            if (after < journal.forgottenThrough()) {
                return Flux.error(new ResumeExpiredException(after, journal.forgottenThrough()));
            }
            long[] read = {after};
            Flux<LiveEvent> handOver = Flux.defer(() -> {
                register(subscriber);
                long standsAt = awaitHead();
                return journalAfter(read, () -> standsAt, filter);
            });
            return Flux.concat(journalAfter(read, this::awaitHead, filter), handOver);
        });
    }

    /** The journal's events after {@code read[0]} up to at least {@code upTo}, page by page, keeping {@code read[0]}. */
    private Flux<LiveEvent> journalAfter(long[] read, LongSupplier upTo, Predicate<LiveEvent> filter) {
        return Flux.<List<JournalEntry>>generate(sink -> {
                    if (read[0] >= upTo.getAsLong()) {
                        sink.complete();
                        return;
                    }
                    List<JournalEntry> page = journal.readAfter(read[0], PAGE);
                    if (page.isEmpty()) {
                        sink.complete();
                        return;
                    }
                    read[0] = page.get(page.size() - 1).id();
                    sink.next(page);
                })
                .flatMapIterable(page -> page)
                .mapNotNull(LiveFeed::decoded)
                .filter(filter)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Where the reader stands; before its first read (just started), where the journal ends. */
    private long awaitHead() {
        long at = head.get();
        return at >= 0 ? at : journal.headId();
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::readUntilStopped, "live-feed");
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    private void readUntilStopped() {
        while (running) {
            try {
                if (head.get() < 0) {
                    head.set(journal.headId());
                }
                readWhatIsNew(journal.numberCommitted().headId());
                awaitNextLook();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failed) {
                // The database is away (restart, failover): keep trying; subscribers just wait for events.
                log.warn("Live events: reading the journal failed ({}); trying again", failed.getMessage());
                pause(settings.pollInterval().multipliedBy(4));
            }
        }
    }

    /**
     * Until the next look at the journal: the next news (a commit, another replica's numbering) or the poll interval,
     * whichever comes first, while anyone is subscribed here. With nobody subscribed it waits out the interval (or
     * until a subscriber registers) and lets the news go: each numbering is a transaction with a WAL flush, after
     * every commit that was one more a round for a bot logging alone, for events nobody here was waiting for. Other
     * replicas' readers number as events commit for their own subscribers, and retention forgets numbered events
     * only, so the journal is numbered within an interval either way.
     */
    private void awaitNextLook() throws InterruptedException {
        if (!subscribers.isEmpty()) {
            wakeups.awaitNews(settings.pollInterval());
            return;
        }
        LockSupport.parkNanos(this, settings.pollInterval().toNanos());
        if (Thread.interrupted()) {
            throw new InterruptedException("the live feed is stopping");
        }
        wakeups.discardNews();
    }

    /** Offers the events after the head up to at least {@code end} (where the journal ended after numbering). */
    private void readWhatIsNew(long end) {
        long read = subscribers.isEmpty() ? passWhatNobodyWatches(end) : head.get();
        if (subscribers.isEmpty() || end <= read) {
            // Nobody to read for (events numbered after that end go to the next pass), or nothing numbered since the
            // last read (a wake-up by the timer, or by another replica's news).
            return;
        }
        List<JournalEntry> page;
        do {
            page = journal.readAfter(read, PAGE);
            for (JournalEntry entry : page) {
                read = entry.id();
                if (read > head.get()) {
                    head.set(read); // before offering: a subscriber registering now reads up to here itself
                }
                if (subscribers.isEmpty()) {
                    // Asked after the head moved, as a subscriber reads the head after registering: one registering
                    // now either is seen here or starts after this event. With nobody to offer it to, the event is
                    // not decoded (a batch of 500 rounds' events was 12 % of what a batched request allocated).
                    continue;
                }
                offer(entry);
            }
        } while (page.size() == PAGE && running);
    }

    /**
     * With nobody subscribed, moves the head to the journal's end without reading the events up to it (a batch of
     * rounds' payloads read only to be passed over cost PostgreSQL and this thread a page of JSON a batch). Returns
     * the old head: if a subscriber registered meanwhile (it may have read the old head), what was passed over is read
     * from there and offered to it; one registering later reads the new head and skips those by id. With still nobody
     * subscribed, nothing is read at all.
     */
    private long passWhatNobodyWatches(long end) {
        long from = head.get();
        if (end > from) {
            head.set(end);
        }
        return from;
    }

    private void offer(JournalEntry entry) {
        LiveEvent event = decoded(entry);
        if (event != null) {
            for (Subscriber subscriber : subscribers) {
                subscriber.offer(event);
            }
        }
    }

    /** The event, or null (logged) for one this version cannot read: it must not stop the feed for everyone. */
    private static @Nullable LiveEvent decoded(JournalEntry entry) {
        try {
            return LiveViews.decode(entry.id(), entry.kind(), entry.payloadJson());
        } catch (RuntimeException unreadable) {
            log.error("Live events: event {} ({}) cannot be read and is skipped: {}", entry.id(), entry.kind(),
                    unreadable.getMessage());
            return null;
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = reader;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        wakeups.close();
        subscribers.forEach(Subscriber::end);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One subscription: its filter and bounded buffer, filled by the reader thread only (a single producer). */
    private static final class Subscriber {
        private final Predicate<LiveEvent> filter;
        private final Sinks.Many<LiveEvent> buffer;
        private volatile boolean overflowed;

        Subscriber(Predicate<LiveEvent> filter, int capacity) {
            this.filter = filter;
            this.buffer = Sinks.many().unicast().onBackpressureBuffer(new LinkedBlockingQueue<>(capacity));
        }

        Flux<LiveEvent> events() {
            // Delivery (serialising, writing to the socket) runs off the reader thread: a slow socket fills this
            // subscriber's buffer, never the reader's time.
            return buffer.asFlux().publishOn(Schedulers.boundedElastic(), 32);
        }

        void offer(LiveEvent event) {
            if (overflowed || !filter.test(event)) {
                return;
            }
            Sinks.EmitResult result = buffer.tryEmitNext(event);
            if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
                overflowed = true;
                buffer.tryEmitError(new SubscriberTooSlowException(-1));
            }
        }

        void end() {
            buffer.tryEmitComplete();
        }
    }
}
