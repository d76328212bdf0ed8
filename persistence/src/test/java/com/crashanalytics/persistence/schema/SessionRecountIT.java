package com.crashanalytics.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.crashanalytics.persistence.testing.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * Changeset 0051 recounts the sessions stored before the session totals followed the analytics' definitions. Here
 * a session is stored as the old write path left it, and the changeset's SQL is run over it again (it is a recount:
 * running it twice changes nothing more).
 * <p>
 * The session is the hand-worked ten-round one (C = 1000, see {@code TenRoundSessionIT}) with a misread balance at
 * round 9 (978.30 before, 981.60 after) carried into round 10 (1056.60 after). The old write path followed the
 * reported balance: peak 1056.60, max drawdown 140 (1015 → 875) at 13.7931 %. On the equity (1000 + cumulative
 * P/L): peak 1015 after round 2, trough 875 after round 8, max drawdown 140 = 140 × 100 / 1015 = 13.793103… →
 * 13.7931 %. Average loss 160 / 3 = 53.333… → 53.33333333; win rate 5 / 8 = 0.625; ROI −46.70 × 100 / 295 =
 * −15.830508… → −15.8305. A second session with rounds that fell to 1 satoshi from C = 2: a tie, 1e-6 × 100 / 2 =
 * 0.00005 % → 0.0001 (half-up; the old half-even stored 0.0000). And a round whose ROI was a tie: an ERROR of
 * +0.0000015 on a stake of 3, 0.0000015 × 100 / 3 = 0.00005 % → 0.0001 (stored as 0.0000).
 */
class SessionRecountIT {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrateAnEmptyDatabase() throws Exception {
        jdbc = new JdbcTemplate(MigratedDatabase.create("recount_test"));
    }

    @Test
    void storedSessionsAreRecountedOnTheEquityAndRoundedHalfUp() throws Exception {
        jdbc.update("INSERT INTO bot_vm_registration (bot_id) VALUES ('bot_1')");
        jdbc.update("INSERT INTO game_platform_config (game_name, platform_code, house_edge_percent) VALUES ('aviator', 'dafabet', 3)");
        // As the old write path stored them: peak and drawdown on the reported balance.
        jdbc.update("""
                INSERT INTO session_logs (session_id, bot_id, game_name, platform_code, start_time, initial_balance,
                    current_balance, peak_balance, max_drawdown, max_drawdown_percent, total_rounds, wins, losses, skips,
                    errors, win_rate, total_staked, total_profit_loss, gross_win, gross_loss, roi_percent, largest_win,
                    largest_loss, average_win, average_loss, last_round_number)
                VALUES ('misread', 'bot_1', 'aviator', 'dafabet', now(), 1000, 1056.60, 1056.60, 140, 13.7931, 10, 5, 3,
                        1, 1, 0.625, 295, -46.70, 113.30, 160, -15.8305, 75, 100, 22.66, 53.33333333, 10),
                       ('tie', 'bot_1', 'aviator', 'dafabet', now(), 2, 1.999999, 2, 0.000001, 0, 1, 0, 1, 0, 0, 0,
                        0.000001, -0.000001, 0, 0.000001, -100, null, 0.000001, null, 0.000001, 1),
                       ('empty', 'bot_1', 'aviator', 'dafabet', now(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0,
                        null, null, null, null, null, null)
                """);
        Object[][] rounds = {
                {1, "WIN", "10", "5.00", null, null}, {2, "WIN", "10", "10.00", null, null},
                {3, "LOSS", "20", "-20", null, null}, {4, "SKIP", "0", "0", null, null},
                {5, "LOSS", "40", "-40", null, null}, {6, "ERROR", "0", "0", null, null},
                {7, "WIN", "80", "20.00", null, null}, {8, "LOSS", "100", "-100", null, null},
                {9, "WIN", "10", "3.30", "978.30", "981.60"}, {10, "WIN", "25", "75.00", "981.60", "1056.60"}};
        for (Object[] round : rounds) {
            insertRound("misread", (int) round[0], (String) round[1], (String) round[2], (String) round[3],
                    (String) round[4], (String) round[5]);
        }
        insertRound("tie", 1, "LOSS", "0.000001", "-0.000001", null, null);
        insertRound("tie", 2, "ERROR", "3", "0.0000015", null, null);
        jdbc.update("UPDATE crash_game_rounds SET roi_percent = 0.0000 WHERE session_id = 'tie' AND round_outcome = 'ERROR'");

        jdbc.execute(changesetSql("db/changelog/0051-recount-session-totals-as-analytics.yaml"));

        Map<String, Object> misread = session("misread");
        assertThat((BigDecimal) misread.get("peak_balance")).isEqualByComparingTo("1015");
        assertThat((BigDecimal) misread.get("max_drawdown")).isEqualByComparingTo("140");
        assertThat((BigDecimal) misread.get("max_drawdown_percent")).isEqualTo(new BigDecimal("13.7931"));
        assertThat((BigDecimal) misread.get("current_balance")).isEqualByComparingTo("1056.60");
        assertThat((BigDecimal) misread.get("win_rate")).isEqualByComparingTo("0.625");
        assertThat((BigDecimal) misread.get("roi_percent")).isEqualByComparingTo("-15.8305");
        assertThat((BigDecimal) misread.get("average_loss")).isEqualByComparingTo("53.33333333");
        Map<String, Object> tie = session("tie");
        assertThat((BigDecimal) tie.get("max_drawdown_percent")).isEqualTo(new BigDecimal("0.0001"));
        assertThat(session("empty").get("max_drawdown_percent")).isNull();
        assertThat(jdbc.queryForObject("SELECT roi_percent FROM crash_game_rounds WHERE session_id = 'tie' AND round_outcome = 'ERROR'",
                BigDecimal.class)).isEqualTo(new BigDecimal("0.0001"));
    }

    private void insertRound(String sessionId, int number, String outcome, String stake, String profitLoss,
                             String balanceBefore, String balanceAfter) {
        jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                    round_start_timestamp, stake_value, profit_loss_amount, round_outcome, content_fingerprint,
                    running_balance_before, running_balance_after, roi_percent)
                VALUES ('bot_1', ?, 'aviator', 'dafabet', ?, now(), CAST(? AS numeric), CAST(? AS numeric), ?, 'f',
                        CAST(? AS numeric), CAST(? AS numeric), NULL)
                """, sessionId, number, stake, profitLoss, outcome, balanceBefore, balanceAfter);
    }

    private Map<String, Object> session(String sessionId) {
        return jdbc.queryForMap("SELECT * FROM session_logs WHERE session_id = ?", sessionId);
    }

    /** The SQL of a changeset file's first change, as Liquibase runs it. */
    @SuppressWarnings("unchecked")
    private static String changesetSql(String resource) throws Exception {
        try (InputStream yaml = SessionRecountIT.class.getClassLoader().getResourceAsStream(resource)) {
            Map<String, Object> root = new Yaml().load(yaml);
            Map<String, Object> changeSet = (Map<String, Object>) ((List<Map<String, Object>>) root.get("databaseChangeLog"))
                    .get(0).get("changeSet");
            Map<String, Object> change = ((List<Map<String, Object>>) changeSet.get("changes")).get(0);
            return (String) ((Map<String, Object>) change.get("sql")).get("sql");
        }
    }
}
