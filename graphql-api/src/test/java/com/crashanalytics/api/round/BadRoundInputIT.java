package com.crashanalytics.api.round;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/**
 * Every bad-input rule of the write path, over HTTP: a GraphQL error naming the input field and the rule, and not
 * one row written anywhere (each test logs a good round first, so "nothing written" is measured against a
 * session that already has data).
 */
@GatewayIntegrationTest
class BadRoundInputIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;
    WritePath writePath;
    Map<String, Integer> before;
    JsonNode sessionBefore;

    @BeforeEach
    void aSessionWithOneRound() {
        client = new GraphQlClient(port);
        writePath = new WritePath(client, jdbc).activeSession();
        ok(writePath.logRound(good(1)));
        before = writePath.rowCounts();
        sessionBefore = writePath.session(WritePath.SESSION);
    }

    static Map<String, Object> good(int number) {
        return with(round(number, "WIN", "10", "2.45", "1.33"),
                "signals", List.of(Map.of("signalType", "early_flight", "confidenceScore", 0.9)),
                "multiplierSamples", List.of(Map.of("multiplier", "1.5")));
    }

    @Test
    void anUnknownBot() {
        assertNothingWritten(writePath.logRound(with(good(2), "botId", "nobody")), "NOT_FOUND", "input.botId", "MUST_EXIST");
    }

    @Test
    void anUnknownSession() {
        GraphQlResponse response = writePath.logRound(with(good(2), "sessionId", "no_such_session"));

        assertNothingWritten(response, "NOT_FOUND", "input.sessionId", "MUST_EXIST");
        assertThat(response.errors().get(0).path("message").asString()).contains("startSession");
    }

    @Test
    void aSessionOfAnotherBot() {
        writePath.registerBot("other_bot");
        assertNothingWritten(writePath.logRound(with(good(2), "botId", "other_bot")), "NOT_FOUND", "input.sessionId",
                "MUST_EXIST");
    }

    @Test
    void anUnconfiguredPlatformTellsTheBotToConfigureIt() {
        GraphQlResponse response = writePath.logRound(with(good(2), "gameName", "jetx", "platformCode", "nowhere"));

        assertNothingWritten(response, "NOT_FOUND", "input.platformCode", "MUST_EXIST");
        assertThat(response.errors().get(0).path("message").asString()).contains("configurePlatform");
    }

    @Test
    void anotherPlatformThanTheSessionsIsAConflict() {
        writePath.configurePlatform("jetx", "dafabet");
        before = writePath.rowCounts();
        assertNothingWritten(writePath.logRound(with(good(2), "gameName", "jetx")), "CONFLICT", "input.gameName",
                "CONFLICT");
    }

    @Test
    void anEndedSession() {
        ok(client.execute(WritePath.END_SESSION, Map.of("input", Map.of("botId", WritePath.BOT,
                "sessionId", WritePath.SESSION, "status", "ABORTED"))));
        before = writePath.rowCounts();

        GraphQlResponse response = writePath.logRound(good(2));

        refused(response, "CONFLICT", "input.sessionId", "CONFLICT");
        assertThat(response.errors().get(0).path("message").asString()).contains("ended");
        assertThat(writePath.rowCounts()).isEqualTo(before);
    }

    @Test
    void aNegativeStake() {
        assertNothingWritten(writePath.logRound(with(good(2), "stakeValue", "-0.01")), "BAD_REQUEST",
                "input.stakeValue", "NON_NEGATIVE");
    }

    @Test
    void aMultiplierBelowOne() {
        assertNothingWritten(writePath.logRound(with(good(2), "crashMultiplier", "0.99")), "BAD_REQUEST",
                "input.crashMultiplier", "MIN_MULTIPLIER");
        assertNothingWritten(writePath.logRound(with(good(2), "multiplierSamples", List.of(Map.of("multiplier", "0.5")))),
                "BAD_REQUEST", "input.multiplierSamples[0].multiplier", "MIN_MULTIPLIER");
    }

    @Test
    void aConfidenceOutsideZeroToOne() {
        assertNothingWritten(writePath.logRound(with(good(2), "ocrConfidence", 1.01)), "BAD_REQUEST",
                "input.ocrConfidence", "UNIT_INTERVAL");
        assertNothingWritten(writePath.logRound(with(good(2), "signals",
                        List.of(Map.of("signalType", "early_flight", "confidenceScore", -0.1)))),
                "BAD_REQUEST", "input.signals[0].confidenceScore", "UNIT_INTERVAL");
    }

    /** Values that do not fit their types are data errors too: BAD_REQUEST naming the field (not ValidationError). */
    @Test
    void valuesOfTheWrongTypeNameTheirFieldAndTheRule() {
        assertNothingWritten(writePath.logRound(with(good(2), "roundNumber", "two")), "BAD_REQUEST",
                "input.roundNumber", "TYPE");
        assertNothingWritten(writePath.logRound(with(good(2), "roundOutcome", "JACKPOT")), "BAD_REQUEST",
                "input.roundOutcome", "ENUM_VALUE");
        assertNothingWritten(writePath.logRound(with(good(2), "stakeValues", "10.00")), "BAD_REQUEST",
                "input.stakeValues", "UNKNOWN_FIELD");
        Map<String, Object> withoutNumber = new java.util.HashMap<>(good(2));
        withoutNumber.remove("roundNumber");
        assertNothingWritten(writePath.logRound(withoutNumber), "BAD_REQUEST", "input.roundNumber", "REQUIRED");
        assertNothingWritten(writePath.logRound(with(good(2), "roundStartTimestamp", "yesterday")), "BAD_REQUEST",
                "input.roundStartTimestamp", "TYPE");
    }

    @Test
    void notANumberOrInfinity() {
        assertNothingWritten(writePath.logRound(with(good(2), "stakeValue", "NaN")), "BAD_REQUEST",
                "input.stakeValue", "FINITE_NUMBER");
        assertNothingWritten(writePath.logRound(with(good(2), "crashMultiplier", "Infinity")), "BAD_REQUEST",
                "input.crashMultiplier", "FINITE_NUMBER");
        GraphQlResponse hugeFloat = client.post("""
                {"query": "mutation($input: LogRoundInput!) { logRound(input: $input) { duplicate } }",
                 "variables": {"input": {"botId": "aviator_bot_001", "sessionId": "session_20261121_001",
                   "roundNumber": 2, "roundOutcome": "SKIP", "ocrConfidence": 1e400}}}
                """);
        assertNothingWritten(hugeFloat, "BAD_REQUEST", "input.ocrConfidence", "FINITE_NUMBER");
    }

    @Test
    void moreDecimalsThanTheColumnKeepsAreRefusedNotRounded() {
        assertNothingWritten(writePath.logRound(with(good(2), "stakeValue", "10.000000001")), "BAD_REQUEST",
                "input.stakeValue", "PRECISION");
        assertNothingWritten(writePath.logRound(with(good(2), "crashMultiplier", "2.45001")), "BAD_REQUEST",
                "input.crashMultiplier", "PRECISION");
    }

    @Test
    void timesMoreThanFiveMinutesAhead() {
        String sixMinutesAhead = Instant.now().plus(6, ChronoUnit.MINUTES).toString();
        assertNothingWritten(writePath.logRound(with(good(2), "roundStartTimestamp", sixMinutesAhead)), "BAD_REQUEST",
                "input.roundStartTimestamp", "NOT_IN_FUTURE");
        // a bot clock a little ahead is fine
        ok(writePath.logRound(with(good(2), "roundStartTimestamp", Instant.now().plus(1, ChronoUnit.MINUTES).toString())));
    }

    @Test
    void anEndBeforeTheStart() {
        assertNothingWritten(writePath.logRound(with(good(2), "roundStartTimestamp", "2026-11-21T14:00:10Z",
                        "roundEndTimestamp", "2026-11-21T14:00:09Z")), "BAD_REQUEST", "input.roundEndTimestamp",
                "NOT_BEFORE_START");
    }

    @Test
    void textWithNulCharacters() {
        assertNothingWritten(writePath.logRound(with(good(2), "ocrText", "1.33\u0000x")), "BAD_REQUEST",
                "input.ocrText", "NO_NUL_CHARACTERS");
        assertNothingWritten(writePath.logRound(with(good(2), "metadata", Map.of("note", "bad\u0000"))), "BAD_REQUEST",
                "input.metadata", "NO_NUL_CHARACTERS");
    }

    @Test
    void metadataOrFeatureVectorsOverSixtyFourKibibytes() {
        Map<String, Object> big = Map.of("blob", "x".repeat(64 * 1024));
        assertNothingWritten(writePath.logRound(with(good(2), "metadata", big)), "BAD_REQUEST", "input.metadata",
                "MAX_SIZE");
        assertNothingWritten(writePath.logRound(with(good(2), "signals",
                        List.of(Map.of("signalType", "early_flight", "confidenceScore", 0.5, "featureVector", big)))),
                "BAD_REQUEST", "input.signals[0].featureVector", "MAX_SIZE");
    }

    @Test
    void jsonNestedDeeperThanTwenty() {
        assertNothingWritten(writePath.logRound(with(good(2), "metadata", nested(21))), "BAD_REQUEST",
                "input.metadata", "MAX_DEPTH");
        ok(writePath.logRound(with(good(2), "metadata", nested(20))));
    }

    @Test
    void outcomeRules() {
        assertNothingWritten(writePath.logRound(with(good(2), "cashoutMultiplier", null)), "BAD_REQUEST",
                "input.cashoutMultiplier", "REQUIRED_FOR_WIN");
        assertNothingWritten(writePath.logRound(with(good(2), "cashoutMultiplier", "2.50")), "BAD_REQUEST",
                "input.cashoutMultiplier", "CASHOUT_NOT_ABOVE_CRASH");
        assertNothingWritten(writePath.logRound(round(2, "SKIP", "10", "2.0", null)), "BAD_REQUEST",
                "input.stakeValue", "SKIP_HAS_NO_STAKE");
        assertNothingWritten(writePath.logRound(round(2, "LOSS", "0", "1.2", null)), "BAD_REQUEST",
                "input.stakeValue", "BET_NEEDS_STAKE");
        assertNothingWritten(writePath.logRound(round(2, "LOSS", "10", "1.2", "1.1")), "BAD_REQUEST",
                "input.cashoutMultiplier", "NO_CASHOUT_ON_LOSS");
    }

    @Test
    void aProfitLossThatContradictsTheOutcome() {
        // a WIN of 10 at 1.33x makes 3.30, not 4
        GraphQlResponse response = writePath.logRound(with(good(2), "profitLoss", "4"));

        assertNothingWritten(response, "BAD_REQUEST", "input.profitLoss", "PROFIT_LOSS_MATCHES_OUTCOME");
        assertThat(response.errors().get(0).path("message").asString()).contains("3.3");
        // a LOSS of 10 loses 10, not 9
        assertNothingWritten(writePath.logRound(with(round(2, "LOSS", "10", "1.2", null), "profitLoss", "-9")),
                "BAD_REQUEST", "input.profitLoss", "PROFIT_LOSS_MATCHES_OUTCOME");
    }

    @Test
    void everyBrokenRuleOfARoundIsReportedAtOnce() {
        GraphQlResponse response = writePath.logRound(with(good(2), "stakeValue", "-1", "crashMultiplier", "0.5",
                "ocrText", "a\u0000", "retryCount", -1));

        assertThat(response.errors()).extracting(e -> e.path("extensions").path("field").asString())
                .contains("input.stakeValue", "input.crashMultiplier", "input.ocrText", "input.retryCount");
        assertThat(writePath.rowCounts()).isEqualTo(before);
    }

    @Test
    void aBatchOverAThousandRounds() {
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            rounds.add(round(100 + i, "SKIP", null, "2", null));
        }

        assertNothingWritten(writePath.logRounds(rounds), "BAD_REQUEST", "input.rounds", "MAX_ITEMS");
    }

    @Test
    void oneBadRoundRejectsTheBatchAndEveryBadRoundIsNamedByIndex() {
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rounds.add(round(10 + i, "LOSS", "5", "1.10", null));
        }
        rounds.set(3, with(rounds.get(3), "stakeValue", "-5"));
        rounds.set(7, with(rounds.get(7), "crashMultiplier", "0.9", "ocrConfidence", 2.0));

        GraphQlResponse response = writePath.logRounds(rounds);

        assertThat(response.errors()).extracting(e -> e.path("extensions").path("field").asString())
                .containsExactlyInAnyOrder("input.rounds[3].stakeValue", "input.rounds[7].crashMultiplier",
                        "input.rounds[7].ocrConfidence");
        assertThat(writePath.rowCounts()).isEqualTo(before);
        assertThat(writePath.session(WritePath.SESSION)).isEqualTo(sessionBefore);
    }

    @Test
    void problemsFoundAgainstStoredDataAreNamedByIndexToo() {
        List<Map<String, Object>> rounds = new ArrayList<>();
        rounds.add(round(20, "SKIP", null, "2", null));
        rounds.add(with(round(21, "SKIP", null, "2", null), "sessionId", "no_such_session"));
        rounds.add(with(good(1), "crashMultiplier", "9.99"));   // round 1 is stored with crash 2.45
        rounds.add(round(22, "SKIP", null, "2", null));

        GraphQlResponse response = writePath.logRounds(rounds);

        refused(response, "NOT_FOUND", "input.rounds[1].sessionId", "MUST_EXIST");
        refused(response, "CONFLICT", "input.rounds[2].roundNumber", "CONFLICT");
        assertThat(response.errors()).hasSize(2);
        assertThat(writePath.rowCounts()).isEqualTo(before);
    }

    private void assertNothingWritten(GraphQlResponse response, String classification, String field, String rule) {
        JsonNode errors = refused(response, classification, field, rule);
        assertThat(errors.get(0).path("message").asString()).startsWith(field);
        assertThat(writePath.rowCounts()).as("row counts after a refused request").isEqualTo(before);
        assertThat(writePath.session(WritePath.SESSION).path("totals")).isEqualTo(sessionBefore.path("totals"));
    }

    private static Object nested(int depth) {
        Object tree = "leaf";
        for (int i = 0; i < depth; i++) {
            tree = List.of(tree);
        }
        return tree;
    }
}
