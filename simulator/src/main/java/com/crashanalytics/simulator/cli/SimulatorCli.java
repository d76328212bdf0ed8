package com.crashanalytics.simulator.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.gateway.GatewayClient;
import com.crashanalytics.simulator.gateway.GatewayException;
import com.crashanalytics.simulator.gateway.RegisteredBot;
import com.crashanalytics.simulator.play.BotProfile;
import com.crashanalytics.simulator.play.SimulatedSession;
import com.crashanalytics.simulator.play.Simulation;
import com.crashanalytics.simulator.play.SimulationPlan;
import com.crashanalytics.simulator.play.SimulationSettings;
import com.crashanalytics.simulator.strategy.Strategy;

/**
 * The simulator's entry point: builds the bots from the options, plays their sessions and prints a summary. With
 * {@code --gateway-url} it first registers the bots with the gateway; the rounds themselves stay offline until the
 * gateway's schema has the logging mutations.
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
        SimulatorOptions options;
        List<BotProfile> bots;
        CrashDistribution law;
        try {
            options = SimulatorOptions.parse(args);
            if (options.help()) {
                out.print(SimulatorOptions.USAGE);
                return 0;
            }
            bots = bots(options);
            law = CrashDistribution.withRtp(options.rtp());
        } catch (IllegalArgumentException e) {
            err.println("simulator: " + e.getMessage());
            err.println("run with --help for the options");
            return 2;
        }
        if (options.gatewayUrl() != null) {
            try {
                register(bots, GatewayClient.to(options.gatewayUrl(), options.apiKey()), out);
            } catch (GatewayException e) {
                err.println("simulator: " + e.getMessage());
                return 1;
            }
        }
        SimulationSettings settings = SimulationSettings.DEFAULTS
                .withOcrMisreadRate(options.misreadRate())
                .withErrorRate(options.errorRate())
                .withSignalSkill(options.signalSkill());
        SimulationPlan plan = new SimulationPlan(bots, options.sessionsPerBot(), options.roundsPerSession(),
                options.tables(), options.seed(), options.startAt(), BREAK_BETWEEN_SESSIONS);
        List<SimulatedSession> sessions = new Simulation(settings, law).run(plan);
        out.print(SimulationSummary.of(sessions, law).format(law, options.misreadRate(), options.errorRate()));
        return 0;
    }

    /** Bot 1, 2, ... with the strategies cycled in order. */
    static List<BotProfile> bots(SimulatorOptions options) {
        List<BotProfile> bots = new ArrayList<>(options.bots());
        for (int index = 0; index < options.bots(); index++) {
            String spec = options.strategies().get(index % options.strategies().size());
            Strategy strategy = StrategySpec.parse(spec, options.baseStake());
            String botId = String.format("sim-bot-%02d", index + 1);
            bots.add(new BotProfile(botId, "Simulated " + strategy.name(), strategy, options.initialBalance(),
                    options.maxStake(), options.minStake(), options.skipBelow()));
        }
        return bots;
    }

    private static void register(List<BotProfile> bots, GatewayClient gateway, PrintStream out) {
        for (BotProfile bot : bots) {
            RegisteredBot registered = gateway.registerBot(new RegisterBotCommand(bot.botId(), bot.botName(),
                    "simulator", "local", null, bot.strategy().name(), bot.initialBalance(),
                    bot.strategy().baseStake(), bot.maxStake()));
            out.printf("registered %s with %s: %s%n", registered.botId(), gateway.endpoint(), registered.registration());
        }
        out.println("rounds are simulated offline: the gateway's schema has no round logging yet");
    }
}
