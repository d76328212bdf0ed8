package com.crashanalytics.api.analytics;

import static com.crashanalytics.api.testing.PaperAndLiveFleet.REGISTER;
import static com.crashanalytics.api.testing.PaperAndLiveFleet.startSession;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.PaperAndLiveFleet;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Paper and live money kept apart, end to end over HTTP, on the hand-worked {@link PaperAndLiveFleet}: every aggregate
 * over several bots counts LIVE bots unless asked for PAPER or ANY, and each figure is the one worked out by hand for
 * each of the three.
 */
@GatewayIntegrationTest
class PaperAndLiveMoneyIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyAggregateCountsLiveMoneyUnlessAskedAndEachFigureMatchesTheHandWorkedOnes() {
        GraphQlClient client = new GraphQlClient(port);
        WritePath writePath = PaperAndLiveFleet.log(client, jdbc);

        GraphQlResponse answer = ok(client.execute("""
                {
                  live: gameStatistics(game: "aviator") { rounds wins totalStaked totalProfitLoss roiPercent }
                  liveOrdered: gameStatistics(game: "aviator", tradeType: LIVE) { totalProfitLoss maxDrawdown { amount } }
                  paper: gameStatistics(game: "aviator", tradeType: PAPER) {
                    rounds wins totalStaked totalProfitLoss roiPercent maxDrawdown { amount } }
                  both: gameStatistics(game: "aviator", tradeType: ANY) {
                    rounds wins totalStaked totalProfitLoss maxDrawdown { amount } }
                  leaderboard { botId totalProfitLoss }
                  paperBoard: leaderboard(tradeType: PAPER) { botId totalProfitLoss }
                  bothBoard: leaderboard(tradeType: ANY) { position botId totalProfitLoss }
                  lateBoard: leaderboard(window: {from: "2026-11-20T10:00:45Z"}) { botId totalProfitLoss }
                  strategies { name performance { rounds totalProfitLoss } }
                  paperStrategies: strategies(tradeType: PAPER) {
                    name
                    performance { totalProfitLoss maxDrawdown { amount } }
                    both: performance(tradeType: ANY) { totalProfitLoss }
                  }
                  strategy(name: "compound_1.33x") {
                    performance { rounds totalProfitLoss }
                    paper: performance(tradeType: PAPER) { rounds totalProfitLoss }
                  }
                }"""));

