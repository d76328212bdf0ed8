package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;
import java.util.List;


/**
 * Crash multipliers against the provably fair law: SQL counts the crashes (the {@link MultiplierReadModel}), this
 * turns the counts into the distribution, the gaps and their statistics with the platform's own house edge.
 */
public final class MultiplierAnalyticsService implements GetMultiplierDistributionUseCase, GetBigMultiplierGapsUseCase {

    private final MultiplierReadModel multipliers;

    public MultiplierAnalyticsService(MultiplierReadModel multipliers) {
        this.multipliers = multipliers;
    }

    @Override
    public PlatformDistribution distribution(MultiplierDistributionQuery query) {
        BigDecimal houseEdge = houseEdge(query.game(), query.platform());
        MultiplierDistribution distribution = MultiplierDistribution.ofCounts(
                multipliers.crashCounts(query.game(), query.platform(), query.window()), query.edges(),
                query.percentiles(), CrashPointDistribution.withHouseEdge(houseEdge));
        return new PlatformDistribution(query.game(), query.platform(), houseEdge, distribution);
    }

    @Override
    public BigMultiplierGaps gaps(BigMultiplierGapsQuery query) {
        CrashPointDistribution theory = CrashPointDistribution.withHouseEdge(houseEdge(query.game(), query.platform()));
        return BigMultiplierGaps.of(multipliers.gaps(query.game(), query.platform(), query.threshold(), query.window()),
                query.threshold(), theory);
    }

    @Override
    public List<BigMultiplierHit> recentHits(RecentHitsQuery query) {
        BigMultiplierGapsQuery scope = query.scope();
        return multipliers.recentHits(scope.game(), scope.platform(), scope.threshold(), scope.window(), query.last());
    }

    private BigDecimal houseEdge(String game, String platform) {
        return multipliers.configuredHouseEdgePercent(game, platform);
    }
}
