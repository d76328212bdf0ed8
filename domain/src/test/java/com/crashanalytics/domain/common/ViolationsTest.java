package com.crashanalytics.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void collectsEveryBrokenRuleBeforeThrowing() {
        Violations violations = new Violations()
                .identifier("botId", "", 50)
                .amount("stakeValue", new BigDecimal("-1"), DecimalLimits.MONEY)
                .multiplier("crashMultiplier", new BigDecimal("0.99"))
                .unitInterval("confidence", 1.5)
                .text("notes", "bad\u0000text", 100);

        assertThatThrownBy(violations::throwIfAny)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("botId", "REQUIRED"),
                                org.assertj.core.groups.Tuple.tuple("stakeValue", "NON_NEGATIVE"),
                                org.assertj.core.groups.Tuple.tuple("crashMultiplier", "MIN_MULTIPLIER"),
                                org.assertj.core.groups.Tuple.tuple("confidence", "UNIT_INTERVAL"),
                                org.assertj.core.groups.Tuple.tuple("notes", "NO_NUL_CHARACTERS")));
    }

    @Test
    void rejectsNotANumberAndInfinity() {
        Violations violations = new Violations()
                .unitInterval("a", Double.NaN)
                .unitInterval("b", Double.POSITIVE_INFINITY);

        assertThat(violations.list()).extracting(Violation::rule).containsExactly("FINITE_NUMBER", "FINITE_NUMBER");
    }

    @Test
    void acceptsTheBoundaries() {
        Violations violations = new Violations()
                .amount("stake", BigDecimal.ZERO, DecimalLimits.MONEY)
                .multiplier("crash", BigDecimal.ONE)
                .unitInterval("low", 0.0)
                .unitInterval("high", 1.0)
                .identifier("id", "b".repeat(50), 50);

        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void identifiersHaveNoSurroundingBlanksOrControlCharacters() {
        assertThat(new Violations().identifier("id", " bot", 50).list()).extracting(Violation::rule)
                .containsExactly("NO_SURROUNDING_WHITESPACE");
        assertThat(new Violations().identifier("id", "bo\tt", 50).list()).extracting(Violation::rule)
                .containsExactly("NO_CONTROL_CHARACTERS");
    }

    @Test
    void codesAreLowercase() {
        assertThat(new Violations().code("gameName", "Aviator", 50).list()).extracting(Violation::rule)
                .containsExactly("LOWERCASE_CODE");
        assertThat(new Violations().code("gameName", "jetx", 50).isEmpty()).isTrue();
    }

    @Test
    void nestedViolationsKeepTheirIndex() {
        Violations batch = new Violations().addAllUnder("rounds[3]",
                new Violations().multiplier("crashMultiplier", new BigDecimal("0.5")).list());

        assertThat(batch.list()).extracting(Violation::field).containsExactly("rounds[3].crashMultiplier");
    }
}
