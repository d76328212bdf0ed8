package com.crashanalytics.api.read;

import static com.crashanalytics.api.testing.ReadFixtures.DAY;
import static com.crashanalytics.api.testing.ReadFixtures.round;
import static com.crashanalytics.api.testing.ReadFixtures.withSignals;
import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.ReadFixtures;
import com.crashanalytics.api.testing.StatementRecorder;
import com.crashanalytics.api.testing.StatementRecorder.Executed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard query that walks bot → sessions → rounds → signals: one SQL statement per level whatever the
 * fan-out, all in one read-only transaction (one snapshot). The fixture is 10 bots × 10 sessions × 20 rounds × 2
 * signals, logged through the API; the query reads it with a fan-out of 2 × 2 × 3 and of 10 × 10 × 20.
 */
@GatewayIntegrationTest
@Import(StatementRecorder.Installation.class)
public class DashboardQueryIT {

    /** The 10 x 10 x 20 dashboard (its complexity is worked out in DocumentLimitsInstrumentationTest). */
    public static final String DASHBOARD = """
            query Dashboard($bots: Int!, $sessions: Int!, $rounds: Int!) {
              bots(first: $bots) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage endCursor }
                edges {
                  cursor
                  node {
                    botId strategyName
                    currentSession { sessionId }
                    sessions(first: $sessions) {
                      totalCount
                      pageInfo { hasNextPage }
                      edges {
                        node {
                          sessionId status startTime
                          totals { totalRounds wins losses skips totalProfitLoss }
                          bot { botId }
                          rounds(first: $rounds) {
                            totalCount
                            pageInfo { hasNextPage endCursor }
                            edges {
                              node {
                                roundNumber roundOutcome profitLoss crashMultiplier
                                outcome { outcomeCategory winStreakLength lossStreakLength }
                                session { sessionId }
                                signals { signalType confidenceScore predictedMultiplier signalCorrectness }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
            """;

    /*
     * The read-only transaction's set-up (its snapshot's isolation and statement_timeout in one statement), then one
     * statement per level: the bots; their count; each bot's current session; their sessions; the sessions' count;
     * each session's bot; their rounds; the rounds' count; each round's session (the sessions not already loaded as a
     * current session); their signals.
     */
    static final int STATEMENTS_PER_DASHBOARD = 1 + 10;

    /** Each session's analytics, next to its totals: one statement per field for every session of the page. */
    static final String SESSION_ANALYTICS = """
            query SessionPanels($bots: Int!, $sessions: Int!) {
              bots(first: $bots) {
                edges {
                  node {
                    botId
                    sessions(first: $sessions) {
                      edges {
                        node {
                          sessionId
                          totals { totalRounds totalProfitLoss maxDrawdown longestWinStreak }
                          summary { rounds totalProfitLoss profitFactor maxDrawdown { amount percentOfPeak } longestWinStreak }
                          equityCurve(bucket: HOUR) { periodStart profitLoss cumulativeProfitLoss }
                        }
                      }
                    }
                  }
                }
              }
            }
            """;

    /* The statement_timeout, the bots, their sessions, the sessions' summaries, their equity curves. */
    static final int STATEMENTS_PER_SESSION_PANELS = 1 + 4;

    static final int BOTS = 10;
    static final int SESSIONS = 10;
    static final int ROUNDS = 20;

    @LocalServerPort
    int port;

    GraphQlClient client;

    @BeforeEach
    void aFleet() {
        client = new GraphQlClient(port);
        ReadFixtures fixtures = new ReadFixtures(client).platform("aviator", "dafabet");
        for (int b = 1; b <= BOTS; b++) {
            fixtures.bot(bot(b), "compound_2x");
        }
        for (int b = 1; b <= BOTS; b++) {
            for (int s = 1; s <= SESSIONS; s++) {
                Instant start = sessionStart(b, s);
                fixtures.session(bot(b), session(b, s), "aviator", "dafabet", null, start);
                for (int r = 1; r <= ROUNDS; r++) {
                    fixtures.queue(withSignals(round(bot(b), session(b, s), r, outcome(r), start.plusSeconds(10L * r))));
                }
            }
        }
        fixtures.flush();
    }

