package com.crashanalytics.api.analytics;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.multipliers.BigMultiplierGaps;
import com.crashanalytics.domain.analytics.multipliers.BucketEdges;
import com.crashanalytics.domain.analytics.multipliers.CrashPointDistribution;
import com.crashanalytics.domain.analytics.multipliers.MultiplierDistribution;
import com.crashanalytics.domain.analytics.multipliers.MultiplierReadModel;
import com.crashanalytics.domain.analytics.multipliers.PercentileFractions;
import com.crashanalytics.domain.analytics.quality.DataQualityReadModel;
import com.crashanalytics.domain.analytics.quality.ErrorTypeCount;
import com.crashanalytics.domain.analytics.quality.OcrQuality;
import com.crashanalytics.domain.analytics.signals.SignalEffectiveness;
import com.crashanalytics.domain.analytics.signals.SignalReadModel;
import com.crashanalytics.domain.common.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Crash multipliers against the provably fair distribution, gaps between big multipliers, signal effectiveness and
 * data quality: SQL counts, the domain turns the counts into statistics.
 */
@Controller
class DistributionController {

    private final MultiplierReadModel multipliers;
    private final SignalReadModel signals;
    private final DataQualityReadModel quality;

    DistributionController(MultiplierReadModel multipliers, SignalReadModel signals, DataQualityReadModel quality) {
        this.multipliers = multipliers;
        this.signals = signals;
        this.quality = quality;
    }

    @QueryMapping
    MultiplierDistributionView multiplierDistribution(@Argument String game, @Argument String platform,
                                                      @Argument @Nullable TimeWindowInput window,
                                                      @Argument @Nullable List<BigDecimal> edges,
                                                      @Argument @Nullable List<BigDecimal> percentiles) {
        TimeWindow span = TimeWindowInput.toWindow(window);
        BucketEdges bucketEdges = edges == null ? BucketEdges.DEFAULT : new BucketEdges(edges);
        PercentileFractions fractions = percentiles == null ? PercentileFractions.DEFAULT
                : new PercentileFractions(percentiles);
        BigDecimal houseEdge = houseEdge(game, platform);
        MultiplierDistribution distribution = MultiplierDistribution.ofCounts(
                multipliers.crashCounts(game, platform, span), bucketEdges, fractions,
                CrashPointDistribution.withHouseEdge(houseEdge));
        return MultiplierDistributionView.of(game, platform, houseEdge, distribution);
    }

    @QueryMapping
    BigMultiplierGaps streaks(@Argument String game, @Argument String platform, @Argument BigDecimal threshold,
                              @Argument @Nullable TimeWindowInput window) {
        TimeWindow span = TimeWindowInput.toWindow(window);
        BigMultiplierGaps.validateThreshold(threshold);
        CrashPointDistribution theory = CrashPointDistribution.withHouseEdge(houseEdge(game, platform));
        return BigMultiplierGaps.of(multipliers.gaps(game, platform, threshold, span), threshold, theory);
    }

    @QueryMapping
    List<SignalEffectiveness> signalEffectiveness(@Argument @Nullable String signalType,
                                                  @Argument @Nullable TimeWindowInput window, @Argument int buckets) {
        TimeWindow span = TimeWindowInput.toWindow(window);
        SignalEffectiveness.validateBucketCount(buckets);
        return signals.scores(signalType, span, buckets).entrySet().stream()
                .map(entry -> SignalEffectiveness.of(entry.getKey(), entry.getValue(), buckets))
                .toList();
    }

    @QueryMapping
    List<ErrorTypeCount> errorSummary(@Argument @Nullable TimeWindowInput window) {
        return quality.errorCounts(TimeWindowInput.toWindow(window));
    }

    @QueryMapping
    List<OcrQuality> ocrQuality(@Argument @Nullable TimeWindowInput window) {
        return quality.ocrQuality(TimeWindowInput.toWindow(window));
    }

    private BigDecimal houseEdge(String game, String platform) {
        return multipliers.houseEdgePercent(game, platform).orElseThrow(() -> new NotFoundException("platform",
                "no platform '" + platform + "' is configured for game '" + game + "'"));
    }
}
