package com.crashanalytics.api.insights;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.WritePath;
import com.crashanalytics.domain.analytics.ruin.RiskOfRuin;
import com.crashanalytics.domain.analytics.ruin.StakeChange;
import com.crashanalytics.domain.analytics.ruin.StakingRule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Risk of ruin end to end: bets logged over HTTP on aviator/dafabet (house edge 3%: RTP 0.97, so a 2x cash-out wins
 * with p = 0.485, q = 0.515), the staking rule read back from them, the probability worked out by hand.
 */
@GatewayIntegrationTest
class RiskOfRuinIT {

    static final String RISK = """
            query($botId: ID!, $rounds: Int, $simulations: Int, $seed: Long) {
              riskOfRuin(botId: $botId, rounds: $rounds, simulations: $simulations, seed: $seed) {
                balance returnToPlayer winProbability rounds probabilityOfRuin medianRoundsToRuin method simulations
                seed standardError
                stakingRule { family baseStake target observedBets afterWin { resets factor } afterLoss { resets factor } }
              }
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFixedStakeIsWorkedOutExactly() {
        GraphQlClient client = new GraphQlClient(port);
        // stake 1 at 2x: W +1 (5), L (4), L (3), W (4), L (3): balance 3, every next stake the base
        logBets(client, "ruin_fixed", "4.00", new String[][] {{"1.00", "WIN"}, {"1.00", "LOSS"}, {"1.00", "LOSS"},
                {"1.00", "WIN"}, {"1.00", "LOSS"}});

        // From 3 with stake 1 at 2x, bust at 0: within 5 bets q³ + 3·p·q⁴ = 0.238941832409375 (LLL, or one win
        // among the first four then losses to 0: WLLLL, LWLLL, LLWLL); within 3 bets q³ = 0.136590875.
        JsonNode five = ok(client.execute(RISK, Map.of("botId", "ruin_fixed", "rounds", 5))).data("riskOfRuin");
        assertThat(new BigDecimal(five.path("balance").asString())).isEqualByComparingTo("3");
        assertThat(new BigDecimal(five.path("returnToPlayer").asString())).isEqualByComparingTo("0.97");
        assertThat(five.path("winProbability").asDouble()).isCloseTo(0.485, within(1e-12));
        assertThat(five.path("probabilityOfRuin").asDouble()).isCloseTo(0.238941832409375, within(1e-12));
        assertThat(five.path("medianRoundsToRuin").isNull()).isTrue();
        assertThat(five.path("method").asString()).isEqualTo("EXACT");
        assertThat(five.path("simulations").isNull()).isTrue();
        assertThat(five.path("standardError").isNull()).isTrue();
        JsonNode rule = five.path("stakingRule");
        assertThat(rule.path("family").asString()).isEqualTo("FIXED");
        assertThat(new BigDecimal(rule.path("baseStake").asString())).isEqualByComparingTo("1");
        assertThat(new BigDecimal(rule.path("target").asString())).isEqualByComparingTo("2");
        assertThat(rule.path("observedBets").asInt()).isEqualTo(5);
        assertThat(rule.path("afterWin").path("resets").asBoolean()).isTrue();
        assertThat(rule.path("afterLoss").path("resets").asBoolean()).isTrue();

        JsonNode three = ok(client.execute(RISK, Map.of("botId", "ruin_fixed", "rounds", 3))).data("riskOfRuin");
        assertThat(three.path("probabilityOfRuin").asDouble()).isCloseTo(0.136590875, within(1e-12));
    }

    @Test
    void aMartingaleIsReadFromItsStakesAndSimulatedWithASeed() {
        GraphQlClient client = new GraphQlClient(port);
        // stakes doubling after each loss, back to 1 after each win: balance 10 → 9 → 7 → 11 → 12 → 11 → 13 → 12 →
        // 10 → 14 → 15. After losses 1→2, 2→4, 1→2, 1→2, 2→4 (× 2, no reset); after wins 4→1, 1→1, 2→1, 4→1 (resets).
        String[][] bets = {{"1", "LOSS"}, {"2", "LOSS"}, {"4", "WIN"}, {"1", "WIN"}, {"1", "LOSS"}, {"2", "WIN"},
                {"1", "LOSS"}, {"2", "LOSS"}, {"4", "WIN"}, {"1", "WIN"}};
        logBets(client, "ruin_martingale", "10.00", bets);

        // From 15, stakes 1, 2, 4, 8: after LLL the balance 8 still covers 8; LLLL leaves 0 against 16: bust at 4.
        // A win within the first three resets with the balance ≥ 15, which the bets left cannot exhaust: exactly q⁴.
        Map<String, Object> variables = Map.of("botId", "ruin_martingale", "rounds", 4, "simulations", 100_000,
                "seed", 7);
        JsonNode risk = ok(client.execute(RISK, variables)).data("riskOfRuin");
        JsonNode rule = risk.path("stakingRule");
        assertThat(rule.path("family").asString()).isEqualTo("MARTINGALE");
        assertThat(new BigDecimal(rule.path("baseStake").asString())).isEqualByComparingTo("1");
        assertThat(rule.path("observedBets").asInt()).isEqualTo(10);
        assertThat(rule.path("afterWin").path("resets").asBoolean()).isTrue();
        assertThat(rule.path("afterLoss").path("resets").asBoolean()).isFalse();
        assertThat(new BigDecimal(rule.path("afterLoss").path("factor").asString())).isEqualByComparingTo("2");
        assertThat(new BigDecimal(risk.path("balance").asString())).isEqualByComparingTo("15");
        assertThat(risk.path("method").asString()).isEqualTo("SIMULATION");
        assertThat(risk.path("simulations").asInt()).isEqualTo(100_000);
        assertThat(risk.path("seed").asLong()).isEqualTo(7);

        double exact = Math.pow(0.515, 4); // 0.070344300625
        double standardError = risk.path("standardError").asDouble();
        assertThat(standardError).isCloseTo(Math.sqrt(exact * (1 - exact) / 100_000), within(2e-4));
        assertThat(risk.path("probabilityOfRuin").asDouble()).isCloseTo(exact, within(4 * standardError));
        // seeded: the gateway's answer is the domain's for the same rule, balance, RTP and seed, to the last bit
        StakingRule martingale = new StakingRule(BigDecimal.ONE, new BigDecimal("2.00"), StakeChange.reset(),
                StakeChange.times(new BigDecimal("2")), 10);
        assertThat(risk.path("probabilityOfRuin").asDouble()).isEqualTo(
                RiskOfRuin.of(new BigDecimal("15"), martingale, new BigDecimal("0.97"), 4, 100_000, 7).probabilityOfRuin());
        assertThat(ok(client.execute(RISK, variables)).data("riskOfRuin")).isEqualTo(risk);
    }

    @Test
    void aBotWithoutBetsHasNoRiskToTell() {
        GraphQlClient client = new GraphQlClient(port);
        assertThat(ok(client.execute(RISK, Map.of("botId", "nobody"))).data("riskOfRuin").isNull()).isTrue();
    }

    @Test
    void aHorizonOutOfRangeIsRefusedNamingTheField() {
        GraphQlClient client = new GraphQlClient(port);
        refused(client.execute(RISK, Map.of("botId", "nobody", "rounds", 0)), "BAD_REQUEST", "rounds", "RANGE");
        refused(client.execute(RISK, Map.of("botId", "nobody", "simulations", 100_001)), "BAD_REQUEST", "simulations",
                "RANGE");
    }

    /** Registers the bot, starts a session with {@code balance} on aviator/dafabet and logs the (stake, outcome) bets. */
    private void logBets(GraphQlClient client, String botId, String balance, String[][] bets) {
        WritePath writePath = new WritePath(client, jdbc);
        writePath.registerBot(botId);
        writePath.configurePlatform("aviator", "dafabet");
        String sessionId = botId + "_s1";
        ok(client.execute(WritePath.START_SESSION, Map.of("input", Map.of("botId", botId, "sessionId", sessionId,
                "gameName", "aviator", "platformCode", "dafabet", "initialBalance", balance, "strategyName",
                "ruin_test"))));
        for (int i = 0; i < bets.length; i++) {
            ok(writePath.logRound(bet(botId, sessionId, i + 1, bets[i][1], bets[i][0], i)));
        }
    }

    /** A bet at target 2.00: a WIN cashes out at 2.00 (crash 3.00), a LOSS crashes at 1.50; one minute apart. */
    private static Map<String, Object> bet(String botId, String sessionId, int number, String outcome, String stake,
                                           int minute) {
        Map<String, Object> round = new HashMap<>(WritePath.round(number, outcome, stake,
                outcome.equals("WIN") ? "3.00" : "1.50", outcome.equals("WIN") ? "2.00" : null));
        round.put("botId", botId);
        round.put("sessionId", sessionId);
        round.put("targetMultiplier", "2.00");
        round.put("roundStartTimestamp", "2026-05-04T10:%02d:00Z".formatted(minute));
        return round;
    }
}
