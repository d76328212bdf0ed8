package com.crashanalytics.persistence.round;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.crashanalytics.domain.round.Round;
import com.crashanalytics.persistence.common.Batches;
import com.crashanalytics.persistence.common.Batches.Batch;
import com.crashanalytics.persistence.common.Batches.RowParameters;
import org.jspecify.annotations.Nullable;

/**
 * Where a sample's or signal's round_start_timestamp (its partition key, and half of its foreign key to the round)
 * comes from when it is inserted. For the rounds inserted in the same write the start is known: it is bound as the
 * round's own insert binds it (the same {@code Parameters.time}, so the driver rounds it to the same microsecond).
 * For a round stored earlier (a sample or signal logged on its own) it is looked up ({@link RoundRows#ROUND_START}).
 *
 * <p>Why not look every one up: in a multi-row insert of a batch, each row's lookup is a subquery PostgreSQL plans
 * and runs once per row; a batch of 500 rounds' samples spent more in planning those than in inserting (measured
 * with {@code pg_stat_statements} in the benchmark's {@code statements} phase).
 */
final class RoundStarts {

    private final Map<UUID, Instant> ofWrittenRounds;

    private RoundStarts(Map<UUID, Instant> ofWrittenRounds) {
        this.ofWrittenRounds = ofWrittenRounds;
    }

    /** The starts of the rounds inserted in this write. */
    static RoundStarts of(List<Round> writtenRounds) {
        Map<UUID, Instant> starts = new HashMap<>();
        writtenRounds.forEach(round -> starts.put(round.id(), round.roundStartTimestamp()));
        return new RoundStarts(starts);
    }

    /**
     * A table's inserts of rows that belong to rounds: those whose start is known, bound, then those whose start is
     * looked up. Known: the round is inserted in this write, or there is no round (a signal logged ahead of its
     * round, whose start is NULL until the round comes).
     *
     * @param withRoundStart      the insert whose last placeholder is the round's start
     * @param lookingUpRoundStart the insert whose last placeholder is the round's id ({@link RoundRows#ROUND_START})
     * @param allButRoundStart    fills every other parameter of a row, in order
     */
    <T> List<Batch<T>> inserts(String withRoundStart, String lookingUpRoundStart, List<T> rows,
                               Function<T, @Nullable UUID> roundOf, RowParameters<T> allButRoundStart) {
        Map<Boolean, List<T>> byKnownStart = rows.stream().collect(Collectors.partitioningBy(row -> {
            UUID roundId = roundOf.apply(row);
            return roundId == null || ofWrittenRounds.containsKey(roundId);
        }));
        return List.of(
                Batches.of(withRoundStart, byKnownStart.get(true), (parameters, row) -> {
                    allButRoundStart.fill(parameters, row);
                    UUID roundId = roundOf.apply(row);
                    parameters.time(roundId == null ? null : ofWrittenRounds.get(roundId));
                }),
                Batches.of(lookingUpRoundStart, byKnownStart.get(false), (parameters, row) -> {
                    allButRoundStart.fill(parameters, row);
                    parameters.uuid(roundOf.apply(row));
                }));
    }
}
