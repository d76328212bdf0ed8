package com.crashanalytics.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DecimalLimitsTest {

    @Test
    void moneyKeepsEightDecimals() {
        assertThat(DecimalLimits.MONEY.problemWith(new BigDecimal("0.00000001"))).isNull();
        assertThat(DecimalLimits.MONEY.problemWith(new BigDecimal("0.000000001")))
                .isEqualTo("an amount of money may have at most 8 decimal places (got 0.000000001)");
    }

    @Test
    void trailingZerosDoNotCountAsDecimals() {
        assertThat(DecimalLimits.MONEY.problemWith(new BigDecimal("10.0000000000"))).isNull();
        assertThat(DecimalLimits.MULTIPLIER.problemWith(new BigDecimal("2.450000"))).isNull();
    }

    @Test
    void moneyKeepsTwelveIntegerDigits() {
        assertThat(DecimalLimits.MONEY.problemWith(new BigDecimal("999999999999.99999999"))).isNull();
        assertThat(DecimalLimits.MONEY.problemWith(new BigDecimal("1000000000000")))
                .contains("at most 12 digits before the decimal point");
    }

    @Test
    void largeNumbersWrittenWithAnExponentAreMeasuredByValue() {
        assertThat(DecimalLimits.MULTIPLIER.problemWith(new BigDecimal("1E+3"))).isNull();
        assertThat(DecimalLimits.MULTIPLIER.problemWith(new BigDecimal("1E+10"))).contains("at most 10 digits");
    }

    @Test
    void multipliersKeepFourDecimals() {
        assertThat(DecimalLimits.MULTIPLIER.problemWith(new BigDecimal("1.3333"))).isNull();
        assertThat(DecimalLimits.MULTIPLIER.problemWith(new BigDecimal("1.33333"))).contains("at most 4 decimal places");
    }
}
