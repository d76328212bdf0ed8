package com.crashanalytics.simulator.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.simulator.play.GameTable;
import org.jspecify.annotations.Nullable;

/**
 * The command line, parsed. Options are {@code --name value} or {@code --name=value}; every one has a default,
 * so no option at all runs the demo-sized simulation offline.
 */
record SimulatorOptions(
        @Nullable String gatewayUrl,
        @Nullable String apiKey,
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
        @Nullable Double skipBelow,
        Instant startAt,
        boolean help) {

    /** The environment variable the API key is read from when {@code --api-key} is not given. */
    static final String API_KEY_VARIABLE = "CRASH_GATEWAY_API_KEY";

    static final String USAGE = """
            Simulated crash-game bots: plays provably fair rounds offline and prints a summary; with --gateway-url
            it also registers the bots with a running gateway.

            Options (--name value or --name=value):
              --gateway-url URL       the gateway, e.g. http://localhost:8080 (default: none, offline only)
              --api-key KEY           API key sent as 'Authorization: Bearer KEY' (default: $CRASH_GATEWAY_API_KEY)
              --bots N                number of bots (5)
              --sessions N            sessions per bot (3)
              --rounds N              rounds per session at most; a bust ends a session early (500)
              --games LIST            game@platform tables, comma-separated
                                      (aviator@dafabet,jetx@dafabet,aviator@fun88,jetx@fun88)
              --strategies LIST       cycled over the bots, comma-separated; forms: fixed:TARGET,
                                      martingale:TARGET:CAP, paroli:TARGET:WINS, dalembert:TARGET
                                      (fixed:1.33,fixed:2,martingale:2:3,paroli:2:3,dalembert:2)
              --seed N                everything follows from it (42)
              --rtp R                 return to player of every game (0.97)
              --initial-balance A     each session's starting bankroll (1000)
              --base-stake A          every strategy's base stake (10)
              --max-stake A           largest stake a bot bets (100)
              --min-stake A           platform minimum bet; below it a bot is bust (0.10)
              --misread-rate R        share of crash multipliers the OCR misreads (0.01)
              --error-rate R          share of rounds lost to an error, no bet placed (0.005)
              --signal-skill S        model skill above the base rate, 0 to 1 (0.05)
              --skip-below C          sit a round out when the model's confidence is below C (never)
              --start INSTANT         when the first rounds start, ISO-8601 (now)
              --help                  this text
            """;

    private static final Map<String, String> DEFAULTS = defaults();

    static SimulatorOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        boolean help = false;
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
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
        Values values = new Values(given);
        String apiKey = values.text("api-key");
        return new SimulatorOptions(
                values.text("gateway-url"),
                apiKey != null ? apiKey : System.getenv(API_KEY_VARIABLE),
                values.positive("bots"),
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
                values.text("skip-below") == null ? null : values.share("skip-below"),
                values.instant("start"),
                help);
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("gateway-url", "");
        defaults.put("api-key", "");
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

        Instant instant(String name) {
            String value = text(name);
            if (value == null) {
                return Instant.now().truncatedTo(ChronoUnit.SECONDS);
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
