package com.crashanalytics.api.prediction;

import static com.crashanalytics.api.prediction.PredictionFixture.BOT_A;
import static com.crashanalytics.api.prediction.PredictionFixture.at;
import static com.crashanalytics.api.prediction.PredictionFixture.prediction;
import static com.crashanalytics.api.prediction.PredictionFixture.with;
import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.crashanalytics.api.testing.AnotherReplica;
import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.domain.prediction.ExpireOverduePredictionsUseCase.Expiry;
import com.crashanalytics.domain.prediction.OverduePredictionExpiry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * When the game's rounds stop, no round decides a pending prediction: the expiry (every
 * gateway.predictions.expiry-interval, here called directly) judges those pending longer than the grace (5 minutes)
 * after their deadline. Times are minutes after the fixture's T0, two hours ago; read back over HTTP.
 */
@GatewayIntegrationTest
class PredictionExpiryIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PredictionExpirySchedule schedule;

    PredictionFixture game;
    long journalBefore;

    /**
     * "seen-one": made at 20, deadline 30, one game round at 25 (2x, not ≥ 10x). "silent": made at 60, deadline 70,
     * no round after it. "in-grace": made at 116, deadline 117 (three to four minutes ago). All "a 10x round within
     * 5 rounds"; the round at 25 started before "silent" and "in-grace" were made, so it never counts for them.
     */
    @BeforeEach
    void predictionsWhoseGameWentQuiet() {
        game = new PredictionFixture(port, jdbc).twoBotsWatching();
        game.logged(with(prediction("seen-one", "WITHIN_ROUNDS", "10", 0.6, 20), "withinRounds", 5,
                "expiresAt", at(30)));
        game.logs(BOT_A, "g1", 25, "2.00");
        game.logged(with(prediction("silent", "WITHIN_ROUNDS", "10", 0.6, 60), "withinRounds", 5,
                "expiresAt", at(70)));
        game.logged(with(prediction("in-grace", "WITHIN_ROUNDS", "10", 0.6, 116), "withinRounds", 5,
                "expiresAt", at(117)));
        journalBefore = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM live_events", Long.class);
    }

    @Test
    void predictionsPastTheirDeadlineAndTheGraceExpireWithTheRoundsTheySaw() {
        assertThat(game.prediction("seen-one").path("status").asString()).isEqualTo("PENDING");

        Expiry pass = schedule.expireNow();

        assertThat(pass.ran()).isTrue();
        assertThat(pass.verdicts()).hasSize(2);
        JsonNode silent = game.prediction("silent");
        assertThat(silent.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(silent.path("roundsObserved").asInt()).isZero();
        assertThat(silent.path("decidingRoundId").isNull()).isTrue();
        assertThat(silent.path("firstHitAfterRounds").isNull()).isTrue();
        assertThat(silent.path("judgedAt").isNull()).isFalse();
        JsonNode seenOne = game.prediction("seen-one");
        assertThat(seenOne.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(seenOne.path("roundsObserved").asInt()).isEqualTo(1);
        assertThat(seenOne.path("decidingRoundId").isNull()).isTrue();
        assertThat(game.prediction("in-grace").path("status").asString()).isEqualTo("PENDING");
        assertThat(judgedEvents()).isEqualTo(2);
    }

    @Test
    void aSecondPassChangesNothingAndAnnouncesNothing() {
        schedule.expireNow();
        String judgedAt = game.prediction("silent").path("judgedAt").asString();

        assertThat(schedule.expireNow().verdicts()).isEmpty();

        assertThat(game.prediction("silent").path("judgedAt").asString()).isEqualTo(judgedAt);
        assertThat(judgedEvents()).isEqualTo(2);
    }

    @Test
    void anExpiredPredictionStaysExpiredWhenALateRoundArrives() {
        schedule.expireNow();

        game.logs(BOT_A, "g2", 65, "50.00"); // played within "silent"'s window, logged after its expiry: too late

        assertThat(game.prediction("silent").path("status").asString()).isEqualTo("EXPIRED");
        assertThat(judgedEvents()).isEqualTo(2);
    }

    @Test
    void anotherReplicaHoldingTheJobMakesThisOneSkip() throws Exception {
        AnotherReplica.holdingJob(dataSource, OverduePredictionExpiry.JOB, () -> {
            assertThat(schedule.expireNow().ran()).isFalse();
            assertThat(game.prediction("silent").path("status").asString()).isEqualTo("PENDING");
        });
        assertThat(schedule.expireNow().verdicts()).hasSize(2);
    }

    /** The predictionJudged events appended since the set-up (the journal outlives each test's clean-up). */
    private long judgedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM live_event_entries WHERE kind = 'PREDICTION_JUDGED' AND id > ?",
                Long.class, journalBefore);
    }
}
