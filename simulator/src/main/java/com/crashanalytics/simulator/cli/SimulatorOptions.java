package com.crashanalytics.simulator.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.simulator.play.GameTable;
import org.jspecify.annotations.Nullable;

/**
 * The command line, parsed: a command ({@code simulate}, the default, or {@code demo}) and options, each
 * {@code --name value} or {@code --name=value}. Every option has a default, so no option at all runs the
 * demo-sized simulation offline; the demo needs only a key.
 */
record SimulatorOptions(
        Command command,
        @Nullable String gatewayUrl,
        @Nullable String apiKey,
        @Nullable String botKey,
        String botId,
        int bots,
        int sessionsPerBot,
        int roundsPerSession,
        List<GameTable> tables,
        long seed,
        List<String> strategies,
        BigDecimal rtp,
        BigDecimal initialBalance,
        BigDecimal baseStake,
        BigDecimal maxStake,
        BigDecimal minStake,
        double misreadRate,
        double errorRate,
        double signalSkill,
        double predictorSkill,
        @Nullable Double skipBelow,
        @Nullable Instant start,
        int batch,
        int heartbeatSeconds,
        boolean help) {

    /** What to do. */
    enum Command {
        /** Play offline and print a summary. */
        SIMULATE,
        /** Play and send everything to a running gateway, then print the dashboard queries. */
        DEMO
    }

    /** The environment variable the ADMIN key is read from when {@code --api-key} is not given. */
    static final String ADMIN_KEY_VARIABLE = "GATEWAY_ADMIN_KEY";

    static final String DEFAULT_GATEWAY_URL = "http://localhost:8080";

    static final String USAGE = """
            Simulated crash-game bots.

              simulate [options]   (the default) play provably fair rounds offline and print a summary
              demo [options]       play them into a running gateway through its GraphQL API, as real bots would,
                                   then print dashboard queries to paste into GraphiQL

            Options (--name value or --name=value):
              --gateway-url URL       demo: the gateway (http://localhost:8080); several replicas comma-separated
                                      (http://gw1:8080,http://gw2:8080): the bots spread over them, and a bot
                                      whose replica stops answering carries on at the next
              --api-key KEY           demo: an ADMIN key; configures missing platforms and issues each bot its own
                                      BOT key (default: $GATEWAY_ADMIN_KEY)
              --bot-key KEY           demo: one bot's BOT key instead; plays that one bot (--bot-id)
              --bot-id ID             demo with --bot-key: the key's bot (sim-bot-01)
              --batch N               demo: rounds per request; 1 = one logRound per round as a live bot sends,
                                      more = logRounds batches as a bot catching up sends (100)
              --heartbeat-seconds N   demo: a heartbeat this often during a session (15)
              --bots N                number of bots (5)
              --sessions N            sessions per bot (3)
              --rounds N              rounds per session at most; a bust ends a session early (500)
              --games LIST            game@platform tables, comma-separated
                                      (aviator@dafabet,jetx@dafabet,aviator@fun88,jetx@fun88)
              --strategies LIST       cycled over the bots, comma-separated; forms: fixed:TARGET,
                                      martingale:TARGET:CAP, paroli:TARGET:WINS, dalembert:TARGET
                                      (fixed:1.33,fixed:2,martingale:2:3,paroli:2:3,dalembert:2)
              --seed N                everything follows from it; the demo's session ids carry it (42)
              --rtp R                 return to player of every game (0.97)
              --initial-balance A     each session's starting bankroll (1000)
              --base-stake A          every strategy's base stake (10)
              --max-stake A           largest stake a bot bets (100)
              --min-stake A           platform minimum bet; below it a bot is bust (0.10)
              --misread-rate R        share of crash multipliers the OCR misreads (0.01)
              --error-rate R          share of rounds lost to an error, no bet placed (0.005)
              --signal-skill S        model skill above the base rate, 0 to 1 (0.05)
              --predictor-skill S     demo: skill of the simulated streak model whose predictions the demo logs
                                      next to one without skill, 0 to 1 (0.15)
              --skip-below C          sit a round out when the model's confidence is below C (never)
              --start INSTANT         when the first rounds start, ISO-8601 (simulate: now; demo: so that the
                                      data ends just before now, or where an earlier run of the seed put it)
              --help                  this text
            """;

    private static final Map<String, String> DEFAULTS = defaults();
    private static final List<String> DEMO_ONLY =
            List.of("gateway-url", "api-key", "bot-key", "bot-id", "batch", "heartbeat-seconds", "predictor-skill");

    /** The demo's gateway replicas: {@code --gateway-url}, comma-separated when there are several. */
    List<String> gatewayUrls() {
        if (gatewayUrl == null) {
            return List.of();
        }
        return Arrays.stream(gatewayUrl.split(",")).map(String::strip).filter(url -> !url.isEmpty()).toList();
    }

    static SimulatorOptions parse(String[] args) {
        return parse(args, System.getenv());
    }

    static SimulatorOptions parse(String[] args, Map<String, String> environment) {
        Map<String, String> given = new LinkedHashMap<>();
        boolean help = false;
        Command command = null;
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                if (command == null && given.isEmpty() && (arg.equals("simulate") || arg.equals("demo"))) {
                    command = Command.valueOf(arg.toUpperCase(java.util.Locale.ROOT));
                    continue;
                }
                throw new IllegalArgumentException("unexpected argument '" + arg + "'"
                        + (command == null && given.isEmpty() ? "; the commands are simulate and demo" : ""));
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (equals >= 0) {
                given.put(name, arg.substring(equals + 1));
            } else if (rest.isEmpty()) {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            } else {
                given.put(name, rest.remove(0));
            }
        }
        command = command == null ? Command.SIMULATE : command;
        if (command == Command.SIMULATE) {
            for (String option : DEMO_ONLY) {
                if (given.containsKey(option)) {
                    throw new IllegalArgumentException("--" + option + " is for the demo command, which sends to a "
                            + "gateway: simulator demo --" + option + " ...");
                }
            }
        }
        Values values = new Values(given);
        String apiKey = values.text("api-key");
        if (apiKey == null && command == Command.DEMO) {
            String fromEnvironment = environment.get(ADMIN_KEY_VARIABLE);
            apiKey = fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
        }
        String botKey = values.text("bot-key");
        if (command == Command.DEMO && apiKey == null && botKey == null && !help) {
            throw new IllegalArgumentException("the demo needs a key: --api-key KEY (or " + ADMIN_KEY_VARIABLE
                    + ") for the ADMIN key the gateway printed on its first start, or --bot-key KEY for one bot's key");
        }
        if (given.containsKey("bot-id") && botKey == null) {
            throw new IllegalArgumentException("--bot-id names the bot of --bot-key; without one the bots are "
                    + "sim-bot-01, sim-bot-02, ...");
        }
        int bots = values.positive("bots");
        if (botKey != null) {
            if (given.containsKey("bots") && bots != 1) {
                throw new IllegalArgumentException("--bot-key is one bot's key, so it plays one bot, not --bots "
                        + bots + "; an ADMIN key (--api-key) plays several");
            }
            bots = 1;
        }
        int batch = values.positive("batch");
        if (batch > 1000) {
            throw new IllegalArgumentException("--batch is at most 1000 rounds (the gateway's limit), got " + batch);
        }
        return new SimulatorOptions(
                command,
                command == Command.DEMO ? values.text("gateway-url") : null,
                apiKey,
                botKey,
                values.raw("bot-id"),
                bots,
                values.positive("sessions"),
                values.positive("rounds"),
                values.list("games").stream().map(GameTable::parse).toList(),
                values.number("seed"),
                values.list("strategies"),
                values.decimal("rtp"),
                values.decimal("initial-balance"),
                values.decimal("base-stake"),
                values.decimal("max-stake"),
                values.decimal("min-stake"),
                values.share("misread-rate"),
                values.share("error-rate"),
                values.share("signal-skill"),
                values.share("predictor-skill"),
                values.text("skip-below") == null ? null : values.share("skip-below"),
                values.instant("start"),
                batch,
                values.positive("heartbeat-seconds"),
                help);
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("gateway-url", DEFAULT_GATEWAY_URL);
        defaults.put("api-key", "");
        defaults.put("bot-key", "");
        defaults.put("bot-id", "sim-bot-01");
        defaults.put("batch", "100");
        defaults.put("heartbeat-seconds", "15");
        defaults.put("bots", "5");
        defaults.put("sessions", "3");
        defaults.put("rounds", "500");
        defaults.put("games", "aviator@dafabet,jetx@dafabet,aviator@fun88,jetx@fun88");
        defaults.put("strategies", "fixed:1.33,fixed:2,martingale:2:3,paroli:2:3,dalembert:2");
        defaults.put("seed", "42");
        defaults.put("rtp", "0.97");
        defaults.put("initial-balance", "1000");
        defaults.put("base-stake", "10");
        defaults.put("max-stake", "100");
        defaults.put("min-stake", "0.10");
        defaults.put("misread-rate", "0.01");
        defaults.put("error-rate", "0.005");
        defaults.put("signal-skill", "0.05");
        defaults.put("predictor-skill", "0.15");
        defaults.put("skip-below", "");
        defaults.put("start", "");
        return defaults;
    }

    /** Typed access to the given values, falling back to the defaults, naming the option in every complaint. */
    private record Values(Map<String, String> given) {

        private String raw(String name) {
            return given.getOrDefault(name, DEFAULTS.get(name)).strip();
        }

        @Nullable String text(String name) {
            String value = raw(name);
            return value.isEmpty() ? null : value;
        }

        List<String> list(String name) {
            List<String> items = Arrays.stream(raw(name).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (items.isEmpty()) {
                throw new IllegalArgumentException("--" + name + " needs at least one item");
            }
            return items;
        }

        long number(String name) {
            try {
                return Long.parseLong(raw(name));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + raw(name) + "'");
            }
        }

        int positive(String name) {
            long value = number(name);
            if (value < 1 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--" + name + " must be a positive whole number, got " + value);
            }
            return (int) value;
        }

        BigDecimal decimal(String name) {
            try {
                return new BigDecimal(raw(name));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a decimal number, got '" + raw(name) + "'");
            }
        }

        double share(String name) {
            double value = decimal(name).doubleValue();
            if (value < 0 || value > 1) {
                throw new IllegalArgumentException("--" + name + " must be between 0 and 1, got " + raw(name));
            }
            return value;
        }

        @Nullable Instant instant(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("--" + name + " must be an ISO-8601 instant such as "
                        + "2026-11-23T10:00:00Z, got '" + value + "'");
            }
        }
    }
}
