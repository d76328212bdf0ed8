package com.crashanalytics.api.insights;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
 * Platform integrity end to end over HTTP on aviator/dafabet (RTP 0.97; target 2: p0 = 0.485). Thirteen game rounds
 * over three days: 2 of 4 reach 2x on 1 March, none of 6 on 2 March (the payout fell), 3 of 3 on 3 March. A second bot
 * watched three of the 2 March rounds: one reading agrees, two differ (by 0.45 and 0.09).
 * <p>
 * Shift 0.5: p↓ = 0.2425, p↑ = 0.7275. Fell adds ln(0.5) = −0.693147 per hit and ln(0.7575/0.515) = +0.385857 per
 * miss; rose adds ln(1.5) = +0.405465 per hit and ln(0.2725/0.515) = −0.636528 per miss.
 */
@GatewayIntegrationTest
class PlatformIntegrityIT {

    static final String INTEGRITY = """
            query($game: String!, $platform: String!, $window: TimeWindow, $shift: Float, $threshold: Float,
                  $tolerance: BigDecimal, $target: BigDecimal) {
              platformIntegrity(game: $game, platform: $platform, window: $window, shift: $shift, threshold: $threshold,
                                tolerance: $tolerance, target: $target) {
                game platform
                payout { target returnToPlayer hitProbability shift threshold flaggedOn direction
                         days { day rounds hits expectedHits fellStatistic roseStatistic } }
                ocrAgreement { tolerance watchedRounds agreeingRounds agreementShare
                               largestDisagreements { roundExternalId startedAt observations lowestReading
                                                      highestReading spread readings { botId crashMultiplier } } }
              }
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;

    @BeforeEach
    void thirteenGameRoundsOverThreeDays() {
        client = new GraphQlClient(port);
        WritePath writePath = new WritePath(client, jdbc).activeSession();
        writePath.registerBot("watcher_bot");
        ok(client.execute(WritePath.START_SESSION, Map.of("input", Map.of("botId", "watcher_bot",
                "sessionId", "watcher_session", "gameName", "aviator", "platformCode", "dafabet",
                "initialBalance", "100"))));
        String[][] rounds = {
                {"g1", "2026-03-01T10:00:00Z", "2.50"}, {"g2", "2026-03-01T10:01:00Z", "1.10"},
                {"g3", "2026-03-01T10:02:00Z", "2.00"}, {"g4", "2026-03-01T10:03:00Z", "1.99"},
                {"g5", "2026-03-02T10:00:00Z", "1.05"}, {"g6", "2026-03-02T10:01:00Z", "1.30"},
                {"g7", "2026-03-02T10:02:00Z", "1.21"}, {"g8", "2026-03-02T10:03:00Z", "1.00"},
                {"g9", "2026-03-02T10:04:00Z", "1.80"}, {"g10", "2026-03-02T10:05:00Z", "1.44"},
                {"g11", "2026-03-03T10:00:00Z", "3.10"}, {"g12", "2026-03-03T10:01:00Z", "12.00"},
                {"g13", "2026-03-03T13:00:00Z", "2.20"}};
        for (int i = 0; i < rounds.length; i++) {
            ok(writePath.logRound(observed(round(i + 1, "SKIP", null, rounds[i][2], null), rounds[i][0], rounds[i][1])));
        }
        // The watcher's readings, 30 s later (so the first bot's reading represents each game round).
        String[][] watched = {{"g5", "2026-03-02T10:00:30Z", "1.50"}, {"g6", "2026-03-02T10:01:30Z", "1.30"},
                {"g7", "2026-03-02T10:02:30Z", "1.12"}};
        for (int i = 0; i < watched.length; i++) {
            ok(writePath.logRound(with(observed(round(i + 1, "SKIP", null, watched[i][2], null), watched[i][0],
                    watched[i][1]), "botId", "watcher_bot", "sessionId", "watcher_session")));
        }
    }

    @Test
    void theCusumFlagsTheDayThePayoutFellAndTheBotsDisagreeOnTwoRounds() {
        JsonNode integrity = ok(client.execute(INTEGRITY, arguments("shift", 0.5, "threshold", 2.0)))
                .data("platformIntegrity");

        JsonNode payout = integrity.path("payout");
        assertThat(payout.path("returnToPlayer").decimalValue()).isEqualByComparingTo("0.97");
        assertThat(payout.path("hitProbability").asDouble()).isCloseTo(0.485, within(1e-12));
        // 1 March: fell 2·(−0.693147) + 2·0.385857 < 0 → 0; rose 2·0.405465 + 2·(−0.636528) < 0 → 0.
        // 2 March (6 rounds, the watcher's readings not counted again): fell 6·0.385857 = 2.315140 ≥ 2: flagged.
        // 3 March: fell 2.315140 + 3·(−0.693147) = 0.235698; rose 3·0.405465 = 1.216395.
        JsonNode days = payout.path("days");
        assertThat(days).hasSize(3);
        assertDay(days.get(0), "2026-03-01", 4, 2, 0, 0);
        assertDay(days.get(1), "2026-03-02", 6, 0, 2.315140, 0);
        assertDay(days.get(2), "2026-03-03", 3, 3, 0.235698, 1.216395);
        assertThat(days.get(1).path("expectedHits").asDouble()).isCloseTo(6 * 0.485, within(1e-9));
        assertThat(payout.path("flaggedOn").asString()).isEqualTo("2026-03-02");
        assertThat(payout.path("direction").asString()).isEqualTo("PAYOUT_FELL");

        // Watched twice: g5 (1.05 / 1.50), g6 (1.30 / 1.30), g7 (1.21 / 1.12). Only g6 agrees exactly.
        JsonNode ocr = integrity.path("ocrAgreement");
        assertThat(ocr.path("watchedRounds").asLong()).isEqualTo(3);
        assertThat(ocr.path("agreeingRounds").asLong()).isEqualTo(1);
        assertThat(ocr.path("agreementShare").decimalValue()).isEqualByComparingTo("0.333333");
        JsonNode largest = ocr.path("largestDisagreements");
        assertThat(largest).hasSize(2);
        assertThat(largest.get(0).path("roundExternalId").asString()).isEqualTo("g5");
        assertThat(largest.get(0).path("startedAt").asString()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(largest.get(0).path("observations").asInt()).isEqualTo(2);
        assertThat(largest.get(0).path("lowestReading").decimalValue()).isEqualByComparingTo("1.05");
        assertThat(largest.get(0).path("highestReading").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(largest.get(0).path("spread").decimalValue()).isEqualByComparingTo("0.45");
        assertThat(largest.get(0).path("readings").get(0).path("botId").asString()).isEqualTo(WritePath.BOT);
        assertThat(largest.get(0).path("readings").get(0).path("crashMultiplier").decimalValue()).isEqualByComparingTo("1.05");
        assertThat(largest.get(0).path("readings").get(1).path("botId").asString()).isEqualTo("watcher_bot");
        assertThat(largest.get(0).path("readings").get(1).path("crashMultiplier").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(largest.get(1).path("roundExternalId").asString()).isEqualTo("g7");
        assertThat(largest.get(1).path("spread").decimalValue()).isEqualByComparingTo("0.09");
    }

    @Test
    void aWindowReadsWholeDaysFromTheCountsAndItsEdgeFromTheGameRounds() {
        // 2 March 00:00 to 3 March 12:00: 2 March whole (the day counts), 3 March until noon (g11, g12; not g13).
        // Fell: 2.315140, then 2.315140 + 2·(−0.693147) = 0.928845; rose: 0, then 2·0.405465 = 0.810930.
        // Tolerance 0.1: g7 (0.09) agrees now; only g5 is listed.
        JsonNode integrity = ok(client.execute(INTEGRITY, arguments("shift", 0.5, "threshold", 2.0, "tolerance", "0.1",
                "window", Map.of("from", "2026-03-02T00:00:00Z", "to", "2026-03-03T12:00:00Z"))))
                .data("platformIntegrity");

        JsonNode days = integrity.path("payout").path("days");
        assertThat(days).hasSize(2);
        assertDay(days.get(0), "2026-03-02", 6, 0, 2.315140, 0);
        assertDay(days.get(1), "2026-03-03", 2, 2, 0.928845, 0.810930);
        JsonNode ocr = integrity.path("ocrAgreement");
        assertThat(ocr.path("agreeingRounds").asLong()).isEqualTo(2);
        assertThat(ocr.path("largestDisagreements")).hasSize(1);
    }

    @Test
    void theDefaultsFindNothingInThirteenRounds() {
        // Shift 0.1, threshold 5: 13 rounds cannot gather 5 nats of evidence (a miss adds ln(0.5635/0.515) = 0.090).
        JsonNode payout = ok(client.execute(INTEGRITY, arguments())).data("platformIntegrity.payout");

        assertThat(payout.path("target").decimalValue()).isEqualByComparingTo("2");
        assertThat(payout.path("shift").asDouble()).isEqualTo(0.1);
        assertThat(payout.path("threshold").asDouble()).isEqualTo(5.0);
        assertThat(payout.path("flaggedOn").isNull()).isTrue();
        assertThat(payout.path("direction").isNull()).isTrue();
    }

    @Test
    void badArgumentsAreRefusedNamingTheArgumentAndTheRule() {
        refused(client.execute(INTEGRITY, arguments("shift", 1.5)), "BAD_REQUEST", "shift", "OPEN_UNIT_INTERVAL");
        refused(client.execute(INTEGRITY, arguments("threshold", 0.0)), "BAD_REQUEST", "threshold", "POSITIVE");
        refused(client.execute(INTEGRITY, arguments("target", "1.00")), "BAD_REQUEST", "target", "MIN_TARGET");
        // 0.97 / 1.01 · 1.1 = 1.056: not a probability.
        refused(client.execute(INTEGRITY, arguments("target", "1.01")), "BAD_REQUEST", "shift", "PROBABILITY_ABOVE_ONE");
        refused(client.execute(INTEGRITY, arguments("tolerance", "-0.01")), "BAD_REQUEST", "tolerance", "NON_NEGATIVE");
        refused(client.execute(INTEGRITY, with(arguments(), "platform", "nowhere")), "NOT_FOUND", "platform",
                "MUST_EXIST");
    }

    private static void assertDay(JsonNode day, String date, long rounds, long hits, double fell, double rose) {
        assertThat(day.path("day").asString()).isEqualTo(date);
        assertThat(day.path("rounds").asLong()).isEqualTo(rounds);
        assertThat(day.path("hits").asLong()).isEqualTo(hits);
        assertThat(day.path("fellStatistic").asDouble()).isCloseTo(fell, within(1e-6));
        assertThat(day.path("roseStatistic").asDouble()).isCloseTo(rose, within(1e-6));
    }

    private static Map<String, Object> observed(Map<String, Object> round, String externalId, String startedAt) {
        return with(round, "roundExternalId", externalId, "roundStartTimestamp", startedAt);
    }

    private static Map<String, Object> arguments(Object... more) {
        Map<String, Object> arguments = new HashMap<>(Map.of("game", "aviator", "platform", "dafabet"));
        for (int i = 0; i < more.length; i += 2) {
            arguments.put((String) more[i], more[i + 1]);
        }
        return arguments;
    }
}
