package com.crashanalytics.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import com.crashanalytics.simulator.play.GameTable;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void noOptionsIsTheDemoSizedOfflineRun() {
        SimulatorOptions options = SimulatorOptions.parse(new String[0]);

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
        assertThat(options.help()).isFalse();
    }

    @Test
    void readsBothSpellingsOfAnOption() {
        SimulatorOptions options = SimulatorOptions.parse(new String[] {
                "--gateway-url", "http://localhost:8080", "--bots=2", "--rounds", "50", "--games=aviator@x",
                "--seed", "-7", "--skip-below=0.4", "--start", "2026-11-23T10:00:00Z", "--base-stake", "0.5",
                "--strategies", "fixed:1.5, martingale:2:4"});

        assertThat(options.gatewayUrl()).isEqualTo("http://localhost:8080");
        assertThat(options.bots()).isEqualTo(2);
        assertThat(options.roundsPerSession()).isEqualTo(50);
        assertThat(options.tables()).containsExactly(new GameTable("aviator", "x"));
        assertThat(options.seed()).isEqualTo(-7);
        assertThat(options.skipBelow()).isEqualTo(0.4);
        assertThat(options.startAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(options.baseStake()).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(options.strategies()).containsExactly("fixed:1.5", "martingale:2:4");
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
        assertRefused("unexpected argument 'extra'", "extra");
    }

    private static void assertRefused(String message, String... args) {
        assertThatThrownBy(() -> SimulatorOptions.parse(args)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
