package com.crashanalytics.persistence.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/** What a round needs before it can be stored: the bot {@code bot_1}, the platform aviator/dafabet and open sessions. */
public final class BotSessions {

    private BotSessions() {
    }

    /** Inserts {@code bot_1}, the aviator/dafabet platform (3 % house edge) and the bot's sessions, each at 1000. */
    public static void insertBotWithSessions(JdbcTemplate jdbc, String... sessionIds) {
        jdbc.update("INSERT INTO bot_vm_registration (bot_id) VALUES ('bot_1')");
        jdbc.update("INSERT INTO game_platform_config (game_name, platform_code, house_edge_percent) VALUES ('aviator', 'dafabet', 3)");
        for (String session : sessionIds) {
            jdbc.update("""
                    INSERT INTO session_logs (session_id, bot_id, game_name, platform_code, start_time,
                                              initial_balance, current_balance, peak_balance)
                    VALUES (?, 'bot_1', 'aviator', 'dafabet', now(), 1000, 1000, 1000)
                    """, session);
        }
    }
}
