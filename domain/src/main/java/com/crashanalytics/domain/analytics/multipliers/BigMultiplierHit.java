package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A game round whose crash reached the streak threshold (seed 002's "streak" of a ≥ 10x round), deduplicated across
 * the bots that watched it as every game-round figure is.
 *
 * @param roundId         the representative logged round (the earliest observation)
 * @param roundExternalId the game's own round id, when the bots sent it
 * @param observations    how many logged rounds observed this game round
 * @param gapBefore       the gap from the previous hit: the game rounds after it up to and including this one (1 for
 *                        consecutive hits), as {@link BigMultiplierGaps} counts gaps; null when the previous hit lies
 *                        outside the window
 */
public record BigMultiplierHit(UUID roundId, @Nullable String roundExternalId, Instant roundStartTimestamp,
                               BigDecimal crashMultiplier, int observations, @Nullable Long gapBefore) {

    public static final int DEFAULT_COUNT = 10;
    public static final int MAX_COUNT = 100;
}