    /** One fixture (logging it through the API takes a while), read at two fan-outs. */
    @Test
    void aDashboardQueryCostsOneStatementPerLevelWhateverItsFanOut() {
        Recorded small = recorded(2, 2, 3);
        Recorded large = recorded(10, 10, 20);

        assertThat(small.statements()).as("statements for 2 × 2 × 3:\n%s", lines(small.statements()))
                .hasSize(STATEMENTS_PER_DASHBOARD);
        assertThat(large.statements()).as("statements for 10 × 10 × 20:\n%s", lines(large.statements()))
                .hasSize(STATEMENTS_PER_DASHBOARD);
        assertThat(large.statements().get(0).sql())
                .isEqualTo("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; SET LOCAL plan_cache_mode = force_generic_plan;"
                        + " SET LOCAL statement_timeout = 5000");
        assertThat(large.statements().subList(1, STATEMENTS_PER_DASHBOARD)).allSatisfy(statement ->
                assertThat(statement.sql()).startsWith("SELECT"));
        System.out.printf("Dashboard query: %d SQL statements for 2 × 2 × 3, %d for 10 × 10 × 20 (2,000 rounds, "
                + "4,000 signals)%n", small.statements().size(), large.statements().size());
        readOneSnapshot(large.statements());
        answersEveryBotSessionRoundAndSignal(large.bots());
        saysThatMoreFollowsAtEveryLevel(small.bots());

        Recorded fewPanels = recorded(SESSION_ANALYTICS, Map.of("bots", 2, "sessions", 2));
        Recorded hundredPanels = recorded(SESSION_ANALYTICS, Map.of("bots", 10, "sessions", 10));
        assertThat(fewPanels.statements()).as("statements for 2 × 2 sessions:\n%s", lines(fewPanels.statements()))
                .hasSize(STATEMENTS_PER_SESSION_PANELS);
        assertThat(hundredPanels.statements()).as("statements for 10 × 10 sessions:\n%s", lines(hundredPanels.statements()))
                .hasSize(STATEMENTS_PER_SESSION_PANELS);
        summariesAgreeWithTotals(hundredPanels.bots());
    }

    private static void summariesAgreeWithTotals(JsonNode bots) {
        int sessions = 0;
        for (JsonNode bot : bots.path("edges")) {
            for (JsonNode edge : bot.path("node").path("sessions").path("edges")) {
                JsonNode session = edge.path("node");
                JsonNode totals = session.path("totals");
                JsonNode summary = session.path("summary");
                // 20 rounds: W L S repeated (rounds 1..20, +10, −10, 0), so the equity runs 1010, 1000, 1000, 1010,
                // ... and ends at 1000 after round 20 (a loss): P/L 0, one fall of 10 from 1010 at a time, longest
                // win run 1; 7 wins of 10 against 7 losses of 10: profit factor 70 / 70 = 1. All in one hour.
                assertThat(summary.path("rounds").asInt()).isEqualTo(totals.path("totalRounds").asInt()).isEqualTo(20);
                assertThat(summary.path("totalProfitLoss")).isEqualTo(totals.path("totalProfitLoss"));
                assertThat(summary.path("maxDrawdown").path("amount")).isEqualTo(totals.path("maxDrawdown"));
                assertThat(summary.path("maxDrawdown").path("amount").decimalValue()).isEqualByComparingTo("10");
                assertThat(summary.path("longestWinStreak")).isEqualTo(totals.path("longestWinStreak"));
                assertThat(summary.path("profitFactor").decimalValue()).isEqualByComparingTo("1");
                assertThat(session.path("equityCurve")).hasSize(1);
                assertThat(session.path("equityCurve").get(0).path("cumulativeProfitLoss").decimalValue()).isZero();
                sessions++;
            }
        }
        assertThat(sessions).isEqualTo(100);
    }

    private static void readOneSnapshot(List<Executed> statements) {
        assertThat(statements).extracting(Executed::connection).as("one connection")
                .containsOnly(statements.get(0).connection());
        assertThat(statements).allSatisfy(statement -> {
            assertThat(statement.autoCommit()).as("in a transaction: %s", statement).isFalse();
            assertThat(statement.readOnly()).as("read-only: %s", statement).isTrue();
        });
    }

