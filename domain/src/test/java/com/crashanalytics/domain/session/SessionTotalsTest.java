package com.crashanalytics.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.crashanalytics.domain.session.LedgerEntry.Kind;
import org.junit.jupiter.api.Test;

/**
 * The running totals over the ten-round session worked out by hand (the same session the end-to-end test logs),
 * initial balance C = 1000. The bot reports no balances here, so its balance and the equity (C + cumulative P/L)
 * are the same figures; peak and drawdown follow the equity:
 *
 * <pre>
 *  #  outcome  stake  cash-out  P/L     equity = balance  peak  drawdown  win/loss streak
 *  1  WIN        10   1.50        5.00  1005.00           1005     0       1/0
 *  2  WIN        10   2.00       10.00  1015.00           1015     0       2/0
 *  3  LOSS       20     -       -20.00   995.00           1015    20       0/1
 *  4  SKIP        0     -         0      995.00           1015    20       0/1   (a skip neither extends nor breaks)
 *  5  LOSS       40     -       -40.00   955.00           1015    60       0/2
 *  6  ERROR       0     -         0      955.00           1015    60       0/2   (nor does an error)
 *  7  WIN        80   1.25       20.00   975.00           1015    40       1/0
 *  8  LOSS      100     -      -100.00   875.00           1015   140       0/1   (the deepest fall)
 *  9  WIN        10   1.33        3.30   878.30           1015   136.7     1/0
 * 10  WIN        25   4.00       75.00   953.30           1015    61.7     2/0
 * </pre>
 */
class SessionTotalsTest {

    static List<LedgerEntry> tenRounds() {
        return List.of(
                entry(1, Kind.WIN, "10", "5.00"),
                entry(2, Kind.WIN, "10", "10.00"),
                entry(3, Kind.LOSS, "20", "-20"),
                entry(4, Kind.SKIP, "0", "0"),
                entry(5, Kind.LOSS, "40", "-40"),
                entry(6, Kind.ERROR, "0", "0"),
                entry(7, Kind.WIN, "80", "20.00"),
                entry(8, Kind.LOSS, "100", "-100"),
                entry(9, Kind.WIN, "10", "3.30"),
                entry(10, Kind.WIN, "25", "75.00"));
    }

    @Test
    void theTenRoundSessionAddsUpAsWorkedOutByHand() {
        SessionTotals totals = fold(SessionTotals.opening(new BigDecimal("1000")), tenRounds()).totals();

        assertThat(totals.totalRounds()).isEqualTo(10);
        assertThat(List.of(totals.wins(), totals.losses(), totals.skips(), totals.errors())).containsExactly(5, 3, 1, 1);
        // 5 wins of 8 resolved bets (skip and error are not bets that resolved).
        assertThat(totals.winRate()).isEqualByComparingTo("0.625");
        // 10 + 10 + 20 + 0 + 40 + 0 + 80 + 100 + 10 + 25
        assertThat(totals.totalStaked()).isEqualByComparingTo("295");
        // 5 + 10 - 20 + 0 - 40 + 0 + 20 - 100 + 3.30 + 75
        assertThat(totals.totalProfitLoss()).isEqualByComparingTo("-46.70");
        assertThat(totals.currentBalance()).isEqualByComparingTo("953.30");
        // wins: 5 + 10 + 20 + 3.30 + 75 = 113.30; losses: 20 + 40 + 100 = 160
        assertThat(totals.grossWin()).isEqualByComparingTo("113.30");
        assertThat(totals.grossLoss()).isEqualByComparingTo("160");
        assertThat(totals.largestWin()).isEqualByComparingTo("75");
        assertThat(totals.largestLoss()).isEqualByComparingTo("100");
        // 113.30 / 5 = 22.66; 160 / 3 = 53.333... rounded half-up to 8 decimals
        assertThat(totals.averageWin()).isEqualByComparingTo("22.66");
        assertThat(totals.averageLoss()).isEqualByComparingTo("53.33333333");
        // -46.70 / 295 * 100 = -15.830508... to 4 decimals
        assertThat(totals.roiPercent()).isEqualByComparingTo("-15.8305");
        // equity 1000 - 46.70 = 953.30, the same as the balance: the bot reported no balance of its own
        assertThat(totals.equity()).isEqualByComparingTo("953.30");
        assertThat(totals.peakBalance()).isEqualByComparingTo("1015");
        // deepest fall of the equity: 1015 (after #2) -> 875 (after #8) = 140, and 140 * 100 / 1015 = 13.793103...%
        assertThat(totals.maxDrawdown()).isEqualByComparingTo("140");
        assertThat(totals.maxDrawdownPercent()).isEqualTo(new BigDecimal("13.7931"));
        // 1015 - 953.30
        assertThat(totals.currentDrawdown()).isEqualByComparingTo("61.70");
        assertThat(List.of(totals.currentWinStreak(), totals.currentLossStreak(), totals.longestWinStreak(),
                totals.longestLossStreak())).containsExactly(2, 0, 2, 2);
        assertThat(totals.lastRoundNumber()).isEqualTo(10);
    }

