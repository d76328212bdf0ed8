package com.crashanalytics.api.analytics;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/**
 * logCapitalEvent and the equity returns over HTTP, on a session worked out by hand:
 * <pre>
 * initial balance 1000.00
 * round 1  2026-03-01T10:00Z  stake 100 WIN at 2.00x   P/L +100   equity before 1000  r = +0.1   equity 1100
 * deposit  2026-03-01T11:00Z  +900 (capital, not P/L)                                           equity 2000
 * round 2  2026-03-02T10:00Z  stake 1000 LOSS          P/L −1000  equity before 2000  r = −0.5   equity 1000
 * </pre>
 * Equity returns 0.1, −0.5: mean −0.2, s = √((0.3² + 0.3²) / 1) = √0.18 → equity Sharpe −0.2 / √0.18 ≈ −0.4714045;
 * downside √((0.5²) / 2) = √0.125 → Sortino −0.2 / √0.125 ≈ −0.5656854. One round a day, so the daily ratios are the
 * same, × √365 annualised. TWR 1.1 · 0.5 − 1 = −45.0000 %; the growth index falls 1.1 → 0.55: 50.0000 % of its peak.
 * The P/L curve on the initial balance ignores the deposit: 1000 → 1100 → 100, a fall of 1000 / 1100 = 90.9091 %.
 * Per bet: +1, −1, mean 0 → per-bet Sharpe 0.
 */
@GatewayIntegrationTest
class CapitalAndEquityReturnsIT {

    static final String LOG_CAPITAL_EVENT = """
            mutation($input: LogCapitalEventInput!) {
              logCapitalEvent(input: $input) {
                duplicate
                event { id botId sessionId clientEventId kind amount occurredAt note }
              }
            }
            """;

