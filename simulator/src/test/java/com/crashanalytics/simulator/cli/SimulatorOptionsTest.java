package com.crashanalytics.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.crashanalytics.simulator.cli.SimulatorOptions.Command;
import com.crashanalytics.simulator.play.GameTable;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @Test
    void noOptionsIsTheDemoSizedOfflineRun() {
        SimulatorOptions options = parse();

        assertThat(options.command()).isEqualTo(Command.SIMULATE);
        assertThat(options.gatewayUrl()).isNull();
        assertThat(options.bots()).isEqualTo(5);
        assertThat(options.sessionsPerBot()).isEqualTo(3);
        assertThat(options.roundsPerSession()).isEqualTo(500);
        assertThat(options.tables()).containsExactly(new GameTable("aviator", "dafabet"), new GameTable("jetx", "dafabet"),
                new GameTable("aviator", "fun88"), new GameTable("jetx", "fun88"));
        assertThat(options.strategies()).hasSize(5);
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.rtp()).isEqualByComparingTo("0.97");
        assertThat(options.skipBelow()).isNull();
        assertThat(options.start()).isNull();
        assertThat(options.help()).isFalse();
    }

    @Test
    void readsBothSpellingsOfAnOption() {
        SimulatorOptions options = parse("simulate", "--bots=2", "--rounds", "50", "--games=aviator@x",
                "--seed", "-7", "--skip-below=0.4", "--start", "2026-11-23T10:00:00Z", "--base-stake", "0.5",
                "--strategies", "fixed:1.5, martingale:2:4");

        assertThat(options.command()).isEqualTo(Command.SIMULATE);
        assertThat(options.bots()).isEqualTo(2);
        assertThat(options.roundsPerSession()).isEqualTo(50);
        assertThat(options.tables()).containsExactly(new GameTable("aviator", "x"));
        assertThat(options.seed()).isEqualTo(-7);
        assertThat(options.skipBelow()).isEqualTo(0.4);
        assertThat(options.start()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(options.baseStake()).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(options.strategies()).containsExactly("fixed:1.5", "martingale:2:4");
    }

    @Test
    void theDemoTalksToLocalhostByDefaultWithTheAdminKeyOfTheEnvironment() {
        SimulatorOptions options = SimulatorOptions.parse(new String[] {"demo"},
                Map.of("GATEWAY_ADMIN_KEY", "cag_admin"));

        assertThat(options.command()).isEqualTo(Command.DEMO);
        assertThat(options.gatewayUrl()).isEqualTo("http://localhost:8080");
        assertThat(options.apiKey()).isEqualTo("cag_admin");
        assertThat(options.botKey()).isNull();
        assertThat(options.bots()).isEqualTo(5);
        assertThat(options.batch()).isEqualTo(100);
        assertThat(options.heartbeatSeconds()).isEqualTo(15);
    }

    @Test
    void anApiKeyGivenBeatsTheEnvironment() {
        SimulatorOptions options = SimulatorOptions.parse(new String[] {"demo", "--api-key", "cag_given",
                "--gateway-url", "http://gw:9090", "--batch", "1", "--heartbeat-seconds", "5"}, Map.of("GATEWAY_ADMIN_KEY", "cag_admin"));

        assertThat(options.apiKey()).isEqualTo("cag_given");
        assertThat(options.gatewayUrl()).isEqualTo("http://gw:9090");
        assertThat(options.batch()).isEqualTo(1);
        assertThat(options.heartbeatSeconds()).isEqualTo(5);
    }

    @Test
    void severalGatewayReplicasAreGivenCommaSeparated() {
        SimulatorOptions options = SimulatorOptions.parse(new String[] {"demo", "--api-key", "cag_given",
                "--gateway-url", "http://gw1:8080, http://gw2:8080/graphql,"}, Map.of());

        assertThat(options.gatewayUrls()).containsExactly("http://gw1:8080", "http://gw2:8080/graphql");
        assertThat(SimulatorOptions.parse(new String[] {"demo", "--api-key", "k"}, Map.of()).gatewayUrls())
                .containsExactly("http://localhost:8080");
    }

    @Test
    void helpNeedsNoKey() {
        assertThat(parse("demo", "--help").help()).isTrue();
        assertThat(parse("--help").help()).isTrue();
    }

    @Test
    void aBotKeyPlaysItsOneBot() {
        SimulatorOptions options = parse("demo", "--bot-key", "cag_bot", "--bot-id", "my-bot");

        assertThat(options.botKey()).isEqualTo("cag_bot");
        assertThat(options.apiKey()).isNull();
        assertThat(options.bots()).isEqualTo(1);
        assertThat(options.botId()).isEqualTo("my-bot");
        assertThat(SimulatorCli.bots(options)).extracting(bot -> bot.botId()).containsExactly("my-bot");
    }

    @Test
    void namesTheOptionInEveryComplaint() {
        assertRefused("unknown option --bot", "--bot", "3");
        assertRefused("--rounds needs a value", "--rounds");
        assertRefused("--bots must be a positive whole number", "--bots", "0");
        assertRefused("--seed must be a whole number", "--seed", "abc");
        assertRefused("--error-rate must be between 0 and 1", "--error-rate", "1.5");
        assertRefused("--rtp must be a decimal number", "--rtp", "high");
        assertRefused("expected game@platform", "--games", "aviator");
        assertRefused("--start must be an ISO-8601 instant", "--start", "yesterday");
        assertRefused("--games needs at least one item", "--games", " , ");
        assertRefused("unexpected argument 'extra'; the commands are simulate and demo", "extra");
        assertRefused("unexpected argument 'demo'", "--bots", "2", "demo");
    }

    @Test
    void refusesWhatTheCommandCannotDo() {
        assertRefused("--gateway-url is for the demo command", "--gateway-url", "http://localhost:8080");
        assertRefused("--api-key is for the demo command", "simulate", "--api-key", "cag_x");
        assertRefused("the demo needs a key: --api-key KEY (or GATEWAY_ADMIN_KEY)", "demo");
        assertRefused("--bot-key is one bot's key, so it plays one bot, not --bots 3", "demo", "--bot-key", "k",
                "--bots", "3");
        assertRefused("--bot-id names the bot of --bot-key", "demo", "--api-key", "k", "--bot-id", "b");
        assertRefused("--batch is at most 1000 rounds", "demo", "--api-key", "k", "--batch", "1001");
        assertRefused("--batch must be a positive whole number", "demo", "--api-key", "k", "--batch", "0");
        assertRefused("--heartbeat-seconds must be a positive whole number", "demo", "--api-key", "k",
                "--heartbeat-seconds", "0");
    }

    private static SimulatorOptions parse(String... args) {
        return SimulatorOptions.parse(args, NO_ENVIRONMENT);
    }

    private static void assertRefused(String message, String... args) {
        assertThatThrownBy(() -> parse(args)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
