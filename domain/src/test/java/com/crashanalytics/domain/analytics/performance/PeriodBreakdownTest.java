package com.crashanalytics.domain.analytics.performance;

import static com.crashanalytics.domain.analytics.performance.Rounds.round;
import static com.crashanalytics.domain.round.RoundOutcome.LOSS;
import static com.crashanalytics.domain.round.RoundOutcome.SKIP;
import static com.crashanalytics.domain.round.RoundOutcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.round.RoundOutcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodBreakdownTest {

    /**
     * Across a year end: 2025-12-29 is a Monday, 2026-01-04 a Sunday, 2026-01-05 a Monday, 2026-02-01 a Sunday.
     * <pre>
     *  time (UTC)            outcome  P/L  balance  cumulative
     *  2025-12-31 23:30      WIN       +5  105        5
     *  2025-12-31 23:50      LOSS     −10   95       −5
     *  2026-01-01 00:10      WIN      +20  (none)    15
     *  2026-01-04 23:59:59   LOSS      −5  110       10
     *  2026-01-05 00:00      SKIP       0  (none)    10
     *  2026-02-01 08:00      WIN       +1  111       11
     * </pre>
     */
    private static final RoundSeries SERIES = RoundSeries.of(
            at("2025-12-31T23:30:00Z", WIN, "10", "5", "105"),
            at("2025-12-31T23:50:00Z", LOSS, "10", "-10", "95"),
            at("2026-01-01T00:10:00Z", WIN, "10", "20", null),
            at("2026-01-04T23:59:59Z", LOSS, "5", "-5", "110"),
            at("2026-01-05T00:00:00Z", SKIP, "0", "0", null),
            at("2026-02-01T08:00:00Z", WIN, "1", "1", "111"));

    @Test
    void byHour() {
        assertThat(rows(Period.HOUR)).containsExactly(
                "2025-12-31T23:00:00Z..2026-01-01T00:00:00Z rounds=2 pl=-5 cum=-5 balance=95",
                "2026-01-01T00:00:00Z..2026-01-01T01:00:00Z rounds=1 pl=20 cum=15 balance=null",
                "2026-01-04T23:00:00Z..2026-01-05T00:00:00Z rounds=1 pl=-5 cum=10 balance=110",
                "2026-01-05T00:00:00Z..2026-01-05T01:00:00Z rounds=1 pl=0 cum=10 balance=null",
                "2026-02-01T08:00:00Z..2026-02-01T09:00:00Z rounds=1 pl=1 cum=11 balance=111");
    }

    @Test
    void byDay() {
        assertThat(rows(Period.DAY)).containsExactly(
                "2025-12-31T00:00:00Z..2026-01-01T00:00:00Z rounds=2 pl=-5 cum=-5 balance=95",
                "2026-01-01T00:00:00Z..2026-01-02T00:00:00Z rounds=1 pl=20 cum=15 balance=null",
                "2026-01-04T00:00:00Z..2026-01-05T00:00:00Z rounds=1 pl=-5 cum=10 balance=110",
                "2026-01-05T00:00:00Z..2026-01-06T00:00:00Z rounds=1 pl=0 cum=10 balance=null",
                "2026-02-01T00:00:00Z..2026-02-02T00:00:00Z rounds=1 pl=1 cum=11 balance=111");
    }

    @Test
    void byWeekStartingOnMonday() {
        // Wed 12-31, Thu 01-01 and Sun 01-04 share the week of Monday 2025-12-29: P/L 5 − 10 + 20 − 5 = 10
        assertThat(rows(Period.WEEK)).containsExactly(
                "2025-12-29T00:00:00Z..2026-01-05T00:00:00Z rounds=4 pl=10 cum=10 balance=110",
                "2026-01-05T00:00:00Z..2026-01-12T00:00:00Z rounds=1 pl=0 cum=10 balance=null",
                "2026-01-26T00:00:00Z..2026-02-02T00:00:00Z rounds=1 pl=1 cum=11 balance=111");
    }

    @Test
    void byMonthTheClosingBalanceIsTheLastOneReported() {
        // January: 20 − 5 + 0 = 15; its last round reported no balance, the one before reported 110
        assertThat(rows(Period.MONTH)).containsExactly(
                "2025-12-01T00:00:00Z..2026-01-01T00:00:00Z rounds=2 pl=-5 cum=-5 balance=95",
                "2026-01-01T00:00:00Z..2026-02-01T00:00:00Z rounds=3 pl=15 cum=10 balance=110",
                "2026-02-01T00:00:00Z..2026-03-01T00:00:00Z rounds=1 pl=1 cum=11 balance=111");
    }

    @Test
    void eachPeriodCarriesItsOwnTotals() {
        RoundTotals december = PeriodBreakdown.of(SERIES, Period.MONTH).get(0).totals();

        assertThat(december.wins()).isEqualTo(1);
        assertThat(december.losses()).isEqualTo(1);
        assertThat(december.totalStaked()).isEqualByComparingTo("20");
        assertThat(december.roiPercent()).isEqualTo(new BigDecimal("-25.0000")); // −5 × 100 / 20
    }

    @Test
    void anEmptySeriesHasNoPeriods() {
        assertThat(PeriodBreakdown.of(new RoundSeries(List.of()), Period.DAY)).isEmpty();
    }

    @ParameterizedTest(name = "{0} of {1} starts at {2}")
    @CsvSource({
            "HOUR,  2026-03-29T01:59:59.999Z, 2026-03-29T01:00:00Z",
            "DAY,   2026-03-29T23:59:59Z,     2026-03-29T00:00:00Z",
            "WEEK,  2026-03-02T00:00:00Z,     2026-03-02T00:00:00Z",
            "WEEK,  2026-03-08T23:59:59Z,     2026-03-02T00:00:00Z",
            "WEEK,  2026-03-09T00:00:00Z,     2026-03-09T00:00:00Z",
            "MONTH, 2024-02-29T12:00:00Z,     2024-02-01T00:00:00Z"})
    void periodsAreUtcAndWeeksStartOnMonday(Period period, String time, String start) {
        assertThat(period.startOf(Instant.parse(time))).isEqualTo(Instant.parse(start));
    }

    private static List<String> rows(Period period) {
        return PeriodBreakdown.of(SERIES, period).stream()
                .map(p -> p.periodStart() + ".." + p.periodEnd() + " rounds=" + p.totals().rounds()
                        + " pl=" + p.totals().totalProfitLoss().toPlainString()
                        + " cum=" + p.cumulativeProfitLoss().toPlainString()
                        + " balance=" + (p.closingBalance() == null ? "null" : p.closingBalance().toPlainString()))
                .toList();
    }

    private static RoundResult at(String time, RoundOutcome outcome, String stake,
                                  String profitLoss, @Nullable String balance) {
        return round("bot_a", "session_a", Instant.parse(time), outcome, stake, profitLoss, balance);
    }
}
