package com.crashanalytics.api.round;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bots logging single rounds at the same moment, over HTTP: their writes may share a commit (GroupCommit; that they
 * really meet in one transaction is shown deterministically by GroupCommitIT), yet every round stays its own. Among
 * them, rounds refused inside the transaction (a game other than the session's, after its session was locked and
 * looked up) fail alone with their own field and rule and leave nothing behind; every other round is acknowledged
 * and stored with its own figures, and a retry of one of them is a duplicate, not a second row.
 */
@GatewayIntegrationTest
class ConcurrentRoundsIT {

    private static final int BOTS = 12;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentRoundsAreEachStoredOrRefusedOnTheirOwn() throws Exception {
        WritePath writePath = new WritePath(new GraphQlClient(port), jdbc);
        writePath.configurePlatform("aviator", "dafabet");
        writePath.configurePlatform("jetx", "dafabet");
        for (int bot = 0; bot < BOTS; bot++) {
            writePath.registerBot(botId(bot));
            writePath.startSession(botId(bot), sessionId(bot), "1000.00");
        }

        ExecutorService bots = Executors.newFixedThreadPool(BOTS);
        try {
            for (int number = 1; number <= 3; number++) {
                int roundNumber = number;
                List<CompletableFuture<GraphQlResponse>> answers = new ArrayList<>();
                for (int bot = 0; bot < BOTS; bot++) {
                    Map<String, Object> round = roundOf(bot, roundNumber);
                    answers.add(CompletableFuture.supplyAsync(
                            () -> new WritePath(new GraphQlClient(port), jdbc).logRound(round), bots));
                }
                for (int bot = 0; bot < BOTS; bot++) {
                    GraphQlResponse answer = answers.get(bot).get(60, TimeUnit.SECONDS);
                    if (refusedBot(bot, roundNumber)) {
                        refused(answer, "CONFLICT", "input.gameName", "CONFLICT");
                    } else {
                        ok(answer);
                        assertThat(answer.data("logRound.duplicate").asBoolean()).as(answer.body()).isFalse();
                        assertThat(answer.data("logRound.round.roundNumber").asInt()).isEqualTo(roundNumber);
                    }
                }
            }
        } finally {
            bots.shutdownNow();
        }

        for (int bot = 0; bot < BOTS; bot++) {
            List<Integer> expected = new ArrayList<>();
            for (int number = 1; number <= 3; number++) {
                if (!refusedBot(bot, number)) {
                    expected.add(number);
                }
            }
            assertThat(jdbc.queryForList("SELECT round_number FROM crash_game_rounds WHERE session_id = ? "
                    + "ORDER BY round_number", Integer.class, sessionId(bot))).as(botId(bot)).isEqualTo(expected);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM analytics_round_outcomes WHERE session_id = ?",
                    Integer.class, sessionId(bot))).as(botId(bot)).isEqualTo(expected.size());
            // Each win of 10 at 1.33x adds 3.30 to the session's own totals, and only its own rounds count.
            assertThat(jdbc.queryForObject("SELECT total_rounds FROM session_logs WHERE session_id = ?",
                    Integer.class, sessionId(bot))).as(botId(bot)).isEqualTo(expected.size());
            assertThat(jdbc.queryForObject("SELECT current_balance FROM session_logs WHERE session_id = ?",
                    BigDecimal.class, sessionId(bot))).as(botId(bot))
                    .isEqualByComparingTo(new BigDecimal("1000.00").add(new BigDecimal("3.30").multiply(
                            BigDecimal.valueOf(expected.size()))));
        }

        GraphQlResponse retry = new WritePath(new GraphQlClient(port), jdbc).logRound(roundOf(0, 1));
        assertThat(ok(retry).data("logRound.duplicate").asBoolean()).as(retry.body()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM crash_game_rounds WHERE session_id = ?", Integer.class,
                sessionId(0))).isEqualTo(3);
    }

    /** Every third bot sends one round for another game than its session's, at a different round each time. */
    private static boolean refusedBot(int bot, int roundNumber) {
        return bot % 3 == 1 && (bot / 3) % 3 + 1 == roundNumber;
    }

    private static Map<String, Object> roundOf(int bot, int roundNumber) {
        Map<String, Object> round = with(round(roundNumber, "WIN", "10", "2.45", "1.33"),
                "botId", botId(bot), "sessionId", sessionId(bot), "targetMultiplier", "1.33");
        return refusedBot(bot, roundNumber) ? with(round, "gameName", "jetx") : round;
    }

    private static String botId(int bot) {
        return "concurrent_bot_" + bot;
    }

    private static String sessionId(int bot) {
        return "concurrent_session_" + bot;
    }
}
