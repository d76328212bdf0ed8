package com.crashanalytics.domain.prediction;

import static com.crashanalytics.domain.prediction.Predictions.MADE_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;

import com.crashanalytics.domain.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class LogPredictionCommandTest {

    @Test
    void eachKindTakesItsOwnParametersAndOnlyThose() {
        assertThatThrownBy(() -> Predictions.command(PredictionKind.WITHIN_ROUNDS, "10", null, 2, null, 0.5, null))
                .satisfies(problem -> assertThat(rules(problem)).contains(tuple("withinRounds", "RANGE"),
                        tuple("gapFrom", "NOT_FOR_KIND")));
        assertThatThrownBy(() -> Predictions.command(PredictionKind.NEXT_ROUND, "10", 3, null, null, 0.5, null))
                .satisfies(problem -> assertThat(rules(problem)).containsExactly(tuple("withinRounds", "NOT_FOR_KIND")));
        assertThatThrownBy(() -> Predictions.command(PredictionKind.GAP, "10", null, 8, 4, 0.5, null))
                .satisfies(problem -> assertThat(rules(problem)).contains(tuple("gapTo", "RANGE")));
    }

    @Test
    void thresholdConfidenceAndDeadlineAreChecked() {
        assertThatThrownBy(() -> Predictions.command(PredictionKind.NEXT_ROUND, "1", null, null, null, 1.5,
                MADE_AT.minusSeconds(1)))
                .satisfies(problem -> assertThat(rules(problem)).containsExactlyInAnyOrder(
                        tuple("threshold", "ABOVE_ONE"), tuple("confidence", "UNIT_INTERVAL"),
                        tuple("expiresAt", "AFTER_MADE_AT")));
    }

    @Test
    void theFingerprintComparesNumbersByValue() {
        LogPredictionCommand a = new LogPredictionCommand(MADE_AT, "xgb", "1", "p1", "aviator", "demo",
                PredictionKind.NEXT_ROUND, new BigDecimal("10"), null, null, null, null, 0.5, MADE_AT, null, null, null);
        LogPredictionCommand b = new LogPredictionCommand(MADE_AT.plusSeconds(5), "xgb", "1", "p1", "aviator", "demo",
                PredictionKind.NEXT_ROUND, new BigDecimal("10.00"), null, null, null, null, 0.5, MADE_AT, null, null, null);

        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    }

    private static java.util.List<org.assertj.core.groups.Tuple> rules(Throwable problem) {
        return ((InvalidInputException) problem).violations().stream()
                .map(violation -> tuple(violation.field(), violation.rule()))
                .toList();
    }
}
