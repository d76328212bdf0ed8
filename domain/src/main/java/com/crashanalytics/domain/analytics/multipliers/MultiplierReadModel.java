package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.common.NotFoundException;

/**
 * Crash multipliers of one game on one platform, counted where the rounds are (outbound port of the read path).
 * <p>
 * A game round several bots watched is counted once: rounds with the same game, platform and
 * {@code round_external_id} are one game round, represented by its earliest observation with a crash multiplier
 * ({@code ORDER BY round_start_timestamp, id}); rounds without an external id count one by one, and rounds without
 * a crash multiplier not at all.
 */
public interface MultiplierReadModel {

    /** The platform's house edge in percent; empty when the game is not configured on that platform. */
    Optional<BigDecimal> houseEdgePercent(String game, String platform);

    /** {@link #houseEdgePercent}, refused (NOT_FOUND, naming {@code platform}) when the game is not configured there. */
    default BigDecimal configuredHouseEdgePercent(String game, String platform) {
        return houseEdgePercent(game, platform).orElseThrow(() -> new NotFoundException("platform",
                "no platform '" + platform + "' is configured for game '" + game + "'"));
    }

    /** How many game rounds in the window crashed at each distinct multiplier, ascending. */
    SortedMap<BigDecimal, Long> crashCounts(String game, String platform, TimeWindow window);

    /** The gaps between game rounds that reached {@code threshold}, in play order {@code (round_start_timestamp, id)}. */
    GapTally gaps(String game, String platform, BigDecimal threshold, TimeWindow window);

    /** The latest {@code count} game rounds in the window that reached {@code threshold}, newest first, with their gaps. */
    List<BigMultiplierHit> recentHits(String game, String platform, BigDecimal threshold, TimeWindow window, int count);
}
