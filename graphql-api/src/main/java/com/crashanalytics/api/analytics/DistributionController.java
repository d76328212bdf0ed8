package com.crashanalytics.api.analytics;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.multipliers.BigMultiplierGaps;
import com.crashanalytics.domain.analytics.multipliers.BigMultiplierHit;
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
import com.crashanalytics.domain.common.Violations;
import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.LocalContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
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

    /** The gaps; the query's scope travels along as local context for the fields that read more of it. */
    @QueryMapping
    DataFetcherResult<BigMultiplierGaps> streaks(@Argument String game, @Argument String platform,
                                                 @Argument BigDecimal threshold,
                                                 @Argument @Nullable TimeWindowInput window) {
        TimeWindow span = TimeWindowInput.toWindow(window);
        BigMultiplierGaps.validateThreshold(threshold);
        CrashPointDistribution theory = CrashPointDistribution.withHouseEdge(houseEdge(game, platform));
        return DataFetcherResult.<BigMultiplierGaps>newResult()
                .data(BigMultiplierGaps.of(multipliers.gaps(game, platform, threshold, span), threshold, theory))
                .localContext(GraphQLContext.newContext()
                        .of("streakScope", new StreakScope(game, platform, threshold, span)).build())
                .build();
    }

    /** The latest hits of the streaks' game, platform, threshold and window, each with the gap before it. */
    @SchemaMapping(typeName = "BigMultiplierGaps")
    List<BigMultiplierHit> recentHits(@LocalContextValue StreakScope streakScope, @Argument int last) {
        new Violations().check(last >= 1 && last <= BigMultiplierHit.MAX_COUNT, "last", "RANGE",
                "must be between 1 and " + BigMultiplierHit.MAX_COUNT + " (got " + last + ")").throwIfAny();
        return multipliers.recentHits(streakScope.game(), streakScope.platform(), streakScope.threshold(),
                streakScope.window(), last);
    }

    /** What a streaks query asked for. */
    record StreakScope(String game, String platform, BigDecimal threshold, TimeWindow window) {
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
        return multipliers.configuredHouseEdgePercent(game, platform);
    }
}
