package com.crashanalytics.api.analytics;

import static com.crashanalytics.api.testing.WritePath.START_SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Paper and live money kept apart, end to end over HTTP. Two bots play aviator on dafabet under the same strategy
 * (compound_1.33x) on 2026-11-20, their rounds interleaved:
 * <pre>
 *   time      bot         round                         P/L     LIVE curve  PAPER curve  both (ANY)
 *   10:00:00  live_bot    WIN  stake 10 at 2.00x        +10       10                       10
 *   10:00:30  paper_bot   WIN  stake 100 at 3.00x      +200                   200          210
 *   10:01:00  live_bot    LOSS stake 20                 -20      -10                      190
 *   10:01:30  paper_bot   LOSS stake 50                 -50                   150          140
 *   10:02:00  live_bot    WIN  stake 10 at 1.50x         +5       -5                      145
 * </pre>
 * LIVE: 3 rounds, 2 wins, staked 40, P/L -5, ROI -12.5%, max drawdown 20 (peak 10 to -10).
 * PAPER: 2 rounds, 1 win, staked 150, P/L +150, ROI 100%, max drawdown 50 (200 to 150).
 * ANY: 5 rounds, 3 wins, staked 190, P/L +145, max drawdown 70 (210 to 140).
 * From 10:00:45 on, LIVE holds live_bot's last two rounds: P/L -15.
 */
@GatewayIntegrationTest
class PaperAndLiveMoneyIT {

    static final String REGISTER = "mutation($input: RegisterBotInput!) { registerBot(input: $input) "
            + "{ registration bot { botId tradeType } } }";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyAggregateCountsLiveMoneyUnlessAskedAndEachFigureMatchesTheHandWorkedOnes() {
        GraphQlClient client = new GraphQlClient(port);
        WritePath writePath = fixture(client);

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
    void botsAndSessionsShowAndFilterByTradeType() {
        GraphQlClient client = new GraphQlClient(port);
        fixture(client);

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
        WritePath writePath = fixture(client);
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
        fixture(client);
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

    /** The fixture of the class comment. */
    private WritePath fixture(GraphQlClient client) {
        WritePath writePath = new WritePath(client, jdbc);
        writePath.configurePlatform("aviator", "dafabet");
        JsonNode live = ok(client.execute(REGISTER, Map.of("input", Map.of("botId", "live_bot",
                "strategyName", "compound_1.33x")))).data("registerBot.bot");
        JsonNode paper = ok(client.execute(REGISTER, Map.of("input", Map.of("botId", "paper_bot",
                "strategyName", "compound_1.33x", "tradeType", "PAPER")))).data("registerBot.bot");
        assertThat(live.path("tradeType").asString()).as("a bot that says nothing plays live money").isEqualTo("LIVE");
        assertThat(paper.path("tradeType").asString()).isEqualTo("PAPER");
        ok(startSession(client, "live_bot", "live_s1", null));
        ok(startSession(client, "paper_bot", "paper_s1", "PAPER"));
        ok(writePath.logRounds(List.of(
                at(round(1, "WIN", "10", "3.00", "2.00"), "live_bot", "live_s1", "10:00:00"),
                at(round(2, "LOSS", "20", "1.10", null), "live_bot", "live_s1", "10:01:00"),
                at(round(3, "WIN", "10", "2.00", "1.50"), "live_bot", "live_s1", "10:02:00"),
                at(round(1, "WIN", "100", "4.00", "3.00"), "paper_bot", "paper_s1", "10:00:30"),
                at(round(2, "LOSS", "50", "1.20", null), "paper_bot", "paper_s1", "10:01:30"))));
        return writePath;
    }

    private static Map<String, Object> at(Map<String, Object> round, String botId, String sessionId, String time) {
        return with(round, "botId", botId, "sessionId", sessionId,
                "roundStartTimestamp", "2026-11-20T" + time + "Z");
    }

    private static GraphQlResponse startSession(GraphQlClient client, String botId, String sessionId,
                                                String tradeType) {
        Map<String, Object> input = new HashMap<>(Map.of("botId", botId, "sessionId", sessionId,
                "gameName", "aviator", "platformCode", "dafabet", "initialBalance", "1000",
                "startTime", "2026-11-20T09:00:00Z"));
        if (tradeType != null) {
            input.put("tradeType", tradeType);
        }
        return client.execute(START_SESSION, Map.of("input", input));
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
