package com.crashanalytics.domain.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the gateway derives from a round, with hand-computed numbers. */
class SettlementTest {

    static final Instant NOW = Instant.parse("2026-11-21T14:03:00Z");

    @Test
    void aWinMakesStakeTimesCashoutMinusOne() {
        // 10 × (1.33 − 1) = 3.30; back came 13.30; ROI 3.30 / 10 = 33%
        Settlement settlement = Settlement.of(round(RoundOutcome.WIN, "10.00", "1.33", "2.45", null).build());

        assertThat(settlement.profitLoss()).isEqualByComparingTo("3.30");
        assertThat(settlement.cashoutAmount()).isEqualByComparingTo("13.30");
        assertThat(settlement.roiPercent()).isEqualByComparingTo("33");
        assertThat(settlement.actualMultiplier()).isEqualByComparingTo("1.33");
    }

    @Test
    void aLossLosesTheStake() {
        Settlement settlement = Settlement.of(round(RoundOutcome.LOSS, "25", null, "1.05", null).build());

        assertThat(settlement.profitLoss()).isEqualByComparingTo("-25");
        assertThat(settlement.cashoutAmount()).isEqualByComparingTo("0");
        assertThat(settlement.roiPercent()).isEqualByComparingTo("-100");
        assertThat(settlement.actualMultiplier()).isEqualByComparingTo("1.05");
    }

    @Test
    void aSkipIsZeroAndAnErrorIsWhatTheBotSays() {
        Settlement skip = Settlement.of(round(RoundOutcome.SKIP, null, null, "3.00", null).build());
        Settlement silentError = Settlement.of(round(RoundOutcome.ERROR, null, null, null, null).build());
        Settlement reportedError = Settlement.of(round(RoundOutcome.ERROR, "10", null, null, "-10").build());

        assertThat(skip.profitLoss()).isEqualByComparingTo("0");
        assertThat(skip.roiPercent()).isNull();
        assertThat(skip.cashoutAmount()).isNull();
        assertThat(silentError.profitLoss()).isEqualByComparingTo("0");
        assertThat(reportedError.profitLoss()).isEqualByComparingTo("-10");
    }

    @Test
    void theBotsAgreeingAmountIsKeptAndATooPreciseDerivedOneIsRoundedToEightDecimals() {
        // 10 × 0.3333 = 3.333; the casino paid 3.33, which agrees to the cent the bot sent.
        assertThat(Settlement.of(round(RoundOutcome.WIN, "10", "1.3333", null, "3.33").build()).profitLoss())
                .isEqualByComparingTo("3.33");
        // 0.00000001 × 0.3333 = 0.000000003333 → 0.00000000 at 8 decimals (half-even)
        assertThat(Settlement.of(round(RoundOutcome.WIN, "0.00000001", "1.3333", null, null).build()).profitLoss())
                .isEqualByComparingTo("0").extracting(BigDecimal::scale).isEqualTo(8);
    }

    @Test
    void agreementIsToThePrecisionSent() {
        assertThat(Settlement.agreesToSentPrecision(new BigDecimal("3.30"), new BigDecimal("3.3"))).isTrue();
        assertThat(Settlement.agreesToSentPrecision(new BigDecimal("3.33"), new BigDecimal("3.333"))).isTrue();
        // at least to the cent: a whole number must be exact to the cent
        assertThat(Settlement.agreesToSentPrecision(new BigDecimal("3"), new BigDecimal("3.333"))).isFalse();
        assertThat(Settlement.agreesToSentPrecision(new BigDecimal("-10"), new BigDecimal("-10.00"))).isTrue();
        assertThat(Settlement.agreesToSentPrecision(new BigDecimal("3.34"), new BigDecimal("3.333"))).isTrue(); // rounded up
        assertThat(Settlement.agreesToSentPrecision(new BigDecimal("3.35"), new BigDecimal("3.333"))).isFalse();
        assertThat(Settlement.agreesToSentPrecision(new BigDecimal("3.40"), new BigDecimal("3.30"))).isFalse();
        assertThat(Settlement.agreesToSentPrecision(new BigDecimal("-9"), new BigDecimal("-10"))).isFalse();
    }

    @Test
    void hitTargetAndMultiplierError() {
        // cashed out at 1.50 with a target of 1.40: hit, 0.10 above
        Settlement above = Settlement.of(round(RoundOutcome.WIN, "10", "1.50", "2.00", null).target("1.40").build());
        // lost with a target of 1.50 while the round crashed at 1.12: missed by 0.38
        Settlement lost = Settlement.of(round(RoundOutcome.LOSS, "10", null, "1.12", null).target("1.50").build());
        Settlement skipped = Settlement.of(round(RoundOutcome.SKIP, null, null, "1.12", null).target("1.50").build());

        assertThat(above.hitTarget()).isTrue();
        assertThat(above.multiplierError()).isEqualByComparingTo("0.10");
        assertThat(lost.hitTarget()).isFalse();
        assertThat(lost.multiplierError()).isEqualByComparingTo("-0.38");
        assertThat(skipped.hitTarget()).isNull();
    }

    @Test
    void durationNeedsBothTimes() {
        RoundReportBuilder timed = round(RoundOutcome.LOSS, "10", null, "1.2", null);
        timed.start = Instant.parse("2026-11-21T14:00:00Z");
        timed.end = Instant.parse("2026-11-21T14:00:07.250Z");

        assertThat(Settlement.of(timed.build()).durationSeconds()).isEqualByComparingTo("7.25");
        timed.start = null;
        assertThat(Settlement.of(timed.build()).durationSeconds()).isNull();
    }

