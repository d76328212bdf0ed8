package com.crashanalytics.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.persistence.testing.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Changeset 0370 on a database in use: bots registered before it (which knew nothing of paper money) become LIVE,
 * as a bot that says nothing plays real money; their other columns stay as they were; afterwards a bot may be
 * registered PAPER, and nothing else than PAPER or LIVE is stored.
 */
class TradeTypeMigrationIT {

    @Test
    void botsRegisteredBeforeTheMigrationBecomeLive() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(MigratedDatabase.migratedAcross("trade_type_migration_test",
                "0370-add-bot-trade-type", before -> new JdbcTemplate(before).update(
                        "INSERT INTO bot_vm_registration (bot_id, strategy_name, base_stake) "
                                + "VALUES ('old_bot_1', 'martingale', 10), ('old_bot_2', NULL, NULL)")));

        assertThat(jdbc.queryForList("SELECT bot_id, strategy_name, base_stake::text AS base_stake, trade_type "
                + "FROM bot_vm_registration ORDER BY bot_id")).containsExactly(
                Map.of("bot_id", "old_bot_1", "strategy_name", "martingale", "base_stake", "10.00000000",
                        "trade_type", "LIVE"),
                mapWithNulls("old_bot_2"));
        jdbc.update("INSERT INTO bot_vm_registration (bot_id, trade_type) VALUES ('new_paper_bot', 'PAPER')");
        assertThat(jdbc.queryForObject("SELECT trade_type FROM bot_vm_registration WHERE bot_id = 'new_paper_bot'",
                String.class)).isEqualTo("PAPER");
        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO bot_vm_registration (bot_id, trade_type) VALUES ('optimizer', 'OPTIM')"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static Map<String, Object> mapWithNulls(String botId) {
        Map<String, Object> row = new HashMap<>();
        row.put("bot_id", botId);
        row.put("strategy_name", null);
        row.put("base_stake", null);
        row.put("trade_type", "LIVE");
        return row;
    }
}
