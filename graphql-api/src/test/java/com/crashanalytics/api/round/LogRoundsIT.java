package com.crashanalytics.api.round;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** logRounds: a thousand rounds at once, all or none, duplicates and conflicts inside a batch. */
@GatewayIntegrationTest
class LogRoundsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    WritePath writePath;

    @BeforeEach
    void aBotInAnActiveSession() {
        writePath = new WritePath(new GraphQlClient(port), jdbc).activeSession();
    }

    /**
     * 1,000 rounds alternating a WIN of 1 at 1.50x (+0.50) and a LOSS of 1 (−1), each with two samples and a signal:
     * 500 × 0.50 − 500 × 1 = −250, so the balance ends at 1000 − 250 = 750.
     */
    static List<Map<String, Object>> thousandRounds() {
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (int n = 1; n <= 1_000; n++) {
            Map<String, Object> round = n % 2 == 1 ? round(n, "WIN", "1", "2.00", "1.50") : round(n, "LOSS", "1", "1.20", null);
            rounds.add(with(round,
                    "multiplierSamples", List.of(Map.of("multiplier", "1.00"), Map.of("multiplier", "1.20")),
                    "signals", List.of(Map.of("signalType", "pre_flight", "confidenceScore", 0.6, "predictedMultiplier", "1.50"))));
        }
        return rounds;
    }

    @Test
    void aThousandRoundsInOneRequest() {
        JsonNode payload = ok(writePath.logRounds(thousandRounds())).data("logRounds");

        assertThat(payload.path("written").asInt()).isEqualTo(1_000);
        assertThat(payload.path("rounds")).hasSize(1_000);
        assertThat(payload.path("rounds").get(999).path("round").path("roundNumber").asInt()).isEqualTo(1_000);
        assertThat(writePath.count("crash_game_rounds")).isEqualTo(1_000);
        assertThat(writePath.count("analytics_round_outcomes")).isEqualTo(1_000);
        assertThat(writePath.count("analytics_round_multipliers")).isEqualTo(2_000);
        assertThat(writePath.count("analytics_round_signals")).isEqualTo(1_000);
        JsonNode totals = writePath.session(SESSION).path("totals");
        assertThat(totals.path("totalRounds").asInt()).isEqualTo(1_000);
        assertThat(totals.path("currentBalance").decimalValue()).isEqualByComparingTo("750");
        // confident (0.6) it reaches 1.50: right on the WINs (crash 2.00), wrong on the LOSSes (crash 1.20)
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analytics_round_signals WHERE signal_correctness",
                Integer.class)).isEqualTo(500);
        // alternating: every streak is one long
        assertThat(totals.path("longestWinStreak").asInt()).isEqualTo(1);
        assertThat(totals.path("longestLossStreak").asInt()).isEqualTo(1);
    }

    @Test
    void sendingTheBatchAgainWritesNothingAndAnswersEveryRoundAsADuplicate() {
        List<Map<String, Object>> rounds = thousandRounds().subList(0, 50);
        JsonNode first = ok(writePath.logRounds(rounds)).data("logRounds");
        Map<String, Integer> before = writePath.rowCounts();

        JsonNode again = ok(writePath.logRounds(rounds)).data("logRounds");

        assertThat(again.path("written").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(50);
        assertThat(again.path("rounds").get(7).path("round").path("id")).isEqualTo(first.path("rounds").get(7).path("round").path("id"));
        assertThat(writePath.rowCounts()).isEqualTo(before);
    }

    @Test
    void aBatchMixingStoredAndNewRoundsWritesOnlyTheNewOnes() {
        List<Map<String, Object>> rounds = thousandRounds();
        ok(writePath.logRounds(rounds.subList(0, 10)));

        JsonNode payload = ok(writePath.logRounds(rounds.subList(5, 15))).data("logRounds");

        assertThat(payload.path("written").asInt()).isEqualTo(5);
        assertThat(payload.path("duplicates").asInt()).isEqualTo(5);
        assertThat(payload.path("rounds").get(0).path("duplicate").asBoolean()).isTrue();
        assertThat(payload.path("rounds").get(5).path("duplicate").asBoolean()).isFalse();
        assertThat(writePath.count("crash_game_rounds")).isEqualTo(15);
        assertThat(writePath.session(SESSION).path("totals").path("totalRounds").asInt()).isEqualTo(15);
    }

    @Test
    void theSameRoundTwiceInOneBatchIsWrittenOnce() {
        Map<String, Object> round = round(1, "LOSS", "5", "1.10", null);

        JsonNode payload = ok(writePath.logRounds(List.of(round, round))).data("logRounds");

        assertThat(payload.path("written").asInt()).isEqualTo(1);
        assertThat(payload.path("rounds").get(1).path("duplicate").asBoolean()).isTrue();
        assertThat(payload.path("rounds").get(1).path("round").path("id")).isEqualTo(payload.path("rounds").get(0).path("round").path("id"));
        assertThat(writePath.count("crash_game_rounds")).isEqualTo(1);
    }

    @Test
    void theSameRoundTwiceInOneBatchWithOtherContentRejectsTheBatch() {
        GraphQlResponse response = writePath.logRounds(List.of(round(1, "LOSS", "5", "1.10", null),
                round(2, "SKIP", null, "3", null), round(1, "LOSS", "6", "1.10", null)));

        refused(response, "CONFLICT", "input.rounds[2].roundNumber", "CONFLICT");
        assertThat(writePath.count("crash_game_rounds")).isZero();
    }

    @Test
    void aConflictWithAStoredRoundRejectsTheWholeBatch() {
        ok(writePath.logRound(round(1, "LOSS", "5", "1.10", null)));
        Map<String, Integer> before = writePath.rowCounts();

        GraphQlResponse response = writePath.logRounds(List.of(round(2, "SKIP", null, "3", null),
                round(1, "LOSS", "5", "1.11", null)));

        refused(response, "CONFLICT", "input.rounds[1].roundNumber", "CONFLICT");
        assertThat(writePath.rowCounts()).isEqualTo(before);
    }

    @Test
    void aBatchMaySpanSessionsAndEachKeepsItsOwnTotals() {
        writePath.startSession(BOT, "second_session", "50");

        ok(writePath.logRounds(List.of(
                round(1, "WIN", "10", "3", "2"),
                with(round(1, "LOSS", "10", "1.5", null), "sessionId", "second_session"),
                round(2, "LOSS", "10", "1.5", null))));

        // first session: +10 − 10 = 0; second: −10 from 50
        assertThat(writePath.session(SESSION).path("totals").path("currentBalance").decimalValue()).isEqualByComparingTo("1000");
        assertThat(writePath.session(SESSION).path("totals").path("totalRounds").asInt()).isEqualTo(2);
        JsonNode second = writePath.session("second_session").path("totals");
        assertThat(second.path("currentBalance").decimalValue()).isEqualByComparingTo("40");
        // a loss of 10 is 20% of 50: a big loss
        assertThat(jdbc.queryForObject("SELECT outcome_category FROM analytics_round_outcomes WHERE session_id = 'second_session'",
                String.class)).isEqualTo("big_loss");
    }

    @Test
    void aBalanceThatWouldFallBelowZeroIsRefused() {
        writePath.startSession(BOT, "small_session", "5");

        GraphQlResponse response = writePath.logRounds(List.of(
                with(round(1, "LOSS", "10", "1.5", null), "sessionId", "small_session")));

        refused(response, "BAD_REQUEST", "input.rounds[0].runningBalanceAfter", "BALANCE_IN_RANGE");
        assertThat(writePath.count("crash_game_rounds")).isZero();
        assertThat(jdbc.queryForObject("SELECT current_balance FROM session_logs WHERE session_id = 'small_session'",
                BigDecimal.class)).isEqualByComparingTo("5");
    }
}