    @Test
    void eachRoundKnowsItsStreaksAndBalances() {
        List<RoundStanding> standings = fold(SessionTotals.opening(new BigDecimal("1000")), tenRounds()).standings();

        assertThat(standings).extracting(RoundStanding::winStreak).containsExactly(1, 2, 0, 0, 0, 0, 1, 0, 1, 2);
        assertThat(standings).extracting(RoundStanding::lossStreak).containsExactly(0, 0, 1, 1, 2, 2, 0, 1, 0, 0);
        assertThat(standings).extracting(s -> s.balanceAfter().stripTrailingZeros().toPlainString())
                .containsExactly("1005", "1015", "995", "995", "955", "955", "975", "875", "878.3", "953.3");
        assertThat(standings.get(7).balanceBefore()).isEqualByComparingTo("975");
        assertThat(standings).noneMatch(RoundStanding::balanceDiscontinuity);
    }

    @Test
    void aRoundArrivingLateGivesTheSameTotalsAsInOrder() {
        Session session = session();
        List<LedgerEntry> inOrder = tenRounds();
        Session counted = session.record(inOrder, session.startTime()).session();

        List<LedgerEntry> withoutFour = new ArrayList<>(inOrder);
        LedgerEntry four = withoutFour.remove(3);
        List<LedgerEntry> lateFive = new ArrayList<>(withoutFour);
        LedgerEntry five = lateFive.remove(3);
        Session partial = session.record(lateFive, session.startTime()).session();
        assertThat(partial.extendsWith(List.of(four, five))).isFalse();
        List<LedgerEntry> all = new ArrayList<>(lateFive);
        all.add(five);
        all.add(four);
        Session replayed = partial.replay(all, session.startTime()).session();

        assertThat(replayed.totals()).isEqualTo(counted.totals());
    }

    @Test
    void aReportedBalanceBeforeThatDiffersFromTheTrackedOneIsADiscontinuityAndMovesTheBalanceOnly() {
        SessionTotals opening = SessionTotals.opening(new BigDecimal("1000"));
        LedgerEntry misread = new LedgerEntry(1, Kind.LOSS, new BigDecimal("10"), new BigDecimal("-10"),
                new BigDecimal("1100"), null);
        LedgerEntry reportedAsTracked = new LedgerEntry(1, Kind.LOSS, new BigDecimal("10"), new BigDecimal("-10"),
                new BigDecimal("1000.00"), new BigDecimal("990"));

        SessionTotals.Step step = opening.after(misread);

        assertThat(step.standing().balanceDiscontinuity()).isTrue();
        // The bot's balance is believed: 1100 - 10.
        assertThat(step.totals().currentBalance()).isEqualByComparingTo("1090");
        // The equity is not: 1000 + (-10) = 990, below the peak C = 1000 by 10 = 1% of it.
        assertThat(step.totals().equity()).isEqualByComparingTo("990");
        assertThat(step.totals().peakBalance()).isEqualByComparingTo("1000");
        assertThat(step.totals().maxDrawdown()).isEqualByComparingTo("10");
        assertThat(step.totals().maxDrawdownPercent()).isEqualTo(new BigDecimal("1.0000"));
        assertThat(opening.after(reportedAsTracked).standing().balanceDiscontinuity()).isFalse();
    }

    @Test
    void theMaxDrawdownIsTheLargestFallInMoneyWithThePercentOfItsOwnPeak() {
        // C = 100: down 20 from 100 (20 %), up to 1000, down 100 from 1000 (10 %). The larger fall in money is the
        // second: max drawdown 100 at 10 %, although 20 % was the larger percentage.
        SessionTotals totals = SessionTotals.opening(new BigDecimal("100"));
        for (LedgerEntry entry : List.of(entry(1, Kind.LOSS, "20", "-20"), entry(2, Kind.WIN, "20", "920"),
                entry(3, Kind.LOSS, "100", "-100"))) {
            totals = totals.after(entry).totals();
        }

        assertThat(totals.peakBalance()).isEqualByComparingTo("1000");
        assertThat(totals.maxDrawdown()).isEqualByComparingTo("100");
        assertThat(totals.maxDrawdownPercent()).isEqualTo(new BigDecimal("10.0000"));
    }