    private static void answersEveryBotSessionRoundAndSignal(JsonNode bots) {

        assertThat(bots.path("totalCount").asInt()).isEqualTo(10);
        assertThat(bots.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(bots.path("pageInfo").path("hasPreviousPage").asBoolean()).isFalse();
        assertThat(bots.path("edges").valueStream().map(edge -> edge.path("node").path("botId").asString()))
                .as("by registration").containsExactly(bot(1), bot(2), bot(3), bot(4), bot(5), bot(6), bot(7), bot(8),
                        bot(9), bot(10));

        JsonNode bot3 = bots.path("edges").get(2).path("node");
        assertThat(bot3.path("strategyName").asString()).isEqualTo("compound_2x");
        assertThat(bot3.path("currentSession").path("sessionId").asString()).as("started last").isEqualTo(session(3, 10));
        JsonNode sessions = bot3.path("sessions");
        assertThat(sessions.path("totalCount").asInt()).isEqualTo(10);
        assertThat(sessions.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(sessions.path("edges")).hasSize(10);

        JsonNode session7 = sessions.path("edges").get(6).path("node");
        assertThat(session7.path("sessionId").asString()).isEqualTo(session(3, 7));
        assertThat(Instant.parse(session7.path("startTime").asString())).isEqualTo(sessionStart(3, 7));
        assertThat(session7.path("bot").path("botId").asString()).isEqualTo(bot(3));
        // rounds 1..20 by number: WIN when n % 3 = 1 (7 of them, +10 each), LOSS when n % 3 = 2 (7, −10 each),
        // SKIP when n % 3 = 0 (6): 7 × 10 − 7 × 10 = 0
        JsonNode totals = session7.path("totals");
        assertThat(totals.path("totalRounds").asInt()).isEqualTo(20);
        assertThat(totals.path("wins").asInt()).isEqualTo(7);
        assertThat(totals.path("losses").asInt()).isEqualTo(7);
        assertThat(totals.path("skips").asInt()).isEqualTo(6);
        assertThat(totals.path("totalProfitLoss").decimalValue()).isZero();

        JsonNode rounds = session7.path("rounds");
        assertThat(rounds.path("totalCount").asInt()).isEqualTo(20);
        assertThat(rounds.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(rounds.path("edges").valueStream().map(edge -> edge.path("node").path("roundNumber").asInt()))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);

        JsonNode round5 = rounds.path("edges").get(4).path("node");
        assertThat(round5.path("roundOutcome").asString()).isEqualTo("LOSS");
        assertThat(round5.path("profitLoss").decimalValue()).isEqualByComparingTo("-10");
        assertThat(round5.path("session").path("sessionId").asString()).isEqualTo(session(3, 7));
        // 2 LOSS, 3 SKIP, 4 WIN, 5 LOSS: round 4's win broke round 2's losing streak, so round 5's is 1;
        // a loss of 10 from a balance near 1000 is below 10% of it: a small loss
        assertThat(round5.path("outcome").path("lossStreakLength").asInt()).isEqualTo(1);
        assertThat(round5.path("outcome").path("outcomeCategory").asString()).isEqualTo("SMALL_LOSS");
        // crashed at 1.50: pre_flight (0.7 that it reaches 2.00) was wrong, early_flight (0.3 for 5.00) right
        JsonNode signals = round5.path("signals");
        assertThat(signals).hasSize(2);
        assertThat(signals.get(0).path("signalType").asString()).isEqualTo("pre_flight");
        assertThat(signals.get(0).path("signalCorrectness").asBoolean()).isFalse();
        assertThat(signals.get(1).path("signalType").asString()).isEqualTo("early_flight");
        assertThat(signals.get(1).path("signalCorrectness").asBoolean()).isTrue();

        int signalCount = 0;
        for (JsonNode bot : bots.path("edges")) {
            for (JsonNode session : bot.path("node").path("sessions").path("edges")) {
                assertThat(session.path("node").path("rounds").path("edges")).hasSize(20);
                for (JsonNode round : session.path("node").path("rounds").path("edges")) {
                    signalCount += round.path("node").path("signals").size();
                }
            }
        }
        assertThat(signalCount).isEqualTo(10 * 10 * 20 * 2);
    }

    private static void saysThatMoreFollowsAtEveryLevel(JsonNode bots) {
        assertThat(bots.path("totalCount").asInt()).isEqualTo(10);
        assertThat(bots.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(bots.path("edges")).hasSize(2);
        for (JsonNode bot : bots.path("edges")) {
            JsonNode sessions = bot.path("node").path("sessions");
            assertThat(sessions.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
            assertThat(sessions.path("totalCount").asInt()).isEqualTo(10);
            assertThat(sessions.path("edges")).hasSize(2);
            for (JsonNode session : sessions.path("edges")) {
                JsonNode rounds = session.path("node").path("rounds");
                assertThat(rounds.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
                assertThat(rounds.path("totalCount").asInt()).isEqualTo(20);
                assertThat(rounds.path("edges").valueStream().map(edge -> edge.path("node").path("roundNumber").asInt()))
                        .containsExactly(1, 2, 3);
            }
        }
    }

    private Recorded recorded(int bots, int sessions, int rounds) {
        return recorded(DASHBOARD, Map.of("bots", bots, "sessions", sessions, "rounds", rounds));
    }

    private Recorded recorded(String document, Map<String, Object> variables) {
        StatementRecorder.INSTANCE.start(false);
        GraphQlClient.GraphQlResponse response = client.execute(document, variables);
        List<Executed> statements = StatementRecorder.INSTANCE.stop();
        return new Recorded(ok(response).data("bots"), statements);
    }

    /** A dashboard's answer and the statements it cost. */
    record Recorded(JsonNode bots, List<Executed> statements) {
    }

    private static String lines(List<Executed> statements) {
        return String.join("\n", statements.stream().map(Executed::toString).toList());
    }

    static String bot(int b) {
        return "bot-%02d".formatted(b);
    }

    static String session(int b, int s) {
        return "bot-%02d-s%02d".formatted(b, s);
    }

    static Instant sessionStart(int b, int s) {
        return DAY.plus(Duration.ofHours(b)).plus(Duration.ofMinutes(5L * s));
    }

    static String outcome(int round) {
        return switch (round % 3) {
            case 1 -> "WIN";
            case 2 -> "LOSS";
            default -> "SKIP";
        };
    }
}