        assertFigures(answer.data("live"), 3, 2, "40", "-5");
        assertThat(answer.data("live").path("roiPercent").decimalValue()).isEqualByComparingTo("-12.5");
        assertThat(answer.data("liveOrdered").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("-5");
        assertThat(answer.data("liveOrdered").path("maxDrawdown").path("amount").decimalValue())
                .isEqualByComparingTo("20");
        assertFigures(answer.data("paper"), 2, 1, "150", "150");
        assertThat(answer.data("paper").path("roiPercent").decimalValue()).isEqualByComparingTo("100");
        assertThat(answer.data("paper").path("maxDrawdown").path("amount").decimalValue()).isEqualByComparingTo("50");
        assertFigures(answer.data("both"), 5, 3, "190", "145");
        assertThat(answer.data("both").path("maxDrawdown").path("amount").decimalValue()).isEqualByComparingTo("70");

        assertBoard(answer.data("leaderboard"), "live_bot", "-5");
        assertBoard(answer.data("paperBoard"), "paper_bot", "150");
        assertBoard(answer.data("bothBoard"), "paper_bot", "150", "live_bot", "-5");
        assertBoard(answer.data("lateBoard"), "live_bot", "-15");

        JsonNode strategies = answer.data("strategies");
        assertThat(strategies).hasSize(1);
        assertThat(strategies.get(0).path("performance").path("rounds").asInt()).isEqualTo(3);
        assertThat(strategies.get(0).path("performance").path("totalProfitLoss").decimalValue())
                .isEqualByComparingTo("-5");
        JsonNode paperStrategy = answer.data("paperStrategies").get(0);
        assertThat(paperStrategy.path("performance").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("150");
        assertThat(paperStrategy.path("performance").path("maxDrawdown").path("amount").decimalValue())
                .isEqualByComparingTo("50");
        assertThat(paperStrategy.path("both").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("145");
        assertThat(answer.data("strategy").path("performance").path("rounds").asInt()).isEqualTo(3);
        assertThat(answer.data("strategy").path("performance").path("totalProfitLoss").decimalValue())
                .isEqualByComparingTo("-5");
        assertThat(answer.data("strategy").path("paper").path("rounds").asInt()).isEqualTo(2);
        assertThat(answer.data("strategy").path("paper").path("totalProfitLoss").decimalValue())
                .isEqualByComparingTo("150");

        // A bot's own figures are of its one kind of money: the paper bot's statistics are its paper rounds.
        JsonNode paperBot = ok(client.execute("""
                { bot(botId: "paper_bot") { tradeType statistics { rounds totalProfitLoss } } }""")).data("bot");
        assertThat(paperBot.path("tradeType").asString()).isEqualTo("PAPER");
        assertThat(paperBot.path("statistics").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("150");
        assertThat(writePath.count("crash_game_rounds")).isEqualTo(5);
    }

    @Test
    void timeSeriesSignalsLuckAndReplayCountLiveMoneyUnlessAsked() {
        GraphQlClient client = new GraphQlClient(port);
        PaperAndLiveFleet.log(client, jdbc);

        GraphQlResponse answer = ok(client.execute("""
                query($window: TimeWindow!, $replay: StrategyReplayInput!, $paperReplay: StrategyReplayInput!) {
                  live: timeSeries(window: $window) { rounds profitLoss }
                  paper: timeSeries(window: $window, filter: {tradeType: PAPER}) { rounds profitLoss }
                  both: timeSeries(window: $window, filter: {tradeType: ANY}) { rounds profitLoss }
                  liveSignals: signalEffectiveness { signalType overall { signals hits } }
                  paperSignals: signalEffectiveness(tradeType: PAPER) { overall { signals } }
                  bothSignals: signalEffectiveness(tradeType: ANY) { overall { signals hits } }
                  liveLuck: luckOrEdge(strategy: "compound_1.33x") { bets }
                  paperLuck: luckOrEdge(strategy: "compound_1.33x", tradeType: PAPER) { bets }
                  bothLuck: luckOrEdge(strategy: "compound_1.33x", tradeType: ANY) { bets }
                  paperBotLuck: luckOrEdge(botId: "paper_bot") { bets }
                  liveReplay: strategyReplay(input: $replay) { live { bots sessions rounds profitLoss } }
                  paperReplay: strategyReplay(input: $paperReplay) { live { bots sessions rounds profitLoss } }
                }""", Map.of("window", Map.of("from", "2026-11-20T10:00:00Z", "to", "2026-11-20T11:00:00Z"),
                "replay", replay(null), "paperReplay", replay("PAPER"))));

        assertPoint(answer.data("live"), 3, "-5");
        assertPoint(answer.data("paper"), 2, "150");
        assertPoint(answer.data("both"), 5, "145");
        assertThat(answer.data("liveSignals")).hasSize(1);
        assertThat(answer.data("liveSignals").get(0).path("signalType").asString()).isEqualTo("ml");
        assertThat(answer.data("liveSignals").get(0).path("overall").path("signals").asInt()).isEqualTo(1);
        assertThat(answer.data("paperSignals").get(0).path("overall").path("signals").asInt()).isEqualTo(1);
        assertThat(answer.data("bothSignals").get(0).path("overall").path("signals").asInt()).isEqualTo(2);
        assertThat(answer.data("bothSignals").get(0).path("overall").path("hits").asInt()).isEqualTo(2);
        assertThat(answer.data("liveLuck").path("bets").asLong()).isEqualTo(3);
        assertThat(answer.data("paperLuck").path("bets").asLong()).isEqualTo(2);
        assertThat(answer.data("bothLuck").path("bets").asLong()).isEqualTo(5);
        assertThat(answer.data("paperBotLuck").path("bets").asLong()).as("a bot's own rounds").isEqualTo(2);
        JsonNode live = answer.data("liveReplay").path("live");
        assertThat(live.path("bots").asInt()).isEqualTo(1);
        assertThat(live.path("sessions").asInt()).isEqualTo(1);
        assertThat(live.path("rounds").asLong()).isEqualTo(3);
        assertThat(live.path("profitLoss").decimalValue()).isEqualByComparingTo("-5");
        JsonNode paper = answer.data("paperReplay").path("live");
        assertThat(paper.path("rounds").asLong()).isEqualTo(2);
        assertThat(paper.path("profitLoss").decimalValue()).isEqualByComparingTo("150");
    }

    @Test
    void paperMoneyInAnotherCurrencyDoesNotStopTheLiveLeaderboard() {
        GraphQlClient client = new GraphQlClient(port);
        WritePath writePath = PaperAndLiveFleet.log(client, jdbc);
        ok(client.execute(WritePath.CONFIGURE_PLATFORM, Map.of("input",
                Map.of("gameName", "aviator", "platformCode", "rupee_casino", "currency", "INR"))));
        ok(client.execute(REGISTER, Map.of("input", Map.of("botId", "inr_paper_bot", "tradeType", "PAPER"))));
        ok(client.execute(WritePath.START_SESSION, Map.of("input", Map.of("botId", "inr_paper_bot",
                "sessionId", "inr_paper_s1", "gameName", "aviator", "platformCode", "rupee_casino",
                "initialBalance", "100000"))));
        ok(writePath.logRound(WritePath.with(WritePath.round(1, "WIN", "5000", "3.00", "2.00"),
                "botId", "inr_paper_bot", "sessionId", "inr_paper_s1")));

        JsonNode live = ok(client.execute("{ leaderboard { botId totalProfitLoss currency } }")).data("leaderboard");
        assertBoard(live, "live_bot", "-5");
        assertThat(live.get(0).path("currency").asString()).isEqualTo("USD");
        refused(client.execute("{ leaderboard(tradeType: ANY) { botId } }"), "BAD_REQUEST", "currency", "ONE_CURRENCY");
        assertBoard(ok(client.execute("{ leaderboard(tradeType: PAPER, currency: \"INR\") { botId totalProfitLoss } }"))
                .data("leaderboard"), "inr_paper_bot", "5000");
    }

    @Test
    void botsAndSessionsShowAndFilterByTradeType() {
        GraphQlClient client = new GraphQlClient(port);
        PaperAndLiveFleet.log(client, jdbc);

        GraphQlResponse answer = ok(client.execute("""
                {
                  bots { edges { node { botId tradeType } } }
                  paperBots: bots(filter: {tradeType: PAPER}) { edges { node { botId } } }
                  liveSessions: sessions(filter: {tradeType: LIVE}) { edges { node { sessionId tradeType bot { tradeType } } } }
                  paperSessions: sessions(filter: {tradeType: PAPER}) { edges { node { sessionId tradeType } } }
                }"""));

        assertThat(answer.data("bots.edges")).extracting(edge -> edge.path("node").path("botId").asString() + ":"
                + edge.path("node").path("tradeType").asString()).containsExactly("live_bot:LIVE", "paper_bot:PAPER");
        assertThat(answer.data("paperBots.edges")).extracting(edge -> edge.path("node").path("botId").asString())
                .containsExactly("paper_bot");
        assertThat(answer.data("liveSessions.edges")).extracting(edge -> edge.path("node").path("sessionId").asString()
                + ":" + edge.path("node").path("tradeType").asString() + ":"
                + edge.path("node").path("bot").path("tradeType").asString())
                .containsExactly("live_s1:LIVE:LIVE");
        assertThat(answer.data("paperSessions.edges")).extracting(edge -> edge.path("node").path("sessionId").asString()
                + ":" + edge.path("node").path("tradeType").asString()).containsExactly("paper_s1:PAPER");
    }

    @Test
    void aSessionOfTheOtherKindOfMoneyThanItsBotIsRefusedAndNothingIsWritten() {
        GraphQlClient client = new GraphQlClient(port);
        WritePath writePath = PaperAndLiveFleet.log(client, jdbc);
        int sessionsBefore = writePath.count("session_logs");

        refused(startSession(client, "paper_bot", "paper_goes_live", "LIVE"), "BAD_REQUEST", "input.tradeType",
                "SAME_AS_BOT");
        refused(startSession(client, "live_bot", "live_plays_paper", "PAPER"), "BAD_REQUEST", "input.tradeType",
                "SAME_AS_BOT");
        // a retry of a started session stating the wrong kind is refused too, not answered as a duplicate
        refused(startSession(client, "paper_bot", "paper_s1", "LIVE"), "BAD_REQUEST", "input.tradeType",
                "SAME_AS_BOT");
        assertThat(writePath.count("session_logs")).isEqualTo(sessionsBefore);

        // restating the bot's own trade type is fine, and a retry that restates it is the same start
        JsonNode restated = ok(startSession(client, "paper_bot", "paper_s2", "PAPER")).data("startSession");
        assertThat(restated.path("duplicate").asBoolean()).isFalse();
        assertThat(ok(startSession(client, "paper_bot", "paper_s2", null)).data("startSession.duplicate")
                .asBoolean()).isTrue();
    }

    @Test
    void aBotKeepsItsTradeTypeWhenReRegisteredWithoutOneAndCannotChangeItOnceItPlayed() {
        GraphQlClient client = new GraphQlClient(port);
        PaperAndLiveFleet.log(client, jdbc);
        ok(client.execute(REGISTER, Map.of("input", Map.of("botId", "fresh_bot", "tradeType", "PAPER"))));

        JsonNode unchanged = ok(client.execute(REGISTER, Map.of("input", Map.of("botId", "paper_bot",
                "strategyName", "compound_1.33x")))).data("registerBot");
        assertThat(unchanged.path("registration").asString()).isEqualTo("UNCHANGED");
        assertThat(unchanged.path("bot").path("tradeType").asString()).isEqualTo("PAPER");

        // not played yet: it may still go live
        JsonNode wentLive = ok(client.execute(REGISTER, Map.of("input", Map.of("botId", "fresh_bot",
                "tradeType", "LIVE")))).data("registerBot");
        assertThat(wentLive.path("registration").asString()).isEqualTo("UPDATED");
        assertThat(wentLive.path("bot").path("tradeType").asString()).isEqualTo("LIVE");

        refused(client.execute(REGISTER, Map.of("input", Map.of("botId", "paper_bot", "strategyName",
                "compound_1.33x", "tradeType", "LIVE"))), "CONFLICT", "input.tradeType", "CONFLICT");
        assertThat(jdbc.queryForObject("SELECT trade_type FROM bot_vm_registration WHERE bot_id = 'paper_bot'",
                String.class)).isEqualTo("PAPER");
    }

    /** A flat 2x replay of the game, compared with the bots that ran the fixture's strategy. */
    private static Map<String, Object> replay(String liveTradeType) {
        Map<String, Object> input = new HashMap<>(Map.of("game", "aviator", "platform", "dafabet",
                "system", "FIXED_TARGET", "baseStake", "10", "target", "2", "initialBalance", "1000",
                "liveStrategy", PaperAndLiveFleet.STRATEGY));
        if (liveTradeType != null) {
            input.put("liveTradeType", liveTradeType);
        }
        return input;
    }

    /** The time series holds one hourly point with these rounds and P/L. */
    private static void assertPoint(JsonNode series, int rounds, String profitLoss) {
        assertThat(series).hasSize(1);
        assertThat(series.get(0).path("rounds").asInt()).isEqualTo(rounds);
        assertThat(series.get(0).path("profitLoss").decimalValue()).isEqualByComparingTo(profitLoss);
    }

    private static void assertFigures(JsonNode stats, int rounds, int wins, String staked, String profitLoss) {
        assertThat(stats.path("rounds").asInt()).isEqualTo(rounds);
        assertThat(stats.path("wins").asInt()).isEqualTo(wins);
        assertThat(stats.path("totalStaked").decimalValue()).isEqualByComparingTo(staked);
        assertThat(stats.path("totalProfitLoss").decimalValue()).isEqualByComparingTo(profitLoss);
    }

    /** The board holds exactly these bots, in this order, with these P/L: botId, P/L, botId, P/L, ... */
    private static void assertBoard(JsonNode board, String... botsAndProfitLoss) {
        assertThat(board).hasSize(botsAndProfitLoss.length / 2);
        for (int i = 0; i < botsAndProfitLoss.length; i += 2) {
            assertThat(board.get(i / 2).path("botId").asString()).isEqualTo(botsAndProfitLoss[i]);
            assertThat(board.get(i / 2).path("totalProfitLoss").decimalValue())
                    .isEqualByComparingTo(botsAndProfitLoss[i + 1]);
        }
    }
}
