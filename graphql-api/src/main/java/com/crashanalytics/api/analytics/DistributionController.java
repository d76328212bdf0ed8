package com.crashanalytics.api.analytics;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.multipliers.BigMultiplierGaps;
import com.crashanalytics.domain.analytics.multipliers.BigMultiplierGapsQuery;
import com.crashanalytics.domain.analytics.multipliers.BigMultiplierHit;
import com.crashanalytics.domain.analytics.multipliers.GetBigMultiplierGapsUseCase;
import com.crashanalytics.domain.analytics.multipliers.GetMultiplierDistributionUseCase;
import com.crashanalytics.domain.analytics.multipliers.GetMultiplierDistributionUseCase.PlatformDistribution;
import com.crashanalytics.domain.analytics.multipliers.MultiplierDistributionQuery;
import com.crashanalytics.domain.analytics.multipliers.RecentHitsQuery;
import com.crashanalytics.domain.analytics.quality.DataQualityReadModel;
import com.crashanalytics.domain.analytics.quality.ErrorTypeCount;
import com.crashanalytics.domain.analytics.quality.OcrQuality;
import com.crashanalytics.domain.analytics.signals.GetSignalEffectivenessUseCase;
import com.crashanalytics.domain.analytics.signals.SignalEffectiveness;
import com.crashanalytics.domain.analytics.signals.SignalEffectivenessQuery;
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
 * data quality. Binds the arguments into the domain's self-validating queries and maps the answers; the use cases
 * look up the house edge and do the statistics.
 */
@Controller
class DistributionController {

    private final GetMultiplierDistributionUseCase distributions;
    private final GetBigMultiplierGapsUseCase gaps;
    private final GetSignalEffectivenessUseCase signals;
    private final DataQualityReadModel quality;

    DistributionController(GetMultiplierDistributionUseCase distributions, GetBigMultiplierGapsUseCase gaps,
                           GetSignalEffectivenessUseCase signals, DataQualityReadModel quality) {
        this.distributions = distributions;
        this.gaps = gaps;
        this.signals = signals;
        this.quality = quality;
    }

    @QueryMapping
    MultiplierDistributionView multiplierDistribution(@Argument String game, @Argument String platform,
                                                      @Argument @Nullable TimeWindowInput window,
                                                      @Argument @Nullable List<BigDecimal> edges,
                                                      @Argument @Nullable List<BigDecimal> percentiles) {
        PlatformDistribution answer = distributions.distribution(MultiplierDistributionQuery.of(game, platform,
                TimeWindowInput.toWindow(window), edges, percentiles));
        return MultiplierDistributionView.of(answer.game(), answer.platform(), answer.houseEdgePercent(),
                answer.distribution());
    }

    /** The gaps; the query travels along as local context for the fields that read more of its scope. */
    @QueryMapping
    DataFetcherResult<BigMultiplierGaps> streaks(@Argument String game, @Argument String platform,
                                                 @Argument BigDecimal threshold,
                                                 @Argument @Nullable TimeWindowInput window) {
        BigMultiplierGapsQuery query = new BigMultiplierGapsQuery(game, platform, threshold,
                TimeWindowInput.toWindow(window));
        return DataFetcherResult.<BigMultiplierGaps>newResult()
                .data(gaps.gaps(query))
                .localContext(GraphQLContext.newContext().of("streakScope", query).build())
                .build();
    }

    /** The latest hits of the streaks' game, platform, threshold and window, each with the gap before it. */
    @SchemaMapping(typeName = "BigMultiplierGaps")
    List<BigMultiplierHit> recentHits(@LocalContextValue BigMultiplierGapsQuery streakScope, @Argument int last) {
        return gaps.recentHits(new RecentHitsQuery(streakScope, last));
    }

    @QueryMapping
    List<SignalEffectiveness> signalEffectiveness(@Argument @Nullable String signalType,
                                                  @Argument @Nullable TimeWindowInput window, @Argument int buckets,
                                                  @Argument @Nullable TradeTypeFilter tradeType) {
        return signals.effectiveness(new SignalEffectivenessQuery(signalType, TimeWindowInput.toWindow(window),
                buckets, TradeTypeFilter.orDefault(tradeType)));
    }

    @QueryMapping
    List<ErrorTypeCount> errorSummary(@Argument @Nullable TimeWindowInput window) {
        return quality.errorCounts(TimeWindowInput.toWindow(window));
    }

    @QueryMapping
    List<OcrQuality> ocrQuality(@Argument @Nullable TimeWindowInput window) {
        return quality.ocrQuality(TimeWindowInput.toWindow(window));
    }
}
