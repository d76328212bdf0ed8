package com.crashanalytics.simulator.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.crashanalytics.simulator.cli.SimulatorOptions.Command;
import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.demo.DashboardQueries;
import com.crashanalytics.simulator.demo.Demo;
import com.crashanalytics.simulator.demo.DemoException;
import com.crashanalytics.simulator.demo.DemoResult;
import com.crashanalytics.simulator.demo.DemoSetup;
import com.crashanalytics.simulator.gateway.GatewayClient;
import com.crashanalytics.simulator.gateway.GatewayException;
import com.crashanalytics.simulator.play.BotProfile;
import com.crashanalytics.simulator.play.SimulatedSession;
import com.crashanalytics.simulator.play.Simulation;
import com.crashanalytics.simulator.play.SimulationPlan;
import com.crashanalytics.simulator.play.SimulationSettings;
import com.crashanalytics.simulator.strategy.Strategy;

/**
 * The simulator's entry point: {@code simulate} plays the bots' sessions offline and prints a summary;
 * {@code demo} sends them to a running gateway (see {@link Demo}) and prints the dashboard queries to paste.
 */
public final class SimulatorCli {

    /** How long a bot waits between two of its sessions. */
    private static final Duration BREAK_BETWEEN_SESSIONS = Duration.ofMinutes(10);

    private SimulatorCli() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command line; 0 on success, 2 for bad options, 1 when the gateway refused or did not answer. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Clock.systemUTC());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        SimulatorOptions options;
        SimulationPlan plan;
        CrashDistribution law;
        SimulationSettings settings;
        try {
            options = SimulatorOptions.parse(args);
            if (options.help()) {
                out.print(SimulatorOptions.USAGE);
                return 0;
            }
            law = CrashDistribution.withRtp(options.rtp());
            settings = SimulationSettings.DEFAULTS
                    .withOcrMisreadRate(options.misreadRate())
                    .withErrorRate(options.errorRate())
                    .withSignalSkill(options.signalSkill());
            Instant start = options.start() != null ? options.start() : clock.instant().truncatedTo(ChronoUnit.SECONDS);
            plan = new SimulationPlan(bots(options), options.sessionsPerBot(), options.roundsPerSession(),
                    options.tables(), options.seed(), start, BREAK_BETWEEN_SESSIONS);
        } catch (IllegalArgumentException e) {
            err.println("simulator: " + e.getMessage());
            err.println("run with --help for the options");
            return 2;
        }
        if (options.command() == Command.SIMULATE) {
            List<SimulatedSession> sessions = new Simulation(settings, law).run(plan);
            out.print(SimulationSummary.of(sessions, law).format(law, options.misreadRate(), options.errorRate()));
            return 0;
        }
        return demo(options, plan, settings, law, out, err, clock);
    }

    private static int demo(SimulatorOptions options, SimulationPlan plan, SimulationSettings settings,
                            CrashDistribution law, PrintStream out, PrintStream err, Clock clock) {
        DemoSetup setup = new DemoSetup(plan, options.start(), settings, law, options.batch(),
                Duration.ofSeconds(options.heartbeatSeconds()), options.predictorSkill());
        GatewayClient gateway = GatewayClient.to(options.gatewayUrls(), null);
        DemoResult result;
        try {
            result = new Demo(gateway, options.apiKey(), options.botKey(), setup, clock).run(out);
        } catch (GatewayException | DemoException e) {
            err.println("simulator: " + (e instanceof GatewayException ? Demo.explain(e) : e.getMessage()));
            return 1;
        }
        out.println();
        out.print(SimulationSummary.of(result.sessions(), law).format(law, options.misreadRate(), options.errorRate()));
        if (!result.succeeded()) {
            err.println("simulator: the demo did not finish; running it again with the same options sends what is "
                    + "missing (what is there answers duplicate)");
            return 1;
        }
        out.println();
        out.println("Now open " + graphiQl(gateway) + ", put {\"Authorization\": \"Bearer <your key>\"} in its Headers "
                + "tab, and paste one of these:");
        for (String query : DashboardQueries.all()) {
            out.println();
            out.println(query);
        }
        return 0;
    }

    private static String graphiQl(GatewayClient gateway) {
        return gateway.endpoint().toString().replaceAll("/graphql$", "/graphiql");
    }

    /** Bot 1, 2, ... with the strategies cycled in order; with a bot's key, that one bot. */
    static List<BotProfile> bots(SimulatorOptions options) {
        List<BotProfile> bots = new ArrayList<>(options.bots());
        for (int index = 0; index < options.bots(); index++) {
            String spec = options.strategies().get(index % options.strategies().size());
            Strategy strategy = StrategySpec.parse(spec, options.baseStake());
            String botId = options.botKey() != null ? options.botId() : String.format("sim-bot-%02d", index + 1);
            bots.add(new BotProfile(botId, "Simulated " + strategy.name(), strategy, options.initialBalance(),
                    options.maxStake(), options.minStake(), options.skipBelow()));
        }
        return bots;
    }
}