    static final String FIGURES = """
            rounds totalProfitLoss sharpeRatio perBetSharpeRatio perBetSortinoRatio equityRounds equitySharpeRatio
            equitySortinoRatio equityDays dailySharpeRatio annualisedSharpe: dailySharpeRatio(annualised: true)
            dailySortinoRatio timeWeightedReturnPercent maxDrawdownPercentOfEquity currentDrawdownPercentOfEquity
            maxDrawdown { amount percentOfPeak }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;
    WritePath writePath;

    @BeforeEach
    void aBotInAnActiveSession() {
        client = new GraphQlClient(port);
        writePath = new WritePath(client, jdbc).activeSession();
    }

    static Map<String, Object> deposit() {
        return Map.of("botId", BOT, "sessionId", SESSION, "clientEventId", "top-up-1", "kind", "DEPOSIT",
                "amount", "900.00", "occurredAt", "2026-03-01T11:00:00Z", "note", "weekly top-up");
    }

    @Test
    void aDepositIsCapitalTheEquityReturnsStandOn() {
        ok(writePath.logRound(with(round(1, "WIN", "100", "3.00", "2.00"), "roundStartTimestamp", "2026-03-01T10:00:00Z")));
        JsonNode event = ok(client.execute(LOG_CAPITAL_EVENT, Map.of("input", deposit()))).data("logCapitalEvent");
        ok(writePath.logRound(with(round(2, "LOSS", "1000", "1.50", null), "roundStartTimestamp", "2026-03-02T10:00:00Z")));

        assertThat(event.path("duplicate").asBoolean()).isFalse();
        assertThat(event.path("event").path("kind").asString()).isEqualTo("DEPOSIT");
        assertThat(event.path("event").path("amount").decimalValue()).isEqualByComparingTo("900");

        JsonNode summary = ok(client.execute("query($id: ID!) { session(sessionId: $id) { summary { " + FIGURES + " } } }",
                Map.of("id", SESSION))).data("session.summary");
        assertEquityFigures(summary);
        assertThat(summary.path("maxDrawdown").path("percentOfPeak").decimalValue()).isEqualByComparingTo("90.9091");

        JsonNode statistics = ok(client.execute("query($id: ID!) { bot(botId: $id) { statistics { " + FIGURES + " } } }",
                Map.of("id", BOT))).data("bot.statistics");
        assertEquityFigures(statistics);

        // a window from the second day still stands on the session's equity then: 2000, r = −0.5
        JsonNode windowed = ok(client.execute("""
                query($id: ID!) { bot(botId: $id) { statistics(window: {from: "2026-03-02T00:00:00Z"}) {
                  equityRounds timeWeightedReturnPercent } } }""", Map.of("id", BOT))).data("bot.statistics");
        assertThat(windowed.path("equityRounds").asInt()).isEqualTo(1);
        assertThat(windowed.path("timeWeightedReturnPercent").decimalValue()).isEqualByComparingTo("-50.0000");

        JsonNode game = ok(client.execute("{ gameStatistics(game: \"aviator\") { " + FIGURES + " } }"))
                .data("gameStatistics");
        assertEquityFigures(game);
    }

    private static void assertEquityFigures(JsonNode figures) {
        assertThat(figures.path("totalProfitLoss").decimalValue()).isEqualByComparingTo("-900");
        assertThat(figures.path("perBetSharpeRatio").asDouble()).isCloseTo(0.0, within(1e-12));
        assertThat(figures.path("sharpeRatio").asDouble()).isCloseTo(0.0, within(1e-12));
        assertThat(figures.path("equityRounds").asInt()).isEqualTo(2);
        assertThat(figures.path("equitySharpeRatio").asDouble()).isCloseTo(-0.2 / Math.sqrt(0.18), within(1e-9));
        assertThat(figures.path("equitySortinoRatio").asDouble()).isCloseTo(-0.2 / Math.sqrt(0.125), within(1e-9));
        assertThat(figures.path("equityDays").asInt()).isEqualTo(2);
        assertThat(figures.path("dailySharpeRatio").asDouble()).isCloseTo(-0.2 / Math.sqrt(0.18), within(1e-9));
        assertThat(figures.path("annualisedSharpe").asDouble())
                .isCloseTo(-0.2 / Math.sqrt(0.18) * Math.sqrt(365), within(1e-7));
        assertThat(figures.path("dailySortinoRatio").asDouble()).isCloseTo(-0.2 / Math.sqrt(0.125), within(1e-9));
        assertThat(figures.path("timeWeightedReturnPercent").decimalValue()).isEqualByComparingTo("-45.0000");
        assertThat(figures.path("maxDrawdownPercentOfEquity").decimalValue()).isEqualByComparingTo("50.0000");
        assertThat(figures.path("currentDrawdownPercentOfEquity").decimalValue()).isEqualByComparingTo("50.0000");
    }

    @Test
    void aRetryWritesNothingAndAReusedIdWithOtherContentIsAConflict() {
        JsonNode first = ok(client.execute(LOG_CAPITAL_EVENT, Map.of("input", deposit()))).data("logCapitalEvent");
        JsonNode retry = ok(client.execute(LOG_CAPITAL_EVENT, Map.of("input", deposit()))).data("logCapitalEvent");

        assertThat(retry.path("duplicate").asBoolean()).isTrue();
        assertThat(retry.path("event").path("id").asString()).isEqualTo(first.path("event").path("id").asString());
        refused(client.execute(LOG_CAPITAL_EVENT, Map.of("input", with(deposit(), "amount", "901"))),
                "CONFLICT", "input.clientEventId", "CONFLICT");
        assertThat(writePath.count("capital_events")).isEqualTo(1);
    }

    @Test
    void badEventsAreRefusedNamingTheFieldAndNothingIsWritten() {
        refused(client.execute(LOG_CAPITAL_EVENT, Map.of("input", with(deposit(), "amount", "0"))),
                "BAD_REQUEST", "input.amount", "POSITIVE");
        refused(client.execute(LOG_CAPITAL_EVENT, Map.of("input", with(deposit(), "occurredAt", "2999-01-01T00:00:00Z"))),
                "BAD_REQUEST", "input.occurredAt", "NOT_IN_FUTURE");
        refused(client.execute(LOG_CAPITAL_EVENT, Map.of("input", with(deposit(), "sessionId", "nope"))),
                "NOT_FOUND", "input.sessionId", "MUST_EXIST");
        refused(client.execute(LOG_CAPITAL_EVENT, Map.of("input", with(deposit(), "botId", "nobody"))),
                "NOT_FOUND", "input.botId", "MUST_EXIST");
        assertThat(writePath.count("capital_events")).isZero();
    }
}
