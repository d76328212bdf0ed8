package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;

/**
 * Inbound port: is the game fair? A platform's observed crash multipliers next to the provably fair law with the
 * platform's house edge, P(crash ≥ x) = RTP / x, with goodness-of-fit tests.
 */
public interface GetMultiplierDistributionUseCase {

    /** @throws com.crashanalytics.domain.common.NotFoundException on {@code platform} when it is not configured */
    PlatformDistribution distribution(MultiplierDistributionQuery query);

    /** The distribution with the game, platform and house edge it was measured against. */
    record PlatformDistribution(String game, String platform, BigDecimal houseEdgePercent,
                                MultiplierDistribution distribution) {
    }
}
