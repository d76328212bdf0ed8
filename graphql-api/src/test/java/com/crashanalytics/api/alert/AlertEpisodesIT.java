package com.crashanalytics.api.alert;

import static com.crashanalytics.api.alert.AlertFixtures.round;
import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.WritePath;
import com.crashanalytics.domain.alert.EvaluateAlertRulesUseCase;
import com.crashanalytics.domain.alert.EvaluateAlertRulesUseCase.Evaluation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each kind of rule over a hand-made session: it fires exactly when its condition becomes true, once per episode
 * (evaluating again while it holds raises nothing), and re-arms when the condition clears. The standard session
 * starts with 1000.00 on aviator/dafabet (house edge 3%).
 */
class AlertEpisodesIT extends AlertTestSupport {

    GraphQlClient client;
    WritePath writes;
    AlertFixtures alerts;

    @BeforeEach
    void connect() {
        client = new GraphQlClient(port);
        writes = new WritePath(client, jdbc);
        alerts = new AlertFixtures(client, evaluation);
    }

    @Test
    void drawdownFiresWhenItReachesTheAmountOncePerEpisodeAndReArmsAtANewPeak() {
        writes.activeSession();
        String rule = alerts.rule("drawdown 25", "DRAWDOWN", "amount", "25");
        log(win(1, "10"));                     // 1010, the peak
        log(loss(2, "20"));                    // 990: drawdown 20
        assertThat(alerts.evaluate()).isEqualTo(new Evaluation(true, 0, 0, 0));

        log(loss(3, "10"));                    // 980: drawdown 30 >= 25
        assertThat(alerts.evaluate()).isEqualTo(new Evaluation(true, 1, 0, 0));
        assertThat(alerts.evaluate()).isEqualTo(new Evaluation(true, 0, 0, 0)); // same episode
        log(loss(4, "5"));                     // 975: deeper, still the same episode
        assertThat(alerts.evaluate().raised()).isZero();

        List<JsonNode> raised = alerts.alertsOf(rule);
        assertThat(raised).hasSize(1);
        JsonNode alert = raised.get(0);
        assertThat(alert.path("kind").asString()).isEqualTo("DRAWDOWN");
        assertThat(alert.path("subject").path("key").asString()).isEqualTo("session:" + SESSION);
        assertThat(alert.path("subject").path("botId").asString()).isEqualTo(BOT);
        // 1010 − 980 = 30, 30 / 1010 = 2.97%
        assertThat(alert.path("figures").path("drawdown").decimalValue()).isEqualByComparingTo("30");
        assertThat(alert.path("figures").path("drawdownPercent").decimalValue()).isEqualByComparingTo("2.97");
        assertThat(alert.path("figures").path("peakBalance").decimalValue()).isEqualByComparingTo("1010");
        assertThat(alert.path("message").asString()).startsWith("[drawdown 25] Drawdown 30 (2.97% of the peak 1010)");

        log(win(5, "50"));                     // 1025: a new peak, drawdown 0: re-armed
        assertThat(alerts.evaluate()).isEqualTo(new Evaluation(true, 0, 0, 1));
        log(loss(6, "30"));                    // 995: drawdown 30 again: a second episode
        assertThat(alerts.evaluate().raised()).isEqualTo(1);
        assertThat(alerts.alertsOf(rule)).hasSize(2);
    }

    @Test
    void drawdownAsAPercentOfThePeak() {
        writes.activeSession();
        String rule = alerts.rule("drawdown 5%", "DRAWDOWN", "percent", "5");
        log(loss(1, "49"));                    // 951: 4.9% of 1000
        assertThat(alerts.evaluate().raised()).isZero();
        log(loss(2, "1"));                     // 950: 5%
        assertThat(alerts.evaluate().raised()).isEqualTo(1);
        assertThat(alerts.alertsOf(rule).get(0).path("figures").path("drawdownPercent").decimalValue())
                .isEqualByComparingTo("5");
    }

