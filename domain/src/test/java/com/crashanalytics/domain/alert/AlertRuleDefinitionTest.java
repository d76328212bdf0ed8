package com.crashanalytics.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.Violation;
import org.junit.jupiter.api.Test;

class AlertRuleDefinitionTest {

    @Test
    void kindsThatMayLeaveTheirThresholdsOutGetTheSeedDefaults() {
        AlertRuleDefinition signals = define(AlertKind.SIGNAL_CONFIDENCE, null, null, null, null);
        assertThat(signals.confidence()).isEqualTo(0.75);
        AlertRuleDefinition droughts = define(AlertKind.NO_BIG_CRASH, null, null, 20, null);
        assertThat(droughts.multiplier()).isEqualByComparingTo("10");
        AlertRuleDefinition rtp = define(AlertKind.RTP_DEPARTURE, null, null, null, null);
        assertThat(rtp.pValue()).isEqualTo(0.001);
        assertThat(rtp.sampleSize()).isEqualTo(500);
        assertThat(rtp.cooldownSeconds()).isZero();
        assertThat(rtp.enabled()).isTrue();
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        assertThatThrownBy(() -> AlertRuleDefinition.of(" padded", AlertKind.LOSS_STREAK, List.of(""), null, null,
                List.of("Dafabet"), BigDecimal.ONE, null, null, null, null, null, null, null, List.of("a b"), -1, null))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("name", "NO_SURROUNDING_WHITESPACE"),
                                org.assertj.core.groups.Tuple.tuple("scope.botIds[0]", "REQUIRED"),
                                org.assertj.core.groups.Tuple.tuple("scope.platformCodes[0]", "LOWERCASE_CODE"),
                                org.assertj.core.groups.Tuple.tuple("amount", "NOT_FOR_KIND"),
                                org.assertj.core.groups.Tuple.tuple("count", "REQUIRED"),
                                org.assertj.core.groups.Tuple.tuple("channels[0]", "LOWERCASE_CODE"),
                                org.assertj.core.groups.Tuple.tuple("cooldownSeconds", "RANGE")));
    }

    @Test
    void aScopeDropsRepeatedNames() {
        AlertRuleDefinition rule = AlertRuleDefinition.of("r", AlertKind.BUST, List.of("b1", "b1", "b2"), null, null,
                null, null, null, null, null, null, null, null, null, List.of("ops", "ops"), null, null);
        assertThat(rule.scope().botIds()).containsExactly("b1", "b2");
        assertThat(rule.channels()).containsExactly("ops");
    }

    private static AlertRuleDefinition define(AlertKind kind, BigDecimal amount, BigDecimal percent, Integer count,
                                              Integer staleAfterSeconds) {
        return AlertRuleDefinition.of("rule", kind, null, null, null, null, amount, percent, count, staleAfterSeconds,
                null, null, null, null, null, null, null);
    }
}
