package com.crashanalytics.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The command line end to end, offline: what it prints and how it fails. */
class SimulatorCliTest {

    private static final String[] SMALL = {"--bots", "3", "--sessions", "2", "--rounds", "100", "--seed", "5",
            "--start", "2026-11-23T10:00:00Z"};

    @Test
    void printsALinePerBotATotalAndTheObservedFigures() {
        Run run = run(SMALL);

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("sim-bot-01", "fixed_1.33x", "sim-bot-02", "fixed_2x", "sim-bot-03",
                "martingale_2x_cap3", "all bots", "P(>=2x)", "theory 48.5%", "OCR misreads", "signal Brier");
        assertThat(run.out().lines().filter(line -> line.startsWith("sim-bot-"))).hasSize(3);
    }

    @Test
    void theSameSeedPrintsTheSameSummaryAndAnotherSeedAnother() {
        assertThat(run(SMALL).out()).isEqualTo(run(SMALL).out());
        String[] otherSeed = SMALL.clone();
        otherSeed[7] = "6";
        assertThat(run(otherSeed).out()).isNotEqualTo(run(SMALL).out());
    }

    @Test
    void helpPrintsTheOptions() {
        Run run = run("--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("--gateway-url", "--sessions", "--strategies", "--seed");
    }

    @Test
    void badOptionsExitWithStatus2AndSayWhy() {
        Run run = run("--bots", "none");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--bots must be a whole number", "--help");
        assertThat(run.out()).isEmpty();

        assertThat(run("--strategies", "kelly").err()).contains("cannot read strategy 'kelly'");
        assertThat(run("--base-stake", "500").err()).contains("must lie between minStake");
        assertThat(run("--rtp", "1.5").status()).isEqualTo(2);
    }

    @Test
    void aGatewayThatDoesNotAnswerExitsWithStatus1BeforeSimulating() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Run run = run("demo", "--gateway-url", "http://localhost:" + closedPort, "--api-key", "cag_test", "--bots",
                "1", "--rounds", "10");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("did not answer");
        assertThat(run.out()).doesNotContain("all bots");
    }

    @Test
    void strategySpecsNameTheirStrategies() {
        BigDecimal ten = BigDecimal.TEN;
        assertThat(StrategySpec.parse("fixed:1.33", ten).name()).isEqualTo("fixed_1.33x");
        assertThat(StrategySpec.parse("martingale:2:3", ten).name()).isEqualTo("martingale_2x_cap3");
        assertThat(StrategySpec.parse("paroli:2.5:4", ten).name()).isEqualTo("paroli_2.5x_4wins");
        assertThat(StrategySpec.parse("dalembert:2", ten).name()).isEqualTo("dalembert_2x");
        assertThatThrownBy(() -> StrategySpec.parse("martingale:2", ten)).hasMessageContaining("martingale:TARGET:CAP");
        assertThatThrownBy(() -> StrategySpec.parse("fixed:two", ten)).hasMessageContaining("cannot read strategy");
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SimulatorCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