    @Test
    void lossStreakFiresAtTheCountAndReArmsAfterAWin() {
        writes.activeSession();
        String rule = alerts.rule("three losses", "LOSS_STREAK", "count", 3);
        log(loss(1, "1"));
        log(loss(2, "1"));
        assertThat(alerts.evaluate().raised()).isZero();
        log(loss(3, "1"));
        assertThat(alerts.evaluate().raised()).isEqualTo(1);
        log(loss(4, "1"));
        assertThat(alerts.evaluate().raised()).isZero();
        log(win(5, "1"));
        assertThat(alerts.evaluate().rearmed()).isEqualTo(1);
        log(loss(6, "1"));
        log(loss(7, "1"));
        log(loss(8, "1"));
        assertThat(alerts.evaluate().raised()).isEqualTo(1);
        List<JsonNode> raised = alerts.alertsOf(rule);
        assertThat(raised).extracting(alert -> alert.path("figures").path("lossStreak").asInt()).containsExactly(3, 3);
    }

    @Test
    void theCoolDownHoldsBackTheNextEpisodeOfTheSameSubject() {
        writes.activeSession();
        String rule = alerts.rule("two losses, hourly", "LOSS_STREAK", "count", 2, "cooldownSeconds", 3600);
        log(loss(1, "1"));
        log(loss(2, "1"));
        assertThat(alerts.evaluate()).isEqualTo(new Evaluation(true, 1, 0, 0));
        log(win(3, "1"));
        assertThat(alerts.evaluate()).isEqualTo(new Evaluation(true, 0, 0, 1));
        log(loss(4, "1"));
        log(loss(5, "1"));
        assertThat(alerts.evaluate()).isEqualTo(new Evaluation(true, 0, 1, 0)); // flapping: held back
        assertThat(alerts.evaluate()).isEqualTo(new Evaluation(true, 0, 0, 0)); // and not retried each time
        assertThat(alerts.alertsOf(rule)).hasSize(1);
    }

    @Test
    void bustFiresOnceWhenTheBalanceReachesZero() {
        writes.registerBot(BOT);
        writes.configurePlatform("aviator", "dafabet");
        writes.startSession(BOT, SESSION, "30.00");
        String rule = alerts.rule("bust", "BUST");
        log(loss(1, "10"));
        assertThat(alerts.evaluate().raised()).isZero();
        log(loss(2, "20"));                    // 0
        assertThat(alerts.evaluate().raised()).isEqualTo(1);
        assertThat(alerts.evaluate().raised()).isZero();
        JsonNode alert = alerts.alertsOf(rule).get(0);
        assertThat(alert.path("figures").path("rounds").asInt()).isEqualTo(2);
        assertThat(alert.path("figures").path("initialBalance").decimalValue()).isEqualByComparingTo("30");
    }

    @Test
    void balanceUnderFiresBelowTheAmountAndReArmsAboveIt() {
        writes.activeSession();
        String rule = alerts.rule("under 995", "BALANCE_UNDER", "amount", "995");
        log(loss(1, "5"));                     // 995: not under
        assertThat(alerts.evaluate().raised()).isZero();
        log(loss(2, "5"));                     // 990
        assertThat(alerts.evaluate().raised()).isEqualTo(1);
        log(win(3, "10"));                     // 1000
        assertThat(alerts.evaluate().rearmed()).isEqualTo(1);
        assertThat(alerts.alertsOf(rule).get(0).path("figures").path("currentBalance").decimalValue())
                .isEqualByComparingTo("990");
    }

    @Test
    void aStaleSessionFiresAfterItsSilenceAndReArmsOnAHeartbeat() {
        writes.activeSession();
        String rule = alerts.rule("silent 60 s", "STALE_SESSION", "staleAfterSeconds", 60);
        assertThat(alerts.evaluate().raised()).isZero(); // just started
        jdbc.update("""
                UPDATE session_logs SET start_time = now() - interval '10 minutes',
                       last_heartbeat_at = now() - interval '5 minutes', updated_at = now() - interval '5 minutes'""");
        assertThat(alerts.evaluate().raised()).isEqualTo(1);
        assertThat(alerts.evaluate().raised()).isZero();
        JsonNode alert = alerts.alertsOf(rule).get(0);
        assertThat(alert.path("figures").path("silentSeconds").asLong()).isBetween(300L, 400L);

        ok(client.execute(WritePath.HEARTBEAT, Map.of("input", Map.of("botId", BOT, "sessionId", SESSION))));
        assertThat(alerts.evaluate().rearmed()).isEqualTo(1);
    }

