package com.crashanalytics.domain.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EventJournal} in a list, for testing what use cases announce. Every appended event counts as committed and
 * is numbered at once (the fakes have no transactions to wait for).
 */
public final class InMemoryEventJournal implements EventJournal {

    private final List<JournalEntry> entries = new ArrayList<>();
    private long forgottenThrough;

    @Override
    public synchronized void appendAll(List<NewEvent> events) {
        for (NewEvent event : events) {
            entries.add(new JournalEntry(headId() + 1, event.kind(), event.payloadJson(), Instant.EPOCH));
        }
    }

    @Override
    public synchronized Numbering numberCommitted() {
        return new Numbering(0, headId());
    }

    @Override
    public synchronized List<JournalEntry> readAfter(long afterId, int limit) {
        return entries.stream().filter(entry -> entry.id() > afterId).limit(limit).toList();
    }

    @Override
    public synchronized long headId() {
        return entries.isEmpty() ? forgottenThrough : entries.get(entries.size() - 1).id();
    }

    @Override
    public synchronized long forgottenThrough() {
        return forgottenThrough;
    }

    @Override
    public synchronized int forgetBefore(Instant cutoff) {
        int before = entries.size();
        entries.removeIf(entry -> {
            boolean old = entry.recordedAt().isBefore(cutoff);
            if (old) {
                forgottenThrough = Math.max(forgottenThrough, entry.id());
            }
            return old;
        });
        return before - entries.size();
    }

    /** The kinds of the events appended so far, in order. */
    public synchronized List<String> kinds() {
        return entries.stream().map(JournalEntry::kind).toList();
    }
}
