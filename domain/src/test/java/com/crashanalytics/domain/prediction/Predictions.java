package com.crashanalytics.domain.prediction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Predictions for the tests, built as logPrediction builds them. */
final class Predictions {

    static final Instant MADE_AT = Instant.parse("2026-12-01T12:00:00Z");

    private Predictions() {
    }

    static LogPredictionCommand command(PredictionKind kind, String threshold, @Nullable Integer withinRounds,
                                        @Nullable Integer gapFrom, @Nullable Integer gapTo, double confidence,
                                        @Nullable Instant expiresAt) {
        return new LogPredictionCommand(MADE_AT, "xgb", "1", UUID.randomUUID().toString(), "aviator", "demo", kind,
                new BigDecimal(threshold), withinRounds, gapFrom, gapTo,
                gapFrom == null ? null : BigDecimal.valueOf(gapFrom), confidence, MADE_AT, null, expiresAt, null);
    }

    static Prediction within(int rounds, String threshold, double confidence) {
        return Prediction.logged(UUID.randomUUID(),
                command(PredictionKind.WITHIN_ROUNDS, threshold, rounds, null, null, confidence, null));
    }

    static Prediction next(String threshold, double confidence) {
        return Prediction.logged(UUID.randomUUID(),
                command(PredictionKind.NEXT_ROUND, threshold, null, null, null, confidence, null));
    }

    static Prediction gap(int from, int to, String threshold, double confidence) {
        return Prediction.logged(UUID.randomUUID(),
                command(PredictionKind.GAP, threshold, null, from, to, confidence, null));
    }

    /** A game round {@code minutes} after MADE_AT with this crash point. */
    static GameRound round(int minutes, String crash) {
        return new GameRound(UUID.randomUUID(), null, MADE_AT.plusSeconds(60L * minutes), new BigDecimal(crash));
    }
}
