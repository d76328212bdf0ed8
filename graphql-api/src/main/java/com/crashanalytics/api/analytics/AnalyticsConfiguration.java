package com.crashanalytics.api.analytics;

import com.crashanalytics.domain.analytics.multipliers.MultiplierAnalyticsService;
import com.crashanalytics.domain.analytics.multipliers.MultiplierReadModel;
import com.crashanalytics.domain.analytics.performance.GetLeaderboardUseCase;
import com.crashanalytics.domain.analytics.performance.LeaderboardService;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.replay.ReplayStrategyUseCase;
import com.crashanalytics.domain.analytics.replay.StrategyReplayReadModel;
import com.crashanalytics.domain.analytics.replay.StrategyReplayService;
import com.crashanalytics.domain.analytics.signals.GetSignalEffectivenessUseCase;
import com.crashanalytics.domain.analytics.signals.SignalAnalyticsService;
import com.crashanalytics.domain.analytics.signals.SignalReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the analytics inbound ports to the read models the persistence adapter contributes. They read only, inside
 * the query's snapshot transaction (see {@code SnapshotReads}), so they open none of their own.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

    /** One service, both ports: {@code GetMultiplierDistributionUseCase} and {@code GetBigMultiplierGapsUseCase}. */
    @Bean
    MultiplierAnalyticsService multiplierAnalytics(MultiplierReadModel multipliers) {
        return new MultiplierAnalyticsService(multipliers);
    }

    @Bean
    GetSignalEffectivenessUseCase signalEffectiveness(SignalReadModel signals) {
        return new SignalAnalyticsService(signals);
    }

    @Bean
    ReplayStrategyUseCase strategyReplay(StrategyReplayReadModel replays, PerformanceReadModel performance,
                                         MultiplierReadModel multipliers) {
        return new StrategyReplayService(replays, performance, multipliers);
    }

    @Bean
    GetLeaderboardUseCase leaderboard(PerformanceReadModel performance) {
        return new LeaderboardService(performance);
    }
}
