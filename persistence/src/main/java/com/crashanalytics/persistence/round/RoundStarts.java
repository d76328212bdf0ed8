package com.crashanalytics.persistence.round;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.crashanalytics.domain.round.Round;
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
     * True when the row's start can be bound without a lookup: its round is inserted in this write, or it has no
     * round (a signal logged ahead of its round, whose start is NULL until the round comes).
     */
    boolean known(@Nullable UUID roundId) {
        return roundId == null || ofWrittenRounds.containsKey(roundId);
    }

    /** The start to bind for a row whose start is {@link #known}: its round's, or NULL for no round. */
    @Nullable Instant of(@Nullable UUID roundId) {
        return roundId == null ? null : ofWrittenRounds.get(roundId);
    }

    /** The rows whose start is known, then the rows whose start must be looked up. */
    <T> Split<T> split(List<T> rows, Function<T, @Nullable UUID> roundOf) {
        List<T> known = rows.stream().filter(row -> known(roundOf.apply(row))).toList();
        List<T> lookedUp = rows.stream().filter(row -> !known(roundOf.apply(row))).toList();
        return new Split<>(known, lookedUp);
    }

    /** Rows of one table, by where their round's start comes from. */
    record Split<T>(List<T> known, List<T> lookedUp) {
    }
}
