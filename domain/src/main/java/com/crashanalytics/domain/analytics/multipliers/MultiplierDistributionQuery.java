package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;
import org.jspecify.annotations.Nullable;

/**
 * A game's crash multipliers on one platform over a window, bucketed at {@code edges}, with {@code percentiles}.
 * Self-validating: bad edges or percentiles are refused here (rules of {@link BucketEdges} and
 * {@link PercentileFractions}, on the fields {@code edges} and {@code percentiles}).
 */
public record MultiplierDistributionQuery(String game, String platform, TimeWindow window, BucketEdges edges,
                                          PercentileFractions percentiles) {

    /** The query as a client asks it: absent edges and percentiles take the defaults, an absent window is all time. */
    public static MultiplierDistributionQuery of(String game, String platform, @Nullable TimeWindow window,
                                                 @Nullable List<BigDecimal> edges,
                                                 @Nullable List<BigDecimal> percentiles) {
        return new MultiplierDistributionQuery(game, platform, window == null ? TimeWindow.ALL : window,
                edges == null ? BucketEdges.DEFAULT : new BucketEdges(edges),
                percentiles == null ? PercentileFractions.DEFAULT : new PercentileFractions(percentiles));
    }
}
