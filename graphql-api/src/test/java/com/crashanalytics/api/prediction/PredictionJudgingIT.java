package com.crashanalytics.api.prediction;

import static com.crashanalytics.api.prediction.PredictionFixture.BOT_A;
import static com.crashanalytics.api.prediction.PredictionFixture.BOT_B;
import static com.crashanalytics.api.prediction.PredictionFixture.at;
import static com.crashanalytics.api.prediction.PredictionFixture.prediction;
import static com.crashanalytics.api.prediction.PredictionFixture.with;
import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Predictions judged over HTTP as bots log the game's rounds: hit, miss, expiry, duplicate reports of one game round
 * by two bots, late rounds, and a prediction that arrives after the rounds deciding it. Every verdict is read back as
 * soon as the logRound that decides it has answered: judging is part of that request.
 */
@GatewayIntegrationTest
class PredictionJudgingIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    PredictionFixture game;

    @BeforeEach
    void twoBotsWatchTheGame() {
        game = new PredictionFixture(port, jdbc).twoBotsWatching();
    }

    /**
     * "A ≥ 10x round within 3 rounds" at T0. Game rounds g1 (2x), g2 (1.5x), g3 (12x). Both bots log g1: it is one
     * game round, so after g2 the prediction has seen 2 rounds, not 3 (counted twice, it would have been a MISS).
     * g3, logged by bot B, is the 3rd game round and reaches 10x: HIT at position 3.
     */
    @Test
    void aHitIsJudgedOnGameRoundsCountedOnceHoweverManyBotsLoggedThem() {
        game.logged(with(prediction("p1", "WITHIN_ROUNDS", "10", 0.7, 0), "withinRounds", 3));

        game.logs(BOT_A, "g1", 1, "2.00");
        game.logs(BOT_B, "g1", 1.02, "2.00");
        game.logs(BOT_A, "g2", 2, "1.50");
        assertThat(game.prediction("p1").path("status").asString()).isEqualTo("PENDING");

        String g3 = game.logs(BOT_B, "g3", 3, "12.00");

        JsonNode judged = game.prediction("p1");
        assertThat(judged.path("status").asString()).isEqualTo("HIT");
        assertThat(judged.path("roundsObserved").asInt()).isEqualTo(3);
        assertThat(judged.path("firstHitAfterRounds").asInt()).isEqualTo(3);
        assertThat(judged.path("decidingRoundId").asString()).isEqualTo(g3);
        assertThat(judged.path("judgedAt").isNull()).isFalse();
        // bot A logging g3 too changes nothing: it is decided, and g3 is counted once anyway
        game.logs(BOT_A, "g3", 3.01, "12.00");
        assertThat(game.prediction("p1").path("decidingRoundId").asString()).isEqualTo(g3);
    }

    /** NEXT_ROUND at 3x, then a 2x round: MISS. "Within 2 rounds" at 100x with a deadline at 1.5 min: EXPIRED by a
     * round at minute 2, having seen 1 round. */
    @Test
    void aMissAndAnExpiry() {
        game.logged(prediction("next", "NEXT_ROUND", "3", 0.6, 0));
        game.logged(with(prediction("late", "WITHIN_ROUNDS", "100", 0.2, 0), "withinRounds", 2,
                "expiresAt", at(1.5)));

        game.logs(BOT_A, "g1", 1, "2.00");
        JsonNode miss = game.prediction("next");
        assertThat(miss.path("status").asString()).isEqualTo("MISS");
        assertThat(miss.path("roundsObserved").asInt()).isEqualTo(1);
        assertThat(miss.path("firstHitAfterRounds").isNull()).isTrue();
        assertThat(game.prediction("late").path("status").asString()).isEqualTo("PENDING");

        game.logs(BOT_A, "g2", 2, "500.00");
        JsonNode expired = game.prediction("late");
        assertThat(expired.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.path("roundsObserved").asInt()).isEqualTo(1);
    }

    /** A GAP in [2, 3] at 10x: g1 1x, g2 1x, g3 10x: the first hit at 3, inside: HIT; with a gap of [1, 1]: MISS. */
    @Test
    void aGapIsJudgedByThePositionOfTheFirstHit() {
        game.logged(with(prediction("gap", "GAP", "10", 0.3, 0), "gapFrom", 2, "gapTo", 3, "predictedGap", "2.5"));
        game.logged(with(prediction("gap1", "GAP", "10", 0.3, 0), "gapFrom", 1, "gapTo", 1, "predictedGap", 1));

        game.logs(BOT_A, "g1", 1, "1.00");
        assertThat(game.prediction("gap1").path("status").asString()).isEqualTo("MISS");
        game.logs(BOT_A, "g2", 2, "1.00");
        game.logs(BOT_A, "g3", 3, "10.00");

        JsonNode judged = game.prediction("gap");
        assertThat(judged.path("status").asString()).isEqualTo("HIT");
        assertThat(judged.path("firstHitAfterRounds").asInt()).isEqualTo(3);
        assertThat(judged.path("horizonRounds").asInt()).isEqualTo(3);
    }

    /**
     * Late rounds, "within 2 rounds" at 10x made at minute 0:
     * a 50x round that started before it (minute −1), logged after it, never counts; r3 (minute 3, 1.5x) is one round;
     * r1 (minute 1, 1.2x) logged late takes its place before r3: two rounds, MISS, decided at position 2 (r3);
     * r2 (minute 2, 50x) logged after the verdict would have made it a HIT at position 2, but a verdict is final.
     */
    @Test
    void lateRoundsCountInPlayOrderUntilTheVerdictWhichIsFinal() {
        game.logged(with(prediction("w2", "WITHIN_ROUNDS", "10", 0.4, 0), "withinRounds", 2));

        game.logs(BOT_A, "before", -1, "50.00");
        String r3 = game.logs(BOT_A, "r3", 3, "1.50");
        assertThat(game.prediction("w2").path("status").asString()).isEqualTo("PENDING");
        game.logs(BOT_B, "r1", 1, "1.20");

        JsonNode judged = game.prediction("w2");
        assertThat(judged.path("status").asString()).isEqualTo("MISS");
        assertThat(judged.path("roundsObserved").asInt()).isEqualTo(2);
        assertThat(judged.path("decidingRoundId").asString()).isEqualTo(r3);

        game.logs(BOT_B, "r2", 2, "50.00");
        assertThat(game.prediction("w2").path("status").asString()).isEqualTo("MISS");
    }

    /** The rounds after madeAt were logged before the prediction arrived: logPrediction answers the verdict. */
    @Test
    void aPredictionArrivingAfterItsRoundsIsJudgedWhenLogged() {
        game.logs(BOT_A, "g1", 1, "1.50");
        game.logs(BOT_A, "g2", 2, "30.00");

        JsonNode hit = game.logged(with(prediction("after", "WITHIN_ROUNDS", "10", 0.5, 0.5), "withinRounds", 5));
        JsonNode pending = game.logged(with(prediction("open", "WITHIN_ROUNDS", "10", 0.5, 2.5), "withinRounds", 5));

        assertThat(hit.path("status").asString()).isEqualTo("HIT");
        assertThat(hit.path("firstHitAfterRounds").asInt()).isEqualTo(2);
        assertThat(pending.path("status").asString()).isEqualTo("PENDING");
    }

    /** A refused logRounds writes nothing, so it judges nothing either: the verdict belongs to its transaction. */
    @Test
    void aRefusedRequestJudgesNothing() {
        game.logged(prediction("next", "NEXT_ROUND", "2", 0.6, 0));

        var response = game.writePath.logRounds(List.of(game.round(BOT_A, "g1", 1, "5.00"),
                with(game.round(BOT_A, "g2", 2, "1.00"), "sessionId", "no_such_session")));

        assertThat(response.hasErrors()).isTrue();
        assertThat(game.prediction("next").path("status").asString()).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM game_predictions WHERE judged_at IS NOT NULL",
                Integer.class)).isZero();
        ok(game.writePath.logRound(game.round(BOT_A, "g1", 1, "5.00")));
        assertThat(game.prediction("next").path("status").asString()).isEqualTo("HIT");
    }

    /**
     * A new prediction and each verdict are live events, written with them; a retry announces nothing. (The live
     * journal outlives a test's clean-up, so only this test's prediction is looked at.)
     */
    @Test
    void aNewPredictionAndItsVerdictAreLiveEvents() {
        game.logged(prediction("announced", "NEXT_ROUND", "2", 0.9, 0));
        ok(game.logPrediction(prediction("announced", "NEXT_ROUND", "2", 0.9, 0)));
        game.logs(BOT_A, "g1", 1, "2.00");

        assertThat(jdbc.queryForList("""
                SELECT kind || ' ' || (payload->>'status') FROM live_event_entries
                WHERE kind LIKE 'PREDICTION%' AND payload->>'predictionId' = 'announced' ORDER BY id""", String.class))
                .containsExactly("PREDICTION_MADE PENDING", "PREDICTION_JUDGED HIT");
    }
}
