package com.crashanalytics.api.testing;

import static com.crashanalytics.api.testing.WritePath.START_SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A LIVE bot and a PAPER bot on the same game, worked out by hand. Both play aviator on dafabet under the same strategy
 * (compound_1.33x) on 2026-11-20, their rounds interleaved; each bot's first round carries one "ml" signal predicting
 * 2x at confidence 0.8 (both rounds reached it):
 * <pre>
 *   time      bot         round                         P/L     LIVE curve  PAPER curve  both (ANY)
 *   10:00:00  live_bot    WIN  stake 10 at 2.00x        +10       10                       10
 *   10:00:30  paper_bot   WIN  stake 100 at 3.00x      +200                   200          210
 *   10:01:00  live_bot    LOSS stake 20                 -20      -10                      190
 *   10:01:30  paper_bot   LOSS stake 50                 -50                   150          140
 *   10:02:00  live_bot    WIN  stake 10 at 1.50x         +5       -5                      145
 * </pre>
 * LIVE: 3 rounds (bets), 2 wins, staked 40, P/L -5, ROI -12.5%, max drawdown 20 (peak 10 to -10).
 * PAPER: 2 rounds, 1 win, staked 150, P/L +150, ROI 100%, max drawdown 50 (200 to 150).
 * ANY: 5 rounds, 3 wins, staked 190, P/L +145, max drawdown 70 (210 to 140).
 * From 10:00:45 on, LIVE holds live_bot's last two rounds: P/L -15.
 */
public final class PaperAndLiveFleet {

    public static final String REGISTER = "mutation($input: RegisterBotInput!) { registerBot(input: $input) "
            + "{ registration bot { botId tradeType } } }";
    public static final String LIVE_BOT = "live_bot";
    public static final String PAPER_BOT = "paper_bot";
    public static final String STRATEGY = "compound_1.33x";

    private PaperAndLiveFleet() {
    }

    /** Registers the two bots, starts their sessions (live_s1, paper_s1) and logs the rounds of the class comment. */
    public static WritePath log(GraphQlClient client, JdbcTemplate jdbc) {
        WritePath writePath = new WritePath(client, jdbc);
        writePath.configurePlatform("aviator", "dafabet");
        JsonNode live = ok(client.execute(REGISTER, Map.of("input", Map.of("botId", LIVE_BOT,
                "strategyName", STRATEGY)))).data("registerBot.bot");
        JsonNode paper = ok(client.execute(REGISTER, Map.of("input", Map.of("botId", PAPER_BOT,
                "strategyName", STRATEGY, "tradeType", "PAPER")))).data("registerBot.bot");
        assertThat(live.path("tradeType").asString()).as("a bot that says nothing plays live money").isEqualTo("LIVE");
        assertThat(paper.path("tradeType").asString()).isEqualTo("PAPER");
        ok(startSession(client, LIVE_BOT, "live_s1", null));
        ok(startSession(client, PAPER_BOT, "paper_s1", "PAPER"));
        Map<String, Object> signal = Map.of("signalType", "ml", "confidenceScore", 0.8, "predictedMultiplier", "2.00");
        ok(writePath.logRounds(List.of(
                with(at(round(1, "WIN", "10", "3.00", "2.00"), LIVE_BOT, "live_s1", "10:00:00"),
                        "signals", List.of(signal)),
                at(round(2, "LOSS", "20", "1.10", null), LIVE_BOT, "live_s1", "10:01:00"),
                at(round(3, "WIN", "10", "2.00", "1.50"), LIVE_BOT, "live_s1", "10:02:00"),
                with(at(round(1, "WIN", "100", "4.00", "3.00"), PAPER_BOT, "paper_s1", "10:00:30"),
                        "signals", List.of(signal)),
                at(round(2, "LOSS", "50", "1.20", null), PAPER_BOT, "paper_s1", "10:01:30"))));
        return writePath;
    }

    /** startSession on aviator/dafabet at 09:00 that day with 1000, stating {@code tradeType} when not null. */
    public static GraphQlResponse startSession(GraphQlClient client, String botId, String sessionId,
                                               @Nullable String tradeType) {
        Map<String, Object> input = new HashMap<>(Map.of("botId", botId, "sessionId", sessionId,
                "gameName", "aviator", "platformCode", "dafabet", "initialBalance", "1000",
                "startTime", "2026-11-20T09:00:00Z"));
        if (tradeType != null) {
            input.put("tradeType", tradeType);
        }
        return client.execute(START_SESSION, Map.of("input", input));
    }

    private static Map<String, Object> at(Map<String, Object> round, String botId, String sessionId, String time) {
        return with(round, "botId", botId, "sessionId", sessionId,
                "roundStartTimestamp", "2026-11-20T" + time + "Z");
    }
}