    @Test
    void noBigCrashCountsGameRoundsOnceHoweverManyBotsWatchedThem() {
        writes.activeSession();
        writes.registerBot("bot_two");
        writes.startSession("bot_two", "session_two", "500.00");
        String rule = alerts.rule("no 10x in 3", "NO_BIG_CRASH", "count", 3, "scope", Map.of("platformCodes", List.of("dafabet")));
        for (int n = 1; n <= 2; n++) {
            String crash = n == 1 ? "2.00" : "3.00";
            log(with(skip(n, crash), "roundExternalId", "game-" + n));
            log(with(skip(n, crash), "botId", "bot_two", "sessionId", "session_two", "roundExternalId", "game-" + n));
        }
        assertThat(alerts.evaluate().raised()).isZero(); // two game rounds, four bot rounds
        log(with(skip(3, "1.50"), "roundExternalId", "game-3"));
        assertThat(alerts.evaluate().raised()).isEqualTo(1);
        log(with(skip(4, "4.00"), "roundExternalId", "game-4"));
        assertThat(alerts.evaluate().raised()).isZero();

        JsonNode alert = alerts.alertsOf(rule).get(0);
        assertThat(alert.path("subject").path("key").asString()).isEqualTo("platform:aviator/dafabet");
        assertThat(alert.path("figures").path("roundsSince").asInt()).isEqualTo(3);
        // a 10x comes every 10 / 0.97 = 10.3 rounds on average
        assertThat(alert.path("figures").path("expectedGapRounds").decimalValue()).isEqualByComparingTo("10.3");

        log(with(skip(5, "12.00"), "roundExternalId", "game-5"));
        assertThat(alerts.evaluate().rearmed()).isEqualTo(1);
    }

    @Test
    void aConfidentSignalFiresOnceEachAndOnlyAtTheSeedThreshold() {
        writes.activeSession();
        signal(1, 0.9, "before-the-rule");     // logged before the rule: not news to it
        String rule = alerts.rule("confident", "SIGNAL_CONFIDENCE"); // 0.75 by default
        signal(2, 0.74, "weak");
        assertThat(alerts.evaluate().raised()).isZero();
        signal(3, 0.75, "strong");
        assertThat(alerts.evaluate().raised()).isEqualTo(1);
        assertThat(alerts.evaluate().raised()).isZero();
        signal(4, 0.95, "stronger");
        assertThat(alerts.evaluate().raised()).isEqualTo(1);

        List<JsonNode> raised = alerts.alertsOf(rule);
        assertThat(raised).extracting(alert -> alert.path("figures").path("roundNumber").asInt()).containsExactly(3, 4);
        assertThat(raised.get(0).path("subject").path("kind").asString()).isEqualTo("BOT");
        assertThat(raised.get(0).path("figures").path("confidence").asDouble()).isEqualTo(0.75);
    }

    @Test
    void aConfidentPredictionFiresOnceEachForItsGameAndOnlyAtTheThreshold() {
        writes.activeSession();
        writes.configurePlatform("jetx", "dafabet");
        String rule = alerts.rule("confident model", "PREDICTION_CONFIDENCE", "scope", Map.of("gameNames", List.of("aviator")));
        predict("p-weak", "aviator", 0.74);
        predict("p-other-game", "jetx", 0.95);     // outside the rule's scope
        assertThat(alerts.evaluate().raised()).isZero();
        predict("p-strong", "aviator", 0.8);
        assertThat(alerts.evaluate().raised()).isEqualTo(1);
        assertThat(alerts.evaluate().raised()).as("never twice for one prediction").isZero();

        JsonNode alert = alerts.alertsOf(rule).get(0);
        assertThat(alert.path("subject").path("kind").asString()).isEqualTo("PLATFORM");
        assertThat(alert.path("subject").path("key").asString()).isEqualTo("platform:aviator/dafabet");
        assertThat(alert.path("figures").path("predictionId").asString()).isEqualTo("p-strong");
        assertThat(alert.path("figures").path("confidence").asDouble()).isEqualTo(0.8);
        assertThat(alert.path("message").asString())
                .contains("p-strong", "streaks 1", "WITHIN_ROUNDS >= 10x within 15 rounds", "aviator", "0.8");
    }

