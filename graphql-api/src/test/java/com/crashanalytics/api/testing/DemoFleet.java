package com.crashanalytics.api.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.demo.Demo;
import com.crashanalytics.simulator.demo.DemoResult;
import com.crashanalytics.simulator.demo.DemoSetup;
import com.crashanalytics.simulator.gateway.GatewayClient;
import com.crashanalytics.simulator.gateway.RetryPolicy;
import com.crashanalytics.simulator.gateway.Traffic;
import com.crashanalytics.simulator.play.BotProfile;
import com.crashanalytics.simulator.play.GameTable;
import com.crashanalytics.simulator.play.SimulationPlan;
import com.crashanalytics.simulator.play.SimulationSettings;
import com.crashanalytics.simulator.strategy.DAlembert;
import com.crashanalytics.simulator.strategy.FixedTarget;
import com.crashanalytics.simulator.strategy.Martingale;

/**
 * A small run of the simulator's demo for end-to-end tests: 3 bots × 2 sessions × up to 60 rounds on two tables,
 * errors and misreads often enough to occur, sent over HTTP exactly as the {@code demo} command sends them.
 */
public final class DemoFleet {

    private static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMinutes(1));
    private static final BigDecimal TEN = new BigDecimal("10");

    private DemoFleet() {
    }

    /** Runs the demo against the gateway on this port, with the test admin key. */
    public static DemoResult load(int port) {
        return new Demo(client("http://localhost:" + port), TestApiKeys.ADMIN, null, setup(), Clock.systemUTC())
                .run(quiet());
    }

    /** The demo's bots, sessions, tables and rates. */
    public static DemoSetup setup() {
        List<BotProfile> bots = List.of(
                new BotProfile("sim-bot-01", "Steady", new FixedTarget(TEN, new BigDecimal("1.33")),
                        new BigDecimal("1000"), new BigDecimal("100"), new BigDecimal("0.10"), null),
                new BotProfile("sim-bot-02", "Doubler", Martingale.doubling(TEN, new BigDecimal("2"), 3),
                        new BigDecimal("1000"), new BigDecimal("100"), new BigDecimal("0.10"), null),
                new BotProfile("sim-bot-03", "Patient", DAlembert.withUnitOfBaseStake(TEN, new BigDecimal("2")),
                        new BigDecimal("1000"), new BigDecimal("100"), new BigDecimal("0.10"), null));
        SimulationPlan plan = new SimulationPlan(bots, 2, 60,
                List.of(new GameTable("aviator", "dafabet"), new GameTable("jetx", "fun88")), 5,
                Instant.EPOCH, Duration.ofMinutes(5));
        SimulationSettings settings = SimulationSettings.DEFAULTS.withErrorRate(0.05).withOcrMisreadRate(0.05);
        return new DemoSetup(plan, null, settings, CrashDistribution.STANDARD, 25, Duration.ofSeconds(1));
    }

    /** The simulator's client for a gateway at this base URL, retrying fast. */
    public static GatewayClient client(String url) {
        return new GatewayClient(URI.create(url + "/graphql"), null, Duration.ofSeconds(30), FAST_RETRIES,
                new Traffic());
    }

    /** Somewhere for the demo's progress lines to go unseen. */
    public static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
