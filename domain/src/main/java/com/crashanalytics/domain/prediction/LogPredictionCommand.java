package com.crashanalytics.domain.prediction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.crashanalytics.domain.common.DecimalLimits;
import com.crashanalytics.domain.common.Fingerprint;
import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Log a model's prediction about a game on a platform. Self-validating: every field is checked at once and all
 * problems are reported together.
 *
 * @param receivedAt      when the gateway received it: the default of {@code madeAt}
 * @param modelName       the model, e.g. {@code xgb_streaks}
 * @param modelVersion    its version, e.g. {@code 2026.12.1}
 * @param predictionId    the model's own id for the prediction, unique per model: a retry with the same id writes
 *                        nothing
 * @param threshold       x, above 1: a round hits when its crash point is ≥ x
 * @param withinRounds    N for {@link PredictionKind#WITHIN_ROUNDS} (1 to {@value #MAX_HORIZON}); absent for the
 *                        other kinds (NEXT_ROUND is N = 1)
 * @param gapFrom         for {@link PredictionKind#GAP}: the interval's first position, ≥ 1
 * @param gapTo           for GAP: its last position, ≥ gapFrom and ≤ {@value #MAX_HORIZON}
 * @param predictedGap    for GAP: the model's point estimate of the gap, within [gapFrom, gapTo]
 * @param confidence      the model's probability that it is right, in [0, 1]
 * @param madeAt          the point of the game's history the model had seen: only game rounds that started after it
 *                        count; defaults to {@code receivedAt}
 * @param lastSeenRoundId the game's round id of the last round the model had seen, kept for reference
 * @param expiresAt       the deadline: a round starting after it, before the prediction is decided, makes it
 *                        EXPIRED; defaults to madeAt + the rounds watched × {@link #DEFAULT_TIME_PER_ROUND}
 * @param features        what the model saw, free-form JSON
 */
public record LogPredictionCommand(Instant receivedAt, String modelName, String modelVersion, String predictionId,
                                   String gameName, String platformCode, PredictionKind kind, BigDecimal threshold,
                                   @Nullable Integer withinRounds, @Nullable Integer gapFrom, @Nullable Integer gapTo,
                                   @Nullable BigDecimal predictedGap, Double confidence, @Nullable Instant madeAt,
                                   @Nullable String lastSeenRoundId, @Nullable Instant expiresAt,
                                   @Nullable JsonDocument features) {

    /** The most rounds one prediction may watch. */
    public static final int MAX_HORIZON = 1000;
    /** Generous for every known crash game (Aviator rounds last 10 to 30 seconds, a long one a minute or two). */
    public static final Duration DEFAULT_TIME_PER_ROUND = Duration.ofMinutes(2);

    public LogPredictionCommand {
        Violations violations = new Violations()
                .identifier("modelName", modelName, 100)
                .identifier("modelVersion", modelVersion, 50)
                .identifier("predictionId", predictionId, 100)
                .code("gameName", gameName, 50)
                .code("platformCode", platformCode, 50)
                .check(kind != null, "kind", "REQUIRED", "must be WITHIN_ROUNDS, NEXT_ROUND or GAP")
                .check(threshold != null, "threshold", "REQUIRED", "must be given: the multiplier a round must reach")
                .multiplier("threshold", threshold)
                .check(confidence != null, "confidence", "REQUIRED", "must be given: a probability in [0, 1]")
                .unitInterval("confidence", confidence)
                .time("madeAt", madeAt, receivedAt)
                .text("lastSeenRoundId", lastSeenRoundId, 100)
                .json("features", features);
        if (threshold != null && threshold.compareTo(BigDecimal.ONE) >= 0) {
            violations.check(threshold.compareTo(BigDecimal.ONE) > 0, "threshold", "ABOVE_ONE",
                    "must be above 1: every round reaches 1x (got " + threshold.toPlainString() + ")");
        }
        if (kind != null) {
            checkShape(violations, kind, withinRounds, gapFrom, gapTo, predictedGap);
        }
        Instant from = madeAt != null ? madeAt : receivedAt;
        violations.check(expiresAt == null || expiresAt.isAfter(from), "expiresAt", "AFTER_MADE_AT",
                "must be after madeAt (" + from + "), got " + expiresAt);
        violations.throwIfAny();
    }

    /** Each kind takes its own parameters, and only those. */
    private static void checkShape(Violations violations, PredictionKind kind, @Nullable Integer withinRounds,
                                   @Nullable Integer gapFrom, @Nullable Integer gapTo, @Nullable BigDecimal predictedGap) {
        boolean gap = kind == PredictionKind.GAP;
        if (kind == PredictionKind.WITHIN_ROUNDS) {
            violations.check(withinRounds != null && withinRounds >= 1 && withinRounds <= MAX_HORIZON,
                    "withinRounds", "RANGE", "WITHIN_ROUNDS needs withinRounds from 1 to " + MAX_HORIZON
                            + " (got " + withinRounds + ")");
        } else {
            violations.check(withinRounds == null, "withinRounds", "NOT_FOR_KIND",
                    "only WITHIN_ROUNDS takes withinRounds (" + kind + " watches " + (gap ? "up to gapTo" : "1")
                            + " rounds)");
        }
        for (Map.Entry<String, @Nullable Object> field : gapFields(gapFrom, gapTo, predictedGap).entrySet()) {
            violations.check(gap == (field.getValue() != null), field.getKey(), gap ? "REQUIRED" : "NOT_FOR_KIND",
                    gap ? "GAP needs gapFrom, gapTo and predictedGap" : "only GAP takes " + field.getKey());
        }
        if (gap && gapFrom != null && gapTo != null && predictedGap != null) {
            violations.check(gapFrom >= 1, "gapFrom", "POSITIVE", "a gap is at least 1 round (got " + gapFrom + ")")
                    .check(gapTo >= gapFrom && gapTo <= MAX_HORIZON, "gapTo", "RANGE",
                            "must be from gapFrom (" + gapFrom + ") to " + MAX_HORIZON + " (got " + gapTo + ")")
                    .amount("predictedGap", predictedGap, DecimalLimits.MULTIPLIER)
                    .check(predictedGap.compareTo(BigDecimal.valueOf(gapFrom)) >= 0
                                    && predictedGap.compareTo(BigDecimal.valueOf(gapTo)) <= 0, "predictedGap",
                            "WITHIN_INTERVAL", "must lie within [gapFrom, gapTo] = [" + gapFrom + ", " + gapTo
                                    + "] (got " + predictedGap.toPlainString() + ")");
        }
    }

    private static Map<String, @Nullable Object> gapFields(@Nullable Integer gapFrom, @Nullable Integer gapTo,
                                                           @Nullable BigDecimal predictedGap) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("gapFrom", gapFrom);
        fields.put("gapTo", gapTo);
        fields.put("predictedGap", predictedGap);
        return fields;
    }

    /** How many rounds after it the prediction watches: N, 1, or gapTo. */
    public int horizonRounds() {
        return switch (kind) {
            case WITHIN_ROUNDS -> withinRounds;
            case NEXT_ROUND -> 1;
            case GAP -> gapTo;
        };
    }

    public Instant effectiveMadeAt() {
        return madeAt != null ? madeAt : receivedAt;
    }

    public Instant effectiveExpiresAt() {
        return expiresAt != null ? expiresAt
                : effectiveMadeAt().plus(DEFAULT_TIME_PER_ROUND.multipliedBy(horizonRounds()));
    }

    /** The prediction as submitted: a retry repeats it exactly. */
    public String fingerprint() {
        Map<String, @Nullable Object> content = new LinkedHashMap<>();
        content.put("modelName", modelName);
        content.put("modelVersion", modelVersion);
        content.put("predictionId", predictionId);
        content.put("gameName", gameName);
        content.put("platformCode", platformCode);
        content.put("kind", kind);
        content.put("threshold", threshold);
        content.put("withinRounds", withinRounds);
        content.put("gapFrom", gapFrom);
        content.put("gapTo", gapTo);
        content.put("predictedGap", predictedGap);
        content.put("confidence", confidence);
        content.put("madeAt", madeAt);
        content.put("lastSeenRoundId", lastSeenRoundId);
        content.put("expiresAt", expiresAt);
        content.put("features", features);
        return Fingerprint.of("prediction", content);
    }
}