    private void predict(String id, String game, double confidence) {
        WritePath.ok(client.execute("mutation($input: LogPredictionInput!) { logPrediction(input: $input) { duplicate } }",
                Map.of("input", Map.of("modelName", "streaks", "modelVersion", "1", "predictionId", id, "gameName", game,
                        "platformCode", "dafabet", "kind", "WITHIN_ROUNDS", "threshold", 10, "withinRounds", 15,
                        "confidence", confidence))));
    }

    @Test
    void aPlatformWhoseCrashPointsDepartFromItsRtpFailsTheTestAndAFairOneDoesNot() {
        writes.activeSession();
        String rule = alerts.rule("rtp", "RTP_DEPARTURE", "sampleSize", 40, "pValue", 0.001);
        List<BigDecimal> fair = fairCrashPoints(40);
        for (int n = 1; n <= 39; n++) {
            log(skip(n, fair.get(n - 1).toPlainString()));
        }
        assertThat(alerts.evaluate().raised()).isZero(); // 39 rounds: not tested yet
        log(skip(40, fair.get(39).toPlainString()));
        assertThat(alerts.evaluate().raised()).isZero(); // the law's own quantiles fit it

        for (int n = 41; n <= 80; n++) {
            log(skip(n, "1.00"));              // every round an instant crash: 3% expected
        }
        assertThat(alerts.evaluate().raised()).isEqualTo(1);
        JsonNode alert = alerts.alertsOf(rule).get(0);
        assertThat(alert.path("figures").path("rounds").asInt()).isEqualTo(40);
        // F(1.00) = 1 − 0.97 / 1.01 = 0.0396 against an empirical 1: D = 0.9604
        assertThat(alert.path("figures").path("ksStatistic").asDouble()).isCloseTo(0.9604, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(alert.path("figures").path("pValue").asDouble()).isLessThan(1e-10);

        for (int n = 81; n <= 120; n++) {
            log(skip(n, fair.get(n - 81).toPlainString()));
        }
        assertThat(alerts.evaluate().rearmed()).isEqualTo(1);
    }

    /** The law's quantiles: u = (i − ½)/n, x = RTP / (1 − u) shown to two decimals (1.00 in the 3% atom). */
    static List<BigDecimal> fairCrashPoints(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> {
            double survival = 1 - (i - 0.5) / n;
            return survival >= 0.97 ? BigDecimal.ONE.setScale(2)
                    : BigDecimal.valueOf(0.97 / survival).setScale(2, java.math.RoundingMode.DOWN);
        }).toList();
    }

    private void signal(int roundNumber, double confidence, String id) {
        ok(client.execute(WritePath.LOG_SIGNAL, Map.of("input", Map.of("botId", BOT, "sessionId", SESSION,
                "roundNumber", roundNumber, "signalType", "streak_model", "clientSignalId", id,
                "confidenceScore", confidence))));
    }

    private void log(Map<String, Object> round) {
        ok(writes.logRound(round));
    }

    private static Map<String, Object> win(int number, String stake) {
        return round(number, "WIN", stake, "3.00", "2.00");
    }

    private static Map<String, Object> loss(int number, String stake) {
        return with(round(number, "LOSS", stake, "1.20", null), "targetMultiplier", "2.00");
    }

    private static Map<String, Object> skip(int number, String crash) {
        return round(number, "SKIP", null, crash, null);
    }
}
