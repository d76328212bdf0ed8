package com.crashanalytics.api.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes realistic rounds straight into the database with COPY, for benchmarks: platforms that deal a game round every
 * 15 seconds with provably fair crash points (P(crash ≥ x) = 0.97 / x, cut to 0.01), several bots per platform that
 * play sessions of a few hundred rounds with breaks between them, each with its strategy (fixed cash-out targets,
 * martingale), stake and bankroll, and an ML signal on half of the rounds. Bots on the same platform watch the same
 * game rounds (same round_external_id), as real bots do; now and then one misreads the crash point.
 * <p>
 * Rounds go in with COPY in chunks of {@value #CHUNK} (so the rollup triggers run once per chunk); signals follow.
 * {@code analytics_round_outcomes} is not filled: no analytics query reads it. Generation continues where the
 * previous call stopped, so a benchmark can grow the same data from 100,000 to 1,000,000 rounds.
 */
public final class RoundDataGenerator {

    static final String[][] PLATFORMS = {
            {"aviator", "spribe"}, {"aviator", "onewin"}, {"aviatrix", "aviatrix"}, {"jetx", "smartsoft"}};
    static final int BOTS_PER_PLATFORM = 6;
    static final String[] STRATEGIES = {"flat_1.5x", "flat_2x", "compound_1.33x", "martingale_2x", "flat_3x", "flat_10x"};
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration ROUND_EVERY = Duration.ofSeconds(15);
    private static final int CHUNK = 50_000;

    private final Connection connection;
    private final CopyManager copy;
    private final Random random = new Random(42);
    private final List<BotState> bots = new ArrayList<>();
    private long gameRound;
    private long sessionsStarted;

    /** What a bot is doing: its bankroll, whether it is in a session and for how many more rounds, its stake. */
    private static final class BotState {
        final String botId;
        final int platform;
        final String strategy;
        final BigDecimal target;
        final BigDecimal baseStake;
        BigDecimal balance = new BigDecimal("1000");
        BigDecimal stake;
        String sessionId;
        int roundNumber;
        int roundsLeft;
        long restUntil;

        BotState(String botId, int platform, String strategy, BigDecimal target, BigDecimal baseStake) {
            this.botId = botId;
            this.platform = platform;
            this.strategy = strategy;
            this.target = target;
            this.baseStake = baseStake;
            this.stake = baseStake;
        }
    }

    public RoundDataGenerator(Connection connection) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            for (String[] platform : PLATFORMS) {
                statement.execute("INSERT INTO game_platform_config (game_name, platform_code, house_edge_percent) VALUES ('"
                        + platform[0] + "', '" + platform[1] + "', 3)");
            }
            for (int p = 0; p < PLATFORMS.length; p++) {
                for (int b = 0; b < BOTS_PER_PLATFORM; b++) {
                    int n = p * BOTS_PER_PLATFORM + b;
                    String strategy = STRATEGIES[n % STRATEGIES.length];
                    String botId = "bot_%02d".formatted(n);
                    BigDecimal target = new BigDecimal(strategy.replaceAll("[^0-9.]", "").replaceAll("\\.$", ""));
                    bots.add(new BotState(botId, p, strategy, target, new BigDecimal(List.of("1", "2.5", "5", "10").get(n % 4))));
                    statement.execute("INSERT INTO bot_vm_registration (bot_id, strategy_name, initial_balance, base_stake) VALUES ('"
                            + botId + "', '" + strategy + "', 1000, " + bots.get(n).baseStake + ")");
                }
            }
        }
    }

    /** The time of the game round being dealt now. */
    Instant now() {
        return START.plus(ROUND_EVERY.multipliedBy(gameRound));
    }

    /** Writes {@code count} more rounds. */
    public void generate(long count) throws SQLException, IOException {
        long written = 0;
        while (written < count) {
            StringBuilder rounds = new StringBuilder();
            StringBuilder signals = new StringBuilder();
            StringBuilder sessions = new StringBuilder();
            int inChunk = 0;
            while (inChunk < CHUNK && written + inChunk < count) {
                Instant at = now();
                BigDecimal[] crashes = new BigDecimal[PLATFORMS.length];
                for (int p = 0; p < PLATFORMS.length; p++) {
                    crashes[p] = fairCrash();
                }
                for (BotState bot : bots) {
                    if (written + inChunk >= count) {
                        break;
                    }
                    if (bot.roundsLeft == 0) {
                        if (gameRound < bot.restUntil) {
                            continue;
                        }
                        startSession(bot, at, sessions);
                    }
                    inChunk++;
                    play(bot, at, crashes[bot.platform], rounds, signals);
                }
                gameRound++;
            }
            copy.copyIn("COPY session_logs (session_id, bot_id, game_name, platform_code, strategy_name, start_time, "
                    + "initial_balance, current_balance, peak_balance) FROM STDIN", new StringReader(sessions.toString()));
            copy.copyIn("COPY crash_game_rounds (id, bot_id, session_id, game_name, platform_code, round_number, "
                    + "round_external_id, round_start_timestamp, stake_value, strategy_name, target_multiplier, "
                    + "crash_multiplier_detected, cashout_multiplier, profit_loss_amount, running_balance_before, "
                    + "running_balance_after, round_outcome, content_fingerprint) FROM STDIN", new StringReader(rounds.toString()));
            copy.copyIn("COPY analytics_round_signals (round_id, round_start_timestamp, round_number, bot_id, session_id, "
                    + "game_name, platform_code, "
                    + "signal_type, \"timestamp\", confidence_score, predicted_multiplier, signal_correctness, actual_multiplier, "
                    + "content_fingerprint) FROM STDIN", new StringReader(signals.toString()));
            written += inChunk;
        }
    }

    private void startSession(BotState bot, Instant at, StringBuilder sessions) {
        if (bot.balance.compareTo(bot.baseStake.multiply(BigDecimal.TEN)) < 0) {
            bot.balance = new BigDecimal("1000"); // the operator tops the bankroll up
        }
        bot.sessionId = "%s_s%05d".formatted(bot.botId, ++sessionsStarted);
        bot.roundNumber = 0;
        bot.roundsLeft = 200 + random.nextInt(400);
        bot.stake = bot.baseStake;
        String[] platform = PLATFORMS[bot.platform];
        sessions.append(bot.sessionId).append('\t').append(bot.botId).append('\t').append(platform[0]).append('\t')
                .append(platform[1]).append('\t').append(bot.strategy).append('\t').append(at).append('\t')
                .append(bot.balance.toPlainString()).append('\t').append(bot.balance.toPlainString()).append('\t')
                .append(bot.balance.toPlainString()).append('\n');
    }

    private void play(BotState bot, Instant at, BigDecimal crash, StringBuilder rounds, StringBuilder signals) {
        String[] platform = PLATFORMS[bot.platform];
        BigDecimal seen = random.nextInt(200) == 0 ? fairCrash() : crash; // an OCR misread now and then
        boolean skip = random.nextInt(10) == 0 || bot.balance.compareTo(bot.stake) < 0;
        BigDecimal before = bot.balance;
        String outcome;
        BigDecimal stake;
        BigDecimal pl;
        BigDecimal cashout = null;
        if (skip) {
            outcome = "SKIP";
            stake = BigDecimal.ZERO;
            pl = BigDecimal.ZERO;
        } else if (crash.compareTo(bot.target) >= 0) {
            outcome = "WIN";
            stake = bot.stake;
            cashout = bot.target;
            pl = stake.multiply(bot.target.subtract(BigDecimal.ONE));
            bot.stake = bot.baseStake;
        } else {
            outcome = "LOSS";
            stake = bot.stake;
            pl = stake.negate();
            if (bot.strategy.startsWith("martingale")) {
                bot.stake = bot.stake.multiply(BigDecimal.valueOf(2)).min(bot.baseStake.multiply(BigDecimal.valueOf(64)));
            }
        }
        bot.balance = bot.balance.add(pl);
        bot.roundsLeft--;
        if (bot.roundsLeft == 0 || bot.balance.compareTo(bot.baseStake) < 0) {
            bot.roundsLeft = 0;
            bot.restUntil = gameRound + random.nextInt(480); // up to two hours off
        }
        UUID id = UUID.randomUUID();
        int number = ++bot.roundNumber;
        rounds.append(id).append('\t').append(bot.botId).append('\t').append(bot.sessionId).append('\t')
                .append(platform[0]).append('\t').append(platform[1]).append('\t').append(number).append('\t')
                .append(platform[1]).append('-').append(gameRound).append('\t').append(at).append('\t')
                .append(stake.toPlainString()).append('\t').append(bot.strategy).append('\t')
                .append(bot.target.toPlainString()).append('\t').append(seen.toPlainString()).append('\t')
                .append(cashout == null ? "\\N" : cashout.toPlainString()).append('\t').append(pl.toPlainString()).append('\t')
                .append(before.toPlainString()).append('\t').append(bot.balance.toPlainString()).append('\t')
                .append(outcome).append('\t').append("bench").append('\n');
        if (random.nextBoolean()) {
            double confidence = random.nextDouble();
            boolean reached = crash.compareTo(BigDecimal.valueOf(2)) >= 0;
            signals.append(id).append('\t').append(at).append('\t').append(number).append('\t').append(bot.botId).append('\t')
                    .append(bot.sessionId).append('\t').append(platform[0]).append('\t').append(platform[1]).append('\t')
                    .append(random.nextBoolean() ? "ml_v1" : "pattern").append('\t').append(at).append('\t')
                    .append(confidence).append('\t').append("2").append('\t').append(reached ? 't' : 'f').append('\t')
                    .append(seen.toPlainString()).append('\t').append("bench").append('\n');
        }
    }

    /** P(crash ≥ x) = 0.97 / x for x ≥ 1, cut to 0.01; 3 % crash at once. */
    private BigDecimal fairCrash() {
        double u = random.nextDouble();
        double x = 0.97 / (1 - u);
        return x < 1 ? BigDecimal.ONE.setScale(2)
                : BigDecimal.valueOf(Math.min(x, 1_000_000)).setScale(2, RoundingMode.FLOOR);
    }

    public void analyze() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
    }
}
