package com.crashanalytics.domain.round;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.diagnostics.OcrValidation;
import com.crashanalytics.domain.session.Session;
import com.crashanalytics.domain.session.SessionLog;

/** Outbound port: where rounds and what was observed during them are kept. Writes come in batches. */
public interface RoundLogbook {

    /**
     * What logging these rounds needs to know, in one round trip to the store: first locks the sessions with these
     * ids, as {@link SessionLog#lockAll} does (in id order, until the transaction ends); then, once the locks are
     * held, finds which of the rounds are stored, and the signals logged ahead of the rounds that are not. Looking
     * up after the lock is what makes a request that waited for a concurrent one on the same session see what that
     * one committed.
     */
    Lookup lockAndLookUp(Collection<String> sessionIds, Collection<RoundKey> keys);

    /** The stored rounds among these keys: their ids and content fingerprints. */
    Map<RoundKey, StoredRound> findStored(Collection<RoundKey> keys);

    Optional<Round> findRound(UUID id);

    /** The rounds with these ids that exist, in no particular order. */
    List<Round> findRounds(Collection<UUID> ids);

    /** Every round of the session, for a replay of its totals. */
    List<Round> roundsOf(String sessionId);

    /** The signals stored for these rounds, pending or resolved. */
    List<Signal> signalsOf(Collection<RoundKey> keys);

    Optional<MultiplierSample> findSample(UUID roundId, int sampleIndex);

    /**
     * Writes what one request logged, in as few round trips as the store allows (one, for a round or a few):
     * new rounds with their analytics, samples, signals and OCR reads; pending signals resolved; rounds a late round
     * restated; and the new state of the sessions the rounds moved.
     */
    void append(RoundRecords records);

    /**
     * What {@link #lockAndLookUp} found.
     *
     * @param lockedSessions the sessions that exist among those asked for, locked, in id order
     * @param stored         the stored rounds among the keys
     * @param pendingSignals signals stored for the keys that have no round yet (logged ahead, not judged yet)
     */
    record Lookup(List<Session> lockedSessions, Map<RoundKey, StoredRound> stored, List<Signal> pendingSignals) {
    }

    /** A stored round's id and content fingerprint. */
    record StoredRound(UUID id, String contentFingerprint) {
    }

    /**
     * What one request writes, or several requests' single rounds written together.
     *
     * @param resolvedSignals signals stored earlier as pending, now linked to their round and judged
     * @param restatedRounds  stored rounds with what a replay recomputed (flags, streaks, category, balance)
     * @param countedSessions sessions whose totals the rounds moved, to store as they are now
     * @param authors         the key that sent each new round (by round id; empty for the gateway's own work): its
     *                        rows, nested ones included, name it. Rows of a round not in it (a sample or signal
     *                        logged on its own) name the {@link com.crashanalytics.domain.audit.Authorship current
     *                        author}.
     */
    record RoundRecords(List<Round> rounds, List<MultiplierSample> samples, List<Signal> newSignals,
                        List<Signal> resolvedSignals, List<OcrValidation> ocrValidations, List<Round> restatedRounds,
                        List<Session> countedSessions, Map<UUID, Optional<UUID>> authors) {

        public static RoundRecords ofSample(MultiplierSample sample) {
            return new RoundRecords(List.of(), List.of(sample), List.of(), List.of(), List.of(), List.of(), List.of(),
                    Map.of());
        }

        public static RoundRecords ofSignal(Signal signal) {
            return new RoundRecords(List.of(), List.of(), List.of(signal), List.of(), List.of(), List.of(), List.of(),
                    Map.of());
        }
    }
}
