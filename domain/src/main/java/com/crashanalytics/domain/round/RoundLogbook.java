package com.crashanalytics.domain.round;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.diagnostics.OcrValidation;

/** Outbound port: where rounds and what was observed during them are kept. Writes come in batches. */
public interface RoundLogbook {

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

    /** Writes new rounds (with their analytics), samples, signals and OCR reads, and resolves pending signals. */
    void append(RoundRecords records);

    /** Stores what a replay recomputed for rounds already stored (flags, streaks, category, balance). */
    void restate(Collection<Round> rounds);

    /** A stored round's id and content fingerprint. */
    record StoredRound(UUID id, String contentFingerprint) {
    }

    /**
     * What one request writes.
     *
     * @param resolvedSignals signals stored earlier as pending, now linked to their round and judged
     */
    record RoundRecords(List<Round> rounds, List<MultiplierSample> samples, List<Signal> newSignals,
                        List<Signal> resolvedSignals, List<OcrValidation> ocrValidations) {

        public static RoundRecords ofSample(MultiplierSample sample) {
            return new RoundRecords(List.of(), List.of(sample), List.of(), List.of(), List.of());
        }

        public static RoundRecords ofSignal(Signal signal) {
            return new RoundRecords(List.of(), List.of(), List.of(signal), List.of(), List.of());
        }
    }
}
