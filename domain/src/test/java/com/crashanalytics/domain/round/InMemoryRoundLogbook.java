package com.crashanalytics.domain.round;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.diagnostics.OcrValidation;
import com.crashanalytics.domain.session.InMemorySessionLog;
import org.jspecify.annotations.Nullable;

/**
 * {@link RoundLogbook} in maps, for testing the logging use cases inside the hexagon (the shape of ddd-by-examples'
 * {@code InMemoryBookRepo}). Sessions live in the {@link InMemorySessionLog} it is given, as {@code session_logs} is
 * the table the JDBC logbook locks and updates. It counts its writes, so a test can say "nothing was written".
 */
public final class InMemoryRoundLogbook implements RoundLogbook {

    private final InMemorySessionLog sessions;
    private final Map<RoundKey, Round> rounds = new LinkedHashMap<>();
    private final Map<UUID, Signal> signals = new LinkedHashMap<>();
    private final List<MultiplierSample> samples = new ArrayList<>();
    private final List<OcrValidation> ocrValidations = new ArrayList<>();
    private final Map<UUID, Optional<UUID>> authors = new LinkedHashMap<>();
    private int writes;

    public InMemoryRoundLogbook(InMemorySessionLog sessions) {
        this.sessions = sessions;
    }

    @Override
    public synchronized Lookup lockAndLookUp(Collection<String> sessionIds, Collection<RoundKey> keys) {
        List<Signal> pending = signals.values().stream()
                .filter(signal -> signal.isPending() && keys.contains(signal.roundKey()))
                .toList();
        return new Lookup(sessions.lockAll(sessionIds), findStored(keys), pending);
    }

    @Override
    public synchronized Map<RoundKey, StoredRound> findStored(Collection<RoundKey> keys) {
        Map<RoundKey, StoredRound> stored = new LinkedHashMap<>();
        for (RoundKey key : keys) {
            Round round = rounds.get(key);
            if (round != null) {
                stored.put(key, new StoredRound(round.id(), round.contentFingerprint()));
            }
        }
        return stored;
    }

    @Override
    public synchronized Optional<Round> findRound(UUID id) {
        return rounds.values().stream().filter(round -> round.id().equals(id)).findFirst();
    }

    @Override
    public synchronized List<Round> findRounds(Collection<UUID> ids) {
        return rounds.values().stream().filter(round -> ids.contains(round.id())).toList();
    }

    @Override
    public synchronized List<Round> roundsOf(String sessionId) {
        return rounds.values().stream().filter(round -> round.sessionId().equals(sessionId))
                .sorted(Comparator.comparingInt(Round::roundNumber)).toList();
    }

    @Override
    public synchronized List<Signal> signalsOf(Collection<RoundKey> keys) {
        return signals.values().stream().filter(signal -> keys.contains(signal.roundKey())).toList();
    }

    @Override
    public synchronized Optional<MultiplierSample> findSample(UUID roundId, int sampleIndex) {
        return samples.stream().filter(sample -> sample.roundId().equals(roundId) && sample.sampleIndex() == sampleIndex)
                .findFirst();
    }

    @Override
    public synchronized void append(RoundRecords records) {
        if (!isEmpty(records)) {
            writes++; // an empty append is no statement in the JDBC logbook either
        }
        for (Round round : records.rounds()) {
            if (rounds.putIfAbsent(round.key(), round) != null) {
                throw new IllegalStateException("unique key (bot, session, round number) violated by " + round.key());
            }
        }
        for (Round restated : records.restatedRounds()) {
            rounds.put(restated.key(), restated);
        }
        authors.putAll(records.authors());
        samples.addAll(records.samples());
        records.newSignals().forEach(signal -> signals.put(signal.id(), signal));
        records.resolvedSignals().forEach(signal -> signals.put(signal.id(), signal));
        ocrValidations.addAll(records.ocrValidations());
        sessions.updateAll(records.countedSessions());
    }

    /** The key the round's append named as its author (empty: the gateway's own work), if it named one. */
    public synchronized @Nullable Optional<UUID> authorOf(UUID roundId) {
        return authors.get(roundId);
    }

    /** How many appends carried anything to write: a refused or wholly duplicate request writes nothing. */
    public synchronized int writes() {
        return writes;
    }

    /** Every round stored, by round number within each session. */
    public synchronized List<Round> rounds() {
        return rounds.values().stream()
                .sorted(Comparator.comparing(Round::sessionId).thenComparingInt(Round::roundNumber)).toList();
    }

    public synchronized Optional<Round> round(RoundKey key) {
        return Optional.ofNullable(rounds.get(key));
    }

    public synchronized List<Signal> signals() {
        return List.copyOf(signals.values());
    }

    public synchronized List<MultiplierSample> samples() {
        return List.copyOf(samples);
    }

    private static boolean isEmpty(RoundRecords records) {
        return records.rounds().isEmpty() && records.samples().isEmpty() && records.newSignals().isEmpty()
                && records.resolvedSignals().isEmpty() && records.ocrValidations().isEmpty()
                && records.restatedRounds().isEmpty() && records.countedSessions().isEmpty();
    }
}
