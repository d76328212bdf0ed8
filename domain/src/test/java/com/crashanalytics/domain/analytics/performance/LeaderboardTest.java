package com.crashanalytics.domain.analytics.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class LeaderboardTest {

    /**
     * <pre>
     *  bot      rounds W  L  staked  P/L  gross win/loss  ROI %   win rate  profit factor
     *  alpha     2     2  0   20     +20   20 / 0         100     1         – (no losses)
     *  bravo    10     6  4  100     +20   40 / 20         20     0.6       2
     *  charlie   1     0  1   10     −10    0 / 10       −100     0         0
     *  delta     0     0  0    0       0    0 / 0           –     –         –
     *  echo      4     2  2   40     +20   30 / 10         50     0.5       3
     *  foxtrot   5     3  2   50      +5   15 / 10         10     0.6       1.5
     * </pre>
     */
    private static final List<Leaderboard.Entry> BOTS = List.of(
            entry("echo", 4, 2, 2, "40", "20", "30", "10"),
            entry("delta", 0, 0, 0, "0", "0", "0", "0"),
            entry("charlie", 1, 0, 1, "10", "-10", "0", "10"),
            entry("foxtrot", 5, 3, 2, "50", "5", "15", "10"),
            entry("bravo", 10, 6, 4, "100", "20", "40", "20"),
            entry("alpha", 2, 2, 0, "20", "20", "20", "0"));

    @Test
    void byTotalProfitLossTiesGoToTheBotId() {
        // alpha, bravo and echo all made 20
        assertThat(ranked(LeaderboardMetric.TOTAL_PROFIT_LOSS, 10))
                .containsExactly("1 alpha 20", "2 bravo 20", "3 echo 20", "4 foxtrot 5", "5 delta 0", "6 charlie -10");
    }

    @Test
    void byRoiBotsThatStakedNothingComeLast() {
        assertThat(ranked(LeaderboardMetric.ROI, 10)).containsExactly(
                "1 alpha 100.0000", "2 echo 50.0000", "3 bravo 20.0000", "4 foxtrot 10.0000", "5 charlie -100.0000",
                "6 delta null");
    }

    @Test
    void byWinRateTiesGoToTheHigherProfit() {
        // bravo and foxtrot both win 0.6; bravo made 20, foxtrot 5
        assertThat(ranked(LeaderboardMetric.WIN_RATE, 10)).containsExactly(
                "1 alpha 1.000000", "2 bravo 0.600000", "3 foxtrot 0.600000", "4 echo 0.500000", "5 charlie 0.000000",
                "6 delta null");
    }

    @Test
    void byProfitFactorBotsWithoutLossesComeLast() {
        // alpha's factor is undefined (no losses): it ranks after every defined factor, before delta on P/L
        assertThat(ranked(LeaderboardMetric.PROFIT_FACTOR, 10)).containsExactly(
                "1 echo 3.000000", "2 bravo 2.000000", "3 foxtrot 1.500000", "4 charlie 0.000000", "5 alpha null",
                "6 delta null");
    }

    @Test
    void onlyTheFirstFew() {
        assertThat(ranked(LeaderboardMetric.ROI, 2)).containsExactly("1 alpha 100.0000", "2 echo 50.0000");
        assertThat(ranked(LeaderboardMetric.ROI, 0)).isEmpty();
        assertThatThrownBy(() -> Leaderboard.rank(BOTS, LeaderboardMetric.ROI, -1))
                .isInstanceOf(InvalidInputException.class);
    }

    private static List<String> ranked(LeaderboardMetric metric, int first) {
        return Leaderboard.rank(BOTS, metric, first).stream()
                .map(p -> p.position() + " " + p.entry().botId() + " "
                        + (p.value() == null ? "null" : p.value().toPlainString()))
                .toList();
    }

    private static Leaderboard.Entry entry(String botId, long rounds, long wins, long losses, String staked,
                                           String profitLoss, String grossWin, String grossLoss) {
        return new Leaderboard.Entry(botId, new RoundTotals(rounds, wins, losses, rounds - wins - losses, 0,
                new BigDecimal(staked), new BigDecimal(profitLoss), new BigDecimal(grossWin), new BigDecimal(grossLoss),
                null, null));
    }
}
