package com.crashanalytics.api.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two edges the README decides (section "Errors"): what the gateway accepts there, as a bot would meet it. */
@GatewayIntegrationTest
class RoundsAndKeysAtTheEdgesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private GraphQlClient admin;

    @BeforeEach
    void connect() {
        admin = new GraphQlClient(port);
    }

    /**
     * A session starts when the gateway receives startSession; a bot restarted mid-game, or sending what it logged
     * while the gateway was away, has rounds from before that. They are accepted with the bot's own times (the bot's
     * clock is what its rounds are ordered by), and count in the session.
     */
    @Test
    void aRoundThatStartedBeforeItsSessionIsAcceptedWithItsOwnTime() {
        new WritePath(admin, jdbc).activeSession();
        OffsetDateTime anHourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS);

        GraphQlResponse logged = admin.execute(WritePath.LOG_ROUND, Map.of("input", WritePath.with(
                WritePath.round(1, "WIN", "10.00", "2.50", "2.00"), "roundStartTimestamp", anHourAgo.toString())));

        assertThat(logged.hasErrors()).as(logged.body()).isFalse();
        assertThat(jdbc.queryForObject("select round_start_timestamp < (select start_time from session_logs)"
                + " from crash_game_rounds", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select total_rounds from session_logs", Integer.class)).isEqualTo(1);
    }

    /**
     * An operator issues a bot's key before the bot first runs; the bot then registers itself with it. So a BOT key
     * may name a bot id that is not registered yet, and it registers that bot and no other.
     */
    @Test
    void aBotKeyMayBeIssuedBeforeItsBotRegistersAndRegistersOnlyThatBot() {
        String key = new TestApiKeys(port).bot("not_yet_registered");
        GraphQlClient bot = GraphQlClient.anonymous(port).withApiKey(key);
        String register = "mutation($input: RegisterBotInput!) { registerBot(input: $input) { registration } }";

        GraphQlResponse own = bot.execute(register, Map.of("input", Map.of("botId", "not_yet_registered",
                "strategyName", "fixed_2x", "initialBalance", "100", "baseStake", "1", "maxStake", "2")));
        GraphQlResponse other = bot.execute(register, Map.of("input", Map.of("botId", "someone_else",
                "strategyName", "fixed_2x", "initialBalance", "100", "baseStake", "1", "maxStake", "2")));

        assertThat(own.data("registerBot.registration").asString()).as(own.body()).isEqualTo("CREATED");
        assertThat(other.classifications()).containsExactly("FORBIDDEN");
        assertThat(jdbc.queryForList("select bot_id from bot_vm_registration", String.class))
                .containsExactly("not_yet_registered");
    }
}
