package com.crashanalytics.domain.analytics.multipliers;

import java.util.List;

/**
 * Inbound port: how long bots wait for a big multiplier. The gaps between rounds reaching a threshold, next to the
 * geometric law the fair game gives them (mean (1 − p) / p with p = RTP / threshold), and the latest hits.
 */
public interface GetBigMultiplierGapsUseCase {

    /** @throws com.crashanalytics.domain.common.NotFoundException on {@code platform} when it is not configured */
    BigMultiplierGaps gaps(BigMultiplierGapsQuery query);

    /** The latest hits, newest first, each with the gap before it. */
    List<BigMultiplierHit> recentHits(RecentHitsQuery query);
}
