package com.crashanalytics.persistence.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.domain.session.FleetActivityReadModel.BotActivity;
import com.crashanalytics.persistence.testing.AnalyticsFixtures;
import com.crashanalytics.persistence.testing.DatabaseCleaner;
import com.crashanalytics.persistence.testing.MigratedDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The most recently active bots and the start of each one's newest round, which the read looks for from the bot's
 * newest hour in equity_segments_hourly: right when the rollup is, and still right when the rollup claims a later hour
 * than the rounds have (rounds gone as retention retires them, which leaves the rollups as they are).
 */
class FleetActivityIT {

    private static final Instant MARCH = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant OCTOBER = Instant.parse("2026-10-14T22:59:59Z");

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static JdbcFleetActivityReadModel fleet;

    @BeforeAll
    static void migrateADatabase() {
        dataSource = MigratedDatabase.pooled("fleet_activity_test");
        jdbc = new JdbcTemplate(dataSource);
        fleet = new JdbcFleetActivityReadModel(JdbcClient.create(jdbc));
    }

    @AfterAll
    static void closeThePool() {
        dataSource.close();
    }

    /** "early" played in March; "late" in March and October (two partitions); "idle" never played. */
    @BeforeEach
    void threeBots() {
        DatabaseCleaner.clean(dataSource);
        AnalyticsFixtures fixtures = new AnalyticsFixtures(jdbc).platform("aviator", "spribe", "3");
        for (String bot : List.of("early", "late", "idle")) {
            fixtures.bot(bot, "flat_2x");
        }
        fixtures.session("early_s", "early", "aviator", "spribe", "flat_2x", "100");
        fixtures.session("late_s", "late", "aviator", "spribe", "flat_2x", "100");
        fixtures.round("early_s", MARCH, RoundOutcome.WIN, "10", "10", null, null, null);
        fixtures.round("early_s", MARCH.plusSeconds(90), RoundOutcome.LOSS, "10", "-10", null, null, null);
        fixtures.round("late_s", MARCH.plusSeconds(30), RoundOutcome.LOSS, "10", "-10", null, null, null);
        fixtures.round("late_s", OCTOBER, RoundOutcome.WIN, "10", "10", null, null, null);
        fixtures.round("late_s", OCTOBER.minusSeconds(600), RoundOutcome.WIN, "10", "10", null, null, null); // late
        jdbc.update("UPDATE bot_vm_registration SET last_heartbeat_at = ? WHERE bot_id = 'idle'",
                Timestamp.from(MARCH.plusSeconds(60)));
    }

    @Test
    void eachBotsNewestRoundInOrderOfLastActivity() {
        assertThat(fleet.mostRecentlyActiveBots(10)).containsExactly(
                new BotActivity("late", OCTOBER, null),
                new BotActivity("early", MARCH.plusSeconds(90), null),
                new BotActivity("idle", null, MARCH.plusSeconds(60)));
        assertThat(fleet.mostRecentlyActiveBots(1)).extracting(BotActivity::botId).containsExactly("late");
    }

    @Test
    void roundsRetiredFromUnderTheirNewestHourStillLeaveTheNewestRoundRight() {
        jdbc.execute("""
                DO $$ BEGIN
                    PERFORM set_config('crash_analytics.retiring_rounds', 'on', true);
                    DELETE FROM crash_game_rounds WHERE bot_id = 'late' AND round_start_timestamp >= '2026-10-01';
                END $$""");
        assertThat(jdbc.queryForObject("SELECT max(hour) FROM equity_segments_hourly WHERE bot_id = 'late'",
                Instant.class)).as("the rollup keeps the retired hour").isEqualTo(Instant.parse("2026-10-14T22:00:00Z"));

        assertThat(fleet.mostRecentlyActiveBots(10)).containsExactly(
                new BotActivity("early", MARCH.plusSeconds(90), null),
                new BotActivity("idle", null, MARCH.plusSeconds(60)),
                new BotActivity("late", MARCH.plusSeconds(30), null));
    }
}
