package com.crashanalytics.domain.prediction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One round of a game on a platform as the gateway knows it: several bots watching the same game round (the same
 * {@code roundExternalId}) logged it several times, and it is one game round, represented by its earliest observation.
 *
 * @param roundId    the representative logged round
 * @param externalId the game's own round id, when the bots sent it
 * @param startedAt  when it started; game rounds are in play order by (startedAt, roundId)
 * @param crash      its crash point
 */
public record GameRound(UUID roundId, @Nullable String externalId, Instant startedAt, BigDecimal crash) {

    public boolean reaches(BigDecimal threshold) {
        return crash.compareTo(threshold) >= 0;
    }
}
