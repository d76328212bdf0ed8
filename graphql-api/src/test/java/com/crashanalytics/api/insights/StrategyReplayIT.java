package com.crashanalytics.api.insights;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Strategy replay end to end over HTTP: a bot plays a doubling martingale capped at 3 (base 1, target 2.00, from 100)
 * over 10 game rounds of aviator/dafabet, a second bot watches two of the same game rounds (counted once), and the
 * replay of the same rule over the recorded crash points answers what the bot achieved, figure for figure.
 */
@GatewayIntegrationTest
class StrategyReplayIT {

    static final String REPLAY = """
            query($input: StrategyReplayInput!) {
              strategyReplay(input: $input) {
                game platform system
                parameters { baseStake target factor maxSteps winsToBank unit }
                replayed { crashPoints rounds wins losses totalStaked profitLoss initialBalance finalBalance roiPercent
                           largestStake maxDrawdown maxDrawdownPercent ruined ruinedAt }
                live { strategy bots sessions bustSessions rounds wins losses totalStaked profitLoss roiPercent
                       maxDrawdown maxDrawdownPercent }
              }
            }
            """;
    static final String STRATEGY = "martingale_2x_cap3";
    /** Crash points of game rounds g1..g10, one a minute from 10:00. */
    static final String[] CRASHES = {"1.50", "1.20", "3.00", "1.10", "1.00", "1.30", "1.90", "2.00", "5.00", "1.05"};
    /** The stakes a doubling martingale capped at 3 places over them from step 0 (see ReplayedRunTest). */
    static final String[] STAKES = {"1", "2", "4", "1", "2", "4", "8", "1", "1", "1"};
    /** The balance the bot reports after each round, from 100. */
    static final String[] BALANCES = {"99", "97", "101", "100", "98", "94", "86", "87", "88", "87"};

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;

    @BeforeEach
    void tenRoundsOfAMartingaleAndAWatcher() {
        client = new GraphQlClient(port);
        WritePath writePath = new WritePath(client, jdbc);
        writePath.registerBot(WritePath.BOT);
        writePath.registerBot("watcher_bot");
        writePath.configurePlatform("aviator", "dafabet");
        ok(client.execute(WritePath.START_SESSION, Map.of("input", Map.of("botId", WritePath.BOT,
                "sessionId", WritePath.SESSION, "gameName", "aviator", "platformCode", "dafabet",
                "strategyName", STRATEGY, "initialBalance", "100"))));
        ok(client.execute(WritePath.START_SESSION, Map.of("input", Map.of("botId", "watcher_bot",
                "sessionId", "watcher_session", "gameName", "aviator", "platformCode", "dafabet",
                "strategyName", "observer", "initialBalance", "100"))));
        for (int i = 0; i < CRASHES.length; i++) {
            boolean won = new BigDecimal(CRASHES[i]).compareTo(new BigDecimal("2.00")) >= 0;
            ok(writePath.logRound(with(round(i + 1, won ? "WIN" : "LOSS", STAKES[i], CRASHES[i], won ? "2.00" : null),
                    "targetMultiplier", "2.00", "roundExternalId", "g" + (i + 1), "runningBalanceAfter", BALANCES[i],
                    "roundStartTimestamp", "2026-03-02T10:%02d:00Z".formatted(i))));
        }
        // The watcher skipped g3 and g5 but logged their crash points: the same game rounds, not new ones.
        for (int i : new int[] {2, 4}) {
            ok(writePath.logRound(with(round(i + 1, "SKIP", null, CRASHES[i], null), "botId", "watcher_bot",
                    "sessionId", "watcher_session", "roundExternalId", "g" + (i + 1),
                    "roundStartTimestamp", "2026-03-02T10:%02d:30Z".formatted(i))));
        }
    }

    @Test
    void theReplayOfTheRuleTheBotPlayedAnswersWhatTheBotAchieved() {
        JsonNode replay = ok(client.execute(REPLAY, Map.of("input", input("MARTINGALE", "1", "2.00", "100",
                "maxSteps", 3, "liveStrategy", STRATEGY)))).data("strategyReplay");

        assertThat(replay.path("system").asString()).isEqualTo("MARTINGALE");
        // The defaults filled in: doubling; winsToBank and unit belong to other systems.
        assertThat(replay.path("parameters").path("factor").decimalValue()).isEqualByComparingTo("2");
        assertThat(replay.path("parameters").path("maxSteps").asInt()).isEqualTo(3);
        assertThat(replay.path("parameters").path("winsToBank").isNull()).isTrue();
        // By hand (ReplayedRunTest): staked 25, P/L −13 (100 → 87), 3 wins, 7 losses, ROI −52%, peak 101 after g3,
        // trough 86 after g7: drawdown 15 = 14.8515% of 101; largest stake 8; not ruined.
        JsonNode replayed = replay.path("replayed");
        assertThat(replayed.path("crashPoints").asInt()).isEqualTo(10);
        assertThat(replayed.path("rounds").asInt()).isEqualTo(10);
        assertThat(replayed.path("wins").asInt()).isEqualTo(3);
        assertThat(replayed.path("losses").asInt()).isEqualTo(7);
        assertThat(replayed.path("totalStaked").decimalValue()).isEqualByComparingTo("25");
        assertThat(replayed.path("profitLoss").decimalValue()).isEqualByComparingTo("-13");
        assertThat(replayed.path("finalBalance").decimalValue()).isEqualByComparingTo("87");
        assertThat(replayed.path("roiPercent").decimalValue()).isEqualByComparingTo("-52");
        assertThat(replayed.path("largestStake").decimalValue()).isEqualByComparingTo("8");
        assertThat(replayed.path("maxDrawdown").decimalValue()).isEqualByComparingTo("15");
        assertThat(replayed.path("maxDrawdownPercent").decimalValue()).isEqualByComparingTo("14.8515");
        assertThat(replayed.path("ruined").asBoolean()).isFalse();
        assertThat(replayed.path("ruinedAt").isNull()).isTrue();
        // The bot that played the rule live: the same money, the same drawdown of its session's equity (100 → 101 → 86).
        JsonNode live = replay.path("live");
        assertThat(live.path("strategy").asString()).isEqualTo(STRATEGY);
        assertThat(live.path("bots").asInt()).isEqualTo(1);
        assertThat(live.path("sessions").asInt()).isEqualTo(1);
        assertThat(live.path("bustSessions").asInt()).isZero();
        assertThat(live.path("rounds").asLong()).isEqualTo(10);
        assertThat(live.path("wins").asLong()).isEqualTo(3);
        assertThat(live.path("losses").asLong()).isEqualTo(7);
        assertThat(live.path("totalStaked").decimalValue()).isEqualByComparingTo("25");
        assertThat(live.path("profitLoss").decimalValue()).isEqualByComparingTo("-13");
        assertThat(live.path("roiPercent").decimalValue()).isEqualByComparingTo("-52");
        assertThat(live.path("maxDrawdown").decimalValue()).isEqualByComparingTo("15");
        assertThat(live.path("maxDrawdownPercent").decimalValue()).isEqualByComparingTo("14.8515");
    }

