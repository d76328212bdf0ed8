package com.crashanalytics.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.ReadFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An argument with a default value, sent as null (a literal {@code null} or a variable sent as null), answers as if it
 * had been left out: its default. The ten of them the controllers read as plain numbers answered an internal error
 * before. The fixture: bot {@code alpha}, one session of 25 rounds alternating WIN and LOSS on aviator/dafabet, and
 * eleven more bots of one round each, so {@code resume}'s default of 20 rounds and the leaderboard's default of 10
 * places have something to cut.
 */
@GatewayIntegrationTest
class NullArgumentsIT {

    private static final Instant START = Instant.parse("2026-11-20T01:00:00Z");

    @LocalServerPort
    int port;

    GraphQlClient client;

    @BeforeEach
    void aSessionOfTwentyFiveRounds() {
        client = new GraphQlClient(port);
        ReadFixtures fixtures = new ReadFixtures(client).bot("alpha", "martingale").platform("aviator", "dafabet");
        fixtures.session("alpha", "a1", "aviator", "dafabet", null, START);
        for (int n = 1; n <= 25; n++) {
            fixtures.queue(ReadFixtures.round("alpha", "a1", n, n % 2 == 0 ? "LOSS" : "WIN", START.plusSeconds(60L * n)));
        }
        for (int bot = 2; bot <= 12; bot++) {
            fixtures.bot("bot" + bot, "flat").session("bot" + bot, "s" + bot, "aviator", "dafabet", null, START)
                    .queue(ReadFixtures.round("bot" + bot, "s" + bot, 1, "WIN", START.plusSeconds(30)));
        }
        fixtures.flush();
    }

    /** Each row: the field's document with the argument sent as null, then the same with the argument left out. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            resume(botId: "alpha", lastRounds: null) { lastRounds { roundNumber } }                            | resume(botId: "alpha") { lastRounds { roundNumber } }
            leaderboard(first: null, metric: null) { botId rounds }                                           | leaderboard { botId rounds }
            signalEffectiveness(buckets: null) { signalType buckets { index } }                                | signalEffectiveness { signalType buckets { index } }
            riskOfRuin(botId: "alpha", rounds: null, simulations: null, seed: null) { rounds probabilityOfRuin }  | riskOfRuin(botId: "alpha") { rounds probabilityOfRuin }
            platformIntegrity(game: "aviator", platform: "dafabet", target: null, shift: null, threshold: null, tolerance: null, largestDisagreements: null) { payout { target shift threshold } ocrAgreement { tolerance } } | platformIntegrity(game: "aviator", platform: "dafabet") { payout { target shift threshold } ocrAgreement { tolerance } }
            streaks(game: "aviator", platform: "dafabet", threshold: null) { threshold recentHits(last: null) { gapBefore } } | streaks(game: "aviator", platform: "dafabet") { threshold recentHits { gapBefore } }
            bots(first: null, direction: null) { totalCount edges { node { botId } } }                          | bots { totalCount edges { node { botId } } }
            """)
    void anArgumentSentAsNullTakesItsDefault(String withNull, String leftOut) {
        GraphQlResponse sentAsNull = client.execute("{ " + withNull + " }");
        GraphQlResponse omitted = client.execute("{ " + leftOut + " }");

        assertThat(omitted.hasErrors()).as(omitted.body()).isFalse();
        assertThat(sentAsNull.hasErrors()).as(sentAsNull.body()).isFalse();
        assertThat(sentAsNull.json().get("data")).isEqualTo(omitted.json().get("data"));
    }

    @Test
    void theDefaultsCutWhatTheyShouldSoTheComparisonMeansSomething() {
        assertThat(client.execute("{ resume(botId: \"alpha\", lastRounds: null) { lastRounds { roundNumber } } }")
                .data("resume").get("lastRounds")).hasSize(20);
        assertThat(client.execute("{ leaderboard(first: null) { botId } }").data("leaderboard")).hasSize(10);
    }

    @Test
    void aVariableSentAsNullTakesTheArgumentsDefaultToo() {
        Map<String, Object> nothing = new HashMap<>();
        nothing.put("last", null);
        GraphQlResponse answer = client.execute(
                "query($last: Int) { resume(botId: \"alpha\", lastRounds: $last) { lastRounds { roundNumber } } }",
                nothing);

        assertThat(answer.hasErrors()).as(answer.body()).isFalse();
        assertThat(answer.data("resume").get("lastRounds")).hasSize(20);
        assertThat(answer.data("resume").get("lastRounds").get(0).get("roundNumber").asInt()).isEqualTo(6);
    }
}
