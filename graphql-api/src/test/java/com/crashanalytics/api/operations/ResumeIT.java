package com.crashanalytics.api.operations;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * resume(botId) over HTTP with the bot's own key: a bot that restarts mid-session learns its open session, the last
 * round number and balance the gateway holds and its last rounds, and carries on without gaps or duplicates.
 */
@GatewayIntegrationTest
class ResumeIT {

    private static final String RESUME = """
            query($botId: ID!, $lastRounds: Int) {
              resume(botId: $botId, lastRounds: $lastRounds) {
                bot { botId } openSession { sessionId status } lastSession { sessionId status endReason }
                lastRoundNumber nextRoundNumber balance lastRounds { roundNumber roundOutcome }
              }
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SessionSweepSchedule sweeper;

    GraphQlClient admin;
    GraphQlClient bot;
    WritePath writePath;

    @BeforeEach
    void aBotWithItsOwnKey() {
        admin = new GraphQlClient(port);
        writePath = new WritePath(admin, jdbc);
        writePath.activeSession(); // BOT in SESSION with 1000.00
        bot = new GraphQlClient(port).withApiKey(new TestApiKeys(port).bot(BOT));
    }

    @Test
    void aBotThatRestartsMidSessionCarriesOnWithoutGapsOrDuplicates() {
        // Rounds 1..6 of the ten-round session reached the gateway; the bot died not knowing whether 6 did.
        List<Map<String, Object>> session = WritePath.tenRoundSession();
        for (Map<String, Object> round : session.subList(0, 6)) {
            ok(bot.execute(WritePath.LOG_ROUND, Map.of("input", round)));
        }

        JsonNode resume = resume(BOT, 3);

        assertThat(resume.path("openSession").path("sessionId").asText()).isEqualTo(SESSION);
        assertThat(resume.path("lastRoundNumber").asInt()).isEqualTo(6);
        assertThat(resume.path("nextRoundNumber").asInt()).isEqualTo(7);
        // 1000 + 5 + 10 − 20 + 0 − 40 + 0 (the error round moved no money) = 955
        assertThat(resume.path("balance").decimalValue()).isEqualByComparingTo("955");
        assertThat(numbers(resume.path("lastRounds"))).containsExactly(4, 5, 6);
        assertThat(resume.path("lastRounds").get(2).path("roundOutcome").asText()).isEqualTo("ERROR");

        // It sends round 6 again to be sure (a duplicate, not stored twice), then carries on from 7.
        JsonNode again = ok(bot.execute(WritePath.LOG_ROUND, Map.of("input", session.get(5)))).data("logRound");
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        for (Map<String, Object> round : session.subList(6, 10)) {
            ok(bot.execute(WritePath.LOG_ROUND, Map.of("input", round)));
        }

        assertThat(jdbc.queryForList("SELECT round_number FROM crash_game_rounds ORDER BY round_number", Integer.class))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
        JsonNode totals = writePath.session(SESSION).path("totals");
        assertThat(totals.path("totalRounds").asInt()).isEqualTo(10);
        assertThat(totals.path("totalProfitLoss").decimalValue()).isEqualByComparingTo("-46.70"); // TenRoundSessionIT
    }

    @Test
    void afterItsSessionEndedOrWasAbandonedABotStartsANewOneFromTheTrackedBalance() {
        ok(bot.execute(WritePath.LOG_ROUND, Map.of("input", with(round(1, "LOSS", "100", "1.10", null)))));
        jdbc.update("UPDATE session_logs SET updated_at = now() - interval '2 hours', start_time = now() - interval '3 hours'");
        assertThat(sweeper.sweepNow().abandoned()).containsExactly(SESSION);

        JsonNode resume = resume(BOT, 20);

        assertThat(resume.path("openSession").isNull()).isTrue();
        assertThat(resume.path("nextRoundNumber").isNull()).isTrue();
        assertThat(resume.path("lastSession").path("status").asText()).isEqualTo("ABANDONED");
        assertThat(resume.path("lastSession").path("endReason").asText()).startsWith("nothing heard");
        assertThat(resume.path("lastRoundNumber").asInt()).isEqualTo(1);
        assertThat(resume.path("balance").decimalValue()).isEqualByComparingTo("900");
    }

    @Test
    void aBotWithoutSessionsHasNothingToResume() {
        writePath.registerBot("newcomer");
        JsonNode resume = ok(admin.execute(RESUME, Map.of("botId", "newcomer"))).data("resume");
        assertThat(resume.path("bot").path("botId").asText()).isEqualTo("newcomer");
        assertThat(resume.path("lastSession").isNull()).isTrue();
        assertThat(resume.path("balance").isNull()).isTrue();
        assertThat(resume.path("lastRounds").size()).isZero();
    }

    @Test
    void aBotKeyResumesOnlyItsOwnBotAndBadArgumentsAreNamed() {
        writePath.registerBot("someone_else");
        assertThat(bot.execute(RESUME, Map.of("botId", "someone_else")).classifications()).containsExactly("FORBIDDEN");
        refused(admin.execute(RESUME, Map.of("botId", "nobody")), "NOT_FOUND", "botId", "MUST_EXIST");
        Map<String, Object> tooMany = new HashMap<>(Map.of("botId", BOT, "lastRounds", 501));
        refused(admin.execute(RESUME, tooMany), "BAD_REQUEST", "lastRounds", "RANGE");
    }

    private JsonNode resume(String botId, int lastRounds) {
        return ok(bot.execute(RESUME, Map.of("botId", botId, "lastRounds", lastRounds))).data("resume");
    }

    private static List<Integer> numbers(JsonNode rounds) {
        return StreamSupport.stream(rounds.spliterator(), false).map(round -> round.path("roundNumber").asInt()).toList();
    }
}