    @Test
    void quotientsAreRoundedHalfUpOnce() {
        // Two wins of 1 and 4 satoshi: average 5e-8 / 2 = 2.5e-8, a tie at 8 decimals: half-up gives 3e-8
        // (half-even would give 2e-8). Win rate 2 / 2 = 1, to 6 decimals.
        SessionTotals totals = SessionTotals.opening(BigDecimal.ONE)
                .after(entry(1, Kind.WIN, "0.00000001", "0.00000001")).totals()
                .after(entry(2, Kind.WIN, "0.00000004", "0.00000004")).totals();

        assertThat(totals.averageWin()).isEqualTo(new BigDecimal("0.00000003"));
        assertThat(totals.winRate()).isEqualTo(new BigDecimal("1.000000"));
    }

    @Test
    void aSessionStartedWithNothingHasNoDrawdownPercentUntilItsPeakIsPositive() {
        SessionTotals opening = SessionTotals.opening(BigDecimal.ZERO);
        assertThat(opening.maxDrawdownPercent()).isNull();

        // An ERROR round that brought 5 (a bonus): equity 5 is the peak, no fall yet: 0 % of 5.
        SessionTotals ahead = opening.after(entry(1, Kind.ERROR, "0", "5")).totals();
        assertThat(ahead.maxDrawdownPercent()).isEqualTo(new BigDecimal("0.0000"));
        // Then a loss of 2 reported on a balance the bot topped up: equity 3, 2 below the peak of 5: 40 %.
        SessionTotals down = ahead.after(new LedgerEntry(2, Kind.LOSS, new BigDecimal("2"), new BigDecimal("-2"),
                new BigDecimal("50"), null)).totals();
        assertThat(down.maxDrawdownPercent()).isEqualTo(new BigDecimal("40.0000"));
        assertThat(down.currentBalance()).isEqualByComparingTo("48");
    }

    @Test
    void aReportedBalanceAfterWinsOverTheDerivedOne() {
        SessionTotals.Step step = SessionTotals.opening(new BigDecimal("1000"))
                .after(new LedgerEntry(1, Kind.WIN, new BigDecimal("10"), new BigDecimal("3.333"), null,
                        new BigDecimal("1003.33")));

        assertThat(step.totals().currentBalance()).isEqualByComparingTo("1003.33");
        assertThat(step.standing().balanceBefore()).isEqualByComparingTo("1000");
    }

    @Test
    void noRatesBeforeTheFirstBet() {
        SessionTotals totals = SessionTotals.opening(new BigDecimal("50"))
                .after(new LedgerEntry(1, Kind.SKIP, BigDecimal.ZERO, BigDecimal.ZERO, null, null)).totals();

        assertThat(totals.winRate()).isNull();
        assertThat(totals.roiPercent()).isNull();
        assertThat(totals.averageWin()).isNull();
        assertThat(totals.largestLoss()).isNull();
        assertThat(totals.maxDrawdownPercent()).isEqualByComparingTo("0");
    }

    static Session session() {
        BigDecimal initial = new BigDecimal("1000");
        java.time.Instant start = java.time.Instant.parse("2026-11-21T14:00:00Z");
        return new Session("s1", "bot_1", "aviator", "dafabet", "martingale", null, SessionStatus.ACTIVE, start, null,
                null, null, initial, null, SessionTotals.opening(initial), "f", start, start, null);
    }

    private static SessionFold fold(SessionTotals from, List<LedgerEntry> entries) {
        SessionTotals running = from;
        List<RoundStanding> standings = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            SessionTotals.Step step = running.after(entry);
            running = step.totals();
            standings.add(step.standing());
        }
        return new SessionFold(running, standings);
    }

    private record SessionFold(SessionTotals totals, List<RoundStanding> standings) {
    }

    private static LedgerEntry entry(int number, Kind kind, String stake, String profitLoss) {
        return new LedgerEntry(number, kind, new BigDecimal(stake), new BigDecimal(profitLoss), null, null);
    }
}
