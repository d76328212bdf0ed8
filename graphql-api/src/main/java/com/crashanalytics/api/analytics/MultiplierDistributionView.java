package com.crashanalytics.api.analytics;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.analytics.multipliers.ChiSquareFit;
import com.crashanalytics.domain.analytics.multipliers.KolmogorovSmirnovFit;
import com.crashanalytics.domain.analytics.multipliers.MultiplierBucket;
import com.crashanalytics.domain.analytics.multipliers.MultiplierDistribution;
import com.crashanalytics.domain.analytics.multipliers.Percentile;
import com.crashanalytics.domain.analytics.multipliers.SurvivalPoint;
import org.jspecify.annotations.Nullable;

/** The {@code MultiplierDistribution} type: the domain's distribution with the game and platform it is of. */
record MultiplierDistributionView(
        String game,
        String platform,
        BigDecimal houseEdgePercent,
        BigDecimal returnToPlayer,
        long rounds,
        List<MultiplierBucket> buckets,
        List<SurvivalPoint> survival,
        @Nullable BigDecimal mean,
        @Nullable BigDecimal median,
        List<Percentile> percentiles,
        long instantCrashes,
        @Nullable BigDecimal instantCrashShare,
        double expectedInstantCrashShare,
        @Nullable ChiSquareFit chiSquare,
        @Nullable KolmogorovSmirnovFit kolmogorovSmirnov) {

    static MultiplierDistributionView of(String game, String platform, BigDecimal houseEdgePercent,
                                         MultiplierDistribution distribution) {
        return new MultiplierDistributionView(game, platform, houseEdgePercent, distribution.returnToPlayer(),
                distribution.rounds(), distribution.buckets(), distribution.survival(), distribution.mean(),
                distribution.median(), distribution.percentiles(), distribution.instantCrashes(),
                distribution.instantCrashShare(), distribution.expectedInstantCrashShare(), distribution.chiSquare(),
                distribution.kolmogorovSmirnov());
    }
}
