package com.crashanalytics.domain.analytics.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import com.crashanalytics.domain.analytics.performance.Drawdown;
import org.junit.jupiter.api.Test;

class LivePortfolioTest {

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T1.plusSeconds(120);
    private static final Instant T4 = T1.plusSeconds(180);
    private static final Instant T5 = T1.plusSeconds(240);

    /**
     * Two bots interleaved, bot A in two sessions, a base stake of 1; two rounds start at T3 (the walk takes them in
     * the order given, which SQL sets by id):
     * <pre>
     *  time bot session  P/L  balance  cumulative  peak  fall
     *  T1   A   a1       +2   (none)    2           2     0
     *  T2   B   b1       −1   49        1           2     1   B's capital: 49 − (−1) = 50
     *  T3   A   a1       +3   105       4           4     0   A's capital: 105 − (2 + 3) = 100
     *  T3   B   b1       −4   45        0           4     4
     *  T4   A   a2       −6   0.5      −6           4    10   a2 below the base stake 1: bust
     *  T5   B   b1       +1   46       −5           4     9
     * </pre>
     * Capital 150, so the peak stands at 154: max drawdown 10 from the peak at T3 to the trough at T4,
     * 10 × 100 / 154 = 6.4935%.
     */
    @Test
    void oneWalkGivesTheDrawdownItsCapitalAndWhoPlayed() {
        LivePortfolio portfolio = new LivePortfolio(BigDecimal.ONE);
        portfolio.accept(T1, "A", "a1", new BigDecimal("2"), null);
        portfolio.accept(T2, "B", "b1", new BigDecimal("-1"), new BigDecimal("49"));
        portfolio.accept(T3, "A", "a1", new BigDecimal("3"), new BigDecimal("105"));
        portfolio.accept(T3, "B", "b1", new BigDecimal("-4"), new BigDecimal("45"));
        portfolio.accept(T4, "A", "a2", new BigDecimal("-6"), new BigDecimal("0.5"));
        portfolio.accept(T5, "B", "b1", new BigDecimal("1"), new BigDecimal("46"));

        assertThat(portfolio.startingCapital()).isEqualByComparingTo("150");
        Drawdown drawdown = portfolio.maxDrawdown();
        assertThat(drawdown.amount()).isEqualByComparingTo("10");
        assertThat(drawdown.percentOfPeak()).isEqualByComparingTo("6.4935");
        assertThat(drawdown.peakAt()).isEqualTo(T3);
        assertThat(drawdown.troughAt()).isEqualTo(T4);
        assertThat(portfolio.players()).isEqualTo(new LiveBots(2, 3, 1));
    }

    /** Back at the peak, a later fall counts from there; of two equal falls the earlier trough is the max. */
    @Test
    void aReturnToThePeakMovesItsTimeAndEqualFallsKeepTheEarliestTrough() {
        LivePortfolio portfolio = new LivePortfolio(BigDecimal.ONE);
        portfolio.accept(T1, "A", "a1", new BigDecimal("-3"), new BigDecimal("7"));  // −3, peak 0 (the start), fall 3
        portfolio.accept(T2, "A", "a1", new BigDecimal("3"), new BigDecimal("10"));  //  0, back at the peak
        portfolio.accept(T3, "A", "a1", new BigDecimal("-3"), new BigDecimal("7"));  // −3, fall 3 again: not a new max

        Drawdown drawdown = portfolio.maxDrawdown();
        assertThat(drawdown.amount()).isEqualByComparingTo("3");
        assertThat(drawdown.peakAt()).isNull(); // the peak of the first fall is the start, before any round
        assertThat(drawdown.troughAt()).isEqualTo(T1);
        assertThat(drawdown.percentOfPeak()).isEqualByComparingTo("30"); // 3 of the peak at the capital, 7 − (−3) = 10
    }

    /** A bot that reported no balance leaves the capital, and so the percentage, unknown; the fall is still known. */
    @Test
    void aBotWithoutABalanceLeavesThePercentageUnknown() {
        LivePortfolio portfolio = new LivePortfolio(BigDecimal.ONE);
        portfolio.accept(T1, "A", "a1", new BigDecimal("5"), new BigDecimal("105"));
        portfolio.accept(T2, "B", "b1", new BigDecimal("-2"), null);

        assertThat(portfolio.startingCapital()).isNull();
        Drawdown drawdown = portfolio.maxDrawdown();
        assertThat(drawdown.amount()).isEqualByComparingTo("2");
        assertThat(drawdown.percentOfPeak()).isNull();
        assertThat(drawdown.peakAt()).isEqualTo(T1);
        assertThat(drawdown.troughAt()).isEqualTo(T2);
        assertThat(portfolio.players()).isEqualTo(new LiveBots(2, 2, 0));
    }

    @Test
    void noRoundsNoFallNoCapitalNoPlayers() {
        LivePortfolio portfolio = new LivePortfolio(BigDecimal.ONE);

        assertThat(portfolio.startingCapital()).isNull();
        assertThat(portfolio.maxDrawdown()).isEqualTo(Drawdown.none(null));
        assertThat(portfolio.players()).isEqualTo(LiveBots.NONE);
    }
}