    @Test
    void outcomeCategoriesFollowTheDocumentedThresholds() {
        BigDecimal stake = new BigDecimal("10");
        BigDecimal balance = new BigDecimal("500");
        assertThat(OutcomeCategory.of(new BigDecimal("10"), stake, balance)).isEqualTo(OutcomeCategory.BIG_WIN);
        assertThat(OutcomeCategory.of(new BigDecimal("9.99"), stake, balance)).isEqualTo(OutcomeCategory.SMALL_WIN);
        assertThat(OutcomeCategory.of(BigDecimal.ZERO, stake, balance)).isEqualTo(OutcomeCategory.BREAK_EVEN);
        // 10% of 500 is 50
        assertThat(OutcomeCategory.of(new BigDecimal("-49.99"), stake, balance)).isEqualTo(OutcomeCategory.SMALL_LOSS);
        assertThat(OutcomeCategory.of(new BigDecimal("-50"), stake, balance)).isEqualTo(OutcomeCategory.BIG_LOSS);
        assertThat(OutcomeCategory.BIG_LOSS.code()).isEqualTo("big_loss");
    }

    @Test
    void aSignalIsRightWhenItsConfidenceAndTheRoundAgree() {
        Signal confident = signal(0.8, "2.00");
        Signal doubtful = signal(0.3, "2.00");
        java.util.UUID round = java.util.UUID.randomUUID();

        // crash 2.45 ≥ 2.00: the confident one was right, the doubtful one wrong; error 2.45 − 2.00 = 0.45
        assertThat(confident.resolvedBy(round, new BigDecimal("2.45")).signalCorrectness()).isTrue();
        assertThat(confident.resolvedBy(round, new BigDecimal("2.45")).predictionError()).isEqualByComparingTo("0.45");
        assertThat(doubtful.resolvedBy(round, new BigDecimal("2.45")).signalCorrectness()).isFalse();
        // crash 1.50 < 2.00: the other way round
        assertThat(confident.resolvedBy(round, new BigDecimal("1.50")).signalCorrectness()).isFalse();
        assertThat(doubtful.resolvedBy(round, new BigDecimal("1.50")).signalCorrectness()).isTrue();
        assertThat(signal(0.5, "2.00").resolvedBy(round, new BigDecimal("2.00")).signalCorrectness()).isTrue();
        // no crash multiplier known: linked, not judged
        assertThat(confident.resolvedBy(round, null).signalCorrectness()).isNull();
        assertThat(confident.resolvedBy(round, null).isPending()).isFalse();
    }

    @Test
    void violationsOfOutcomeRules() {
        assertThat(rules(round(RoundOutcome.WIN, "10", null, "2", null))).containsExactly("cashoutMultiplier:REQUIRED_FOR_WIN");
        assertThat(rules(round(RoundOutcome.WIN, "10", "2.5", "2", null)))
                .containsExactly("cashoutMultiplier:CASHOUT_NOT_ABOVE_CRASH");
        assertThat(rules(round(RoundOutcome.WIN, "0", "1.5", "2", null))).containsExactly("stakeValue:BET_NEEDS_STAKE");
        assertThat(rules(round(RoundOutcome.LOSS, null, null, "2", null))).containsExactly("stakeValue:BET_NEEDS_STAKE");
        assertThat(rules(round(RoundOutcome.LOSS, "10", "1.5", "1.2", null))).containsExactly("cashoutMultiplier:NO_CASHOUT_ON_LOSS");
        assertThat(rules(round(RoundOutcome.SKIP, "5", null, "2", null))).containsExactly("stakeValue:SKIP_HAS_NO_STAKE");
        assertThat(rules(round(RoundOutcome.WIN, "10", "1.33", "2", "3.40")))
                .containsExactly("profitLoss:PROFIT_LOSS_MATCHES_OUTCOME");
        assertThat(rules(round(RoundOutcome.SKIP, null, null, null, "1"))).containsExactly("profitLoss:PROFIT_LOSS_MATCHES_OUTCOME");
        assertThat(rules(round(RoundOutcome.ERROR, "10", null, null, "-7.5"))).isEmpty();
        assertThat(rules(round(RoundOutcome.WIN, "10", "1.33", "1.33", "3.30"))).isEmpty();
    }

    private static List<String> rules(RoundReportBuilder builder) {
        return builder.build().violations(NOW).stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    private static Signal signal(double confidence, String predicted) {
        SignalReport report = new SignalReport("early_flight", null, null, confidence, new BigDecimal(predicted), null,
                null, null);
        return Signal.of(java.util.UUID.randomUUID(), new RoundKey("bot_1", "s1", 1), "aviator", "dafabet", report, NOW);
    }

    static RoundReportBuilder round(RoundOutcome outcome, String stake, String cashout, String crash, String profitLoss) {
        RoundReportBuilder builder = new RoundReportBuilder();
        builder.outcome = outcome;
        builder.stake = stake == null ? null : new BigDecimal(stake);
        builder.cashout = cashout == null ? null : new BigDecimal(cashout);
        builder.crash = crash == null ? null : new BigDecimal(crash);
        builder.profitLoss = profitLoss == null ? null : new BigDecimal(profitLoss);
        return builder;
    }

    /** A round report with only what these tests vary. */
    static final class RoundReportBuilder {
        RoundOutcome outcome;
        BigDecimal stake;
        BigDecimal cashout;
        BigDecimal crash;
        BigDecimal profitLoss;
        BigDecimal target;
        Instant start;
        Instant end;

        RoundReportBuilder target(String value) {
            target = new BigDecimal(value);
            return this;
        }

        RoundReport build() {
            return new RoundReport("bot_1", "s1", null, null, 1, null, start, end, stake, null, null, target, crash,
                    cashout, null, null, outcome, profitLoss, null, null, null, null, null, null, null, null, null, null,
                    null, null, List.of(), List.of(), List.of());
        }
    }
}
