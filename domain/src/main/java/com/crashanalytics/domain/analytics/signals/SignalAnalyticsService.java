package com.crashanalytics.domain.analytics.signals;

import java.util.List;

/** Signal effectiveness: SQL scores the signals by confidence bucket, this turns the scores into the figures. */
public final class SignalAnalyticsService implements GetSignalEffectivenessUseCase {

    private final SignalReadModel signals;

    public SignalAnalyticsService(SignalReadModel signals) {
        this.signals = signals;
    }

    @Override
    public List<SignalEffectiveness> effectiveness(SignalEffectivenessQuery query) {
        return signals.scores(query.signalType(), query.window(), query.buckets(), query.tradeTypes()).entrySet().stream()
                .map(entry -> SignalEffectiveness.of(entry.getKey(), entry.getValue(), query.buckets()))
                .toList();
    }
}
