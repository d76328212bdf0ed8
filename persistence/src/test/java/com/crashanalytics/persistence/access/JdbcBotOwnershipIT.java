package com.crashanalytics.persistence.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.crashanalytics.domain.access.OwnedResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.crashanalytics.persistence.testing.MigratedDatabase;

/** Sessions and rounds lead back to their bot; unknown ids and ids of the wrong shape lead nowhere. */
class JdbcBotOwnershipIT {

    private static final String ROUND_ID = "0193a6f2-7c1e-7000-8000-000000000001";
    private static JdbcBotOwnership ownership;

    @BeforeAll
    static void oneSessionAndOneRound() {
        DataSource dataSource = MigratedDatabase.create("ownership_test");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO bot_vm_registration (bot_id) VALUES ('bot_a'), ('bot_b')").update();
        jdbc.sql("INSERT INTO game_platform_config (game_name, platform_code, house_edge_percent) VALUES ('aviator', 'demo', 3)").update();
        jdbc.sql("""
                INSERT INTO session_logs (session_id, bot_id, game_name, platform_code, start_time,
                                          initial_balance, current_balance, peak_balance)
                VALUES ('s_a', 'bot_a', 'aviator', 'demo', now(), 100, 100, 100),
                       ('s_b', 'bot_b', 'aviator', 'demo', now(), 100, 100, 100)
                """).update();
        jdbc.sql("""
                INSERT INTO crash_game_rounds (id, bot_id, session_id, game_name, platform_code, round_number,
                                               round_start_timestamp, stake_value, profit_loss_amount,
                                               round_outcome, content_fingerprint)
                VALUES (:id::uuid, 'bot_b', 's_b', 'aviator', 'demo', 1, now(), 1, -1, 'LOSS', 'f')
                """).param("id", ROUND_ID).update();
        ownership = new JdbcBotOwnership(jdbc);
    }

    @Test
    void sessionsLeadToTheirBots() {
        assertThat(ownership.ownersOf(OwnedResource.SESSION, List.of("s_a", "s_b", "nope")))
                .isEqualTo(Map.of("s_a", "bot_a", "s_b", "bot_b"));
    }

    @Test
    void roundsLeadToTheirBotsWhateverTheCaseOfTheirId() {
        assertThat(ownership.ownersOf(OwnedResource.ROUND, List.of(ROUND_ID.toUpperCase(), "not-a-uuid",
                "0193a6f2-7c1e-7000-8000-000000000002")))
                .isEqualTo(Map.of(ROUND_ID.toUpperCase(), "bot_b"));
    }

    @Test
    void noIdsNoQuery() {
        assertThat(ownership.ownersOf(OwnedResource.ROUND, List.of())).isEmpty();
    }
}