    @Test
    void aParoliFromASmallBankrollIsRuinedInsideTheWindow() {
        // 10:02–10:06 holds g3..g6 (3.00, 1.10, 1.00, 1.30). Paroli base 1 at 2.00 from 2: W +1 → 3 (next 2),
        // L −2 → 1 (next 1), L −1 → 0 < 1: ruined after g5 (10:04), 3 rounds, staked 4, drawdown 3 of 3 = 100%.
        JsonNode replayed = ok(client.execute(REPLAY, Map.of("input", input("PAROLI", "1", "2.00", "2",
                "window", Map.of("from", "2026-03-02T10:02:00Z", "to", "2026-03-02T10:06:00Z")))))
                .data("strategyReplay.replayed");

        assertThat(replayed.path("crashPoints").asInt()).isEqualTo(4);
        assertThat(replayed.path("rounds").asInt()).isEqualTo(3);
        assertThat(replayed.path("totalStaked").decimalValue()).isEqualByComparingTo("4");
        assertThat(replayed.path("profitLoss").decimalValue()).isEqualByComparingTo("-2");
        assertThat(replayed.path("maxDrawdownPercent").decimalValue()).isEqualByComparingTo("100");
        assertThat(replayed.path("ruined").asBoolean()).isTrue();
        assertThat(replayed.path("ruinedAt").asString()).isEqualTo("2026-03-02T10:04:00Z");
    }

    @Test
    void aStrategyNoBotRanComparesWithNothingPlayed() {
        JsonNode live = ok(client.execute(REPLAY, Map.of("input", input("FIXED_TARGET", "1", "2.00", "100",
                "liveStrategy", "nobody_plays_this")))).data("strategyReplay.live");

        assertThat(live.path("bots").asInt()).isZero();
        assertThat(live.path("rounds").asLong()).isZero();
        assertThat(live.path("profitLoss").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void badParametersAreRefusedNamingTheFieldAndTheRule() {
        refused(client.execute(REPLAY, Map.of("input", input("MARTINGALE", "0", "2.00", "100"))),
                "BAD_REQUEST", "input.baseStake", "POSITIVE");
        refused(client.execute(REPLAY, Map.of("input", input("MARTINGALE", "1", "1.00", "100"))),
                "BAD_REQUEST", "input.target", "MIN_TARGET");
        refused(client.execute(REPLAY, Map.of("input", input("MARTINGALE", "10", "2.00", "5"))),
                "BAD_REQUEST", "input.initialBalance", "COVERS_BASE_STAKE");
        refused(client.execute(REPLAY, Map.of("input", input("MARTINGALE", "1", "2.00", "100", "factor", "1"))),
                "BAD_REQUEST", "input.factor", "ABOVE_ONE");
        refused(client.execute(REPLAY, Map.of("input", input("PAROLI", "1", "2.00", "100", "winsToBank", 0))),
                "BAD_REQUEST", "input.winsToBank", "RANGE");
        refused(client.execute(REPLAY, Map.of("input", input("FIXED_TARGET", "0.000000001", "2.00", "100"))),
                "BAD_REQUEST", "input.baseStake", "PRECISION");
        refused(client.execute(REPLAY, Map.of("input", with(input("FIXED_TARGET", "1", "2.00", "100"),
                "platform", "nowhere"))), "NOT_FOUND", "input.platform", "MUST_EXIST");
    }

    private static Map<String, Object> input(String system, String baseStake, String target, String initialBalance,
                                             Object... more) {
        Map<String, Object> input = new HashMap<>(Map.of("game", "aviator", "platform", "dafabet", "system", system,
                "baseStake", baseStake, "target", target, "initialBalance", initialBalance));
        for (int i = 0; i < more.length; i += 2) {
            input.put((String) more[i], more[i + 1]);
        }
        return input;
    }
}
