package com.crashanalytics.simulator.history;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.crash.CrashPointGenerator;
import com.crashanalytics.simulator.crash.SeededCrashPoints;
import com.crashanalytics.simulator.play.Settlement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A fleet's realistic history written straight into the gateway's tables with COPY (through the API it would take
 * hours): the project's one generator of many rounds, used by the benchmarks (the analytics data, grown from one size
 * to the next) and by integration tests that need a volume. Platforms that deal a game round every 15 seconds with
 * fair crash points (the simulator's generator, 97% RTP), several bots per platform that play sessions of a few
 * hundred rounds with breaks between them, each with its strategy (fixed cash-out targets, martingale), stake and
 * bankroll, and an ML signal on half of the rounds. Bots on one platform watch the same game rounds (same
 * round_external_id), as real bots do; now and then one misreads the crash point.
 * <p>
 * Rounds go in with COPY in chunks of {@value #CHUNK}, so the rollup triggers run as they would under a steady load;
 * signals follow, and a session that ended is COMPLETED. By default that is all: no analytics query reads more (the
 * rounds lists do: they join each round's outcome row).
 * {@link #withEveryTable()} fills the rest of what the gateway writes around a round, for tests of the read paths:
 * its {@code analytics_round_outcomes} row, an error and an OCR read every tenth round of a session, and a
 * {@code BALANCE_MISMATCH} flag on every 500th. Generation continues where the previous call stopped, so the data
 * grows from one size to the next.
 */
public final class FleetHistory {

    public static final String[][] PLATFORMS = {
            {"aviator", "spribe"}, {"aviator", "onewin"}, {"aviatrix", "aviatrix"}, {"jetx", "smartsoft"}};
    public static final int BOTS_PER_PLATFORM = 6;
    public static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final String[] STRATEGIES = {"flat_1.5x", "flat_2x", "compound_1.33x", "martingale_2x", "flat_3x",
            "flat_10x"};
    private static final Duration ROUND_EVERY = Duration.ofSeconds(15);
    private static final int CHUNK = 50_000;

    private final Connection connection;
    private final CopyManager copy;
    private final Random random = new Random(42);
    private final List<CrashPointGenerator> tables = new ArrayList<>();
    private final CrashPointGenerator misreads = new SeededCrashPoints(CrashDistribution.STANDARD, 4242);
    private final List<BotState> bots = new ArrayList<>();
    private long gameRound;
    private long sessionsStarted;
    private long written;
    private boolean everyTable;
    /** Errors and OCR reads of the whole call to {@link #growTo}: written last, grouped by session. */
    private final StringBuilder errors = new StringBuilder();
    private final StringBuilder ocrReads = new StringBuilder();
    private int shortestSession = 200;
    private int longestSession = 599;

    /** What a bot is doing: its bankroll, whether it is in a session and for how many more rounds, its stake. */
    private static final class BotState {
        final String botId;
        final int platform;
        final String strategy;
        final BigDecimal target;
        final BigDecimal baseStake;
        BigDecimal balance = new BigDecimal("1000");
        BigDecimal stake;
        String sessionId = "";
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

    public FleetHistory(Connection connection) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        connection.setAutoCommit(true);
        try (PreparedStatement platform = connection.prepareStatement(
                "INSERT INTO game_platform_config (game_name, platform_code, house_edge_percent) VALUES (?, ?, 3)");
             PreparedStatement bot = connection.prepareStatement(
                     "INSERT INTO bot_vm_registration (bot_id, strategy_name, initial_balance, base_stake) VALUES (?, ?, 1000, ?)")) {
            for (int p = 0; p < PLATFORMS.length; p++) {
                platform.setString(1, PLATFORMS[p][0]);
                platform.setString(2, PLATFORMS[p][1]);
                platform.executeUpdate();
                tables.add(new SeededCrashPoints(CrashDistribution.STANDARD, 1000 + p));
                for (int b = 0; b < BOTS_PER_PLATFORM; b++) {
                    int n = p * BOTS_PER_PLATFORM + b;
                    String strategy = STRATEGIES[n % STRATEGIES.length];
                    BigDecimal target = new BigDecimal(strategy.replaceAll("[^0-9.]", "").replaceAll("\\.$", ""));
                    BotState state = new BotState(botId(n), p, strategy, target,
                            new BigDecimal(List.of("1", "2.5", "5", "10").get(n % 4)));
                    bots.add(state);
                    bot.setString(1, state.botId);
                    bot.setString(2, strategy);
                    bot.setBigDecimal(3, state.baseStake);
                    bot.executeUpdate();
                }
            }
        }
    }

    /** Also writes each round's outcome row, errors, OCR reads and data-quality flags (see the class comment). */
    public FleetHistory withEveryTable() {
        this.everyTable = true;
        return this;
    }

    /** Sessions of {@code shortest} to {@code longest} rounds (200 to 599 unless set): many short ones, many sessions. */
    public FleetHistory withSessionsOf(int shortest, int longest) {
        if (shortest < 1 || longest < shortest) {
            throw new IllegalArgumentException("sessions of " + shortest + " to " + longest + " rounds");
        }
        this.shortestSession = shortest;
        this.longestSession = longest;
        return this;
    }

    public static String botId(int n) {
        return "bot_%02d".formatted(n);
    }

    /** The time of the game round being dealt now: the end of the data so far. */
    public Instant now() {
        return START.plus(ROUND_EVERY.multipliedBy(gameRound));
    }

    public long written() {
        return written;
    }

    /** Writes rounds until there are {@code total} in all, then refreshes the planner's statistics. */
    public void growTo(long total) throws SQLException, IOException {
        while (written < total) {
            Rows rows = new Rows();
            int inChunk = 0;
            while (inChunk < CHUNK && written + inChunk < total) {
                Instant at = now();
                BigDecimal[] crashes = new BigDecimal[PLATFORMS.length];
                for (int p = 0; p < PLATFORMS.length; p++) {
                    crashes[p] = tables.get(p).next().multiplier();
                }
                for (BotState bot : bots) {
                    if (written + inChunk >= total) {
                        break;
                    }
                    if (bot.roundsLeft == 0) {
                        if (gameRound < bot.restUntil) {
                            continue;
                        }
                        startSession(bot, at, rows.sessions);
                    }
                    inChunk++;
                    play(bot, at, crashes[bot.platform], rows);
                }
                gameRound++;
            }
            rows.copy();
            written += inChunk;
        }
        copyDiagnostics();
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
    }

    /**
     * The errors and OCR reads, grouped by bot and session (their lines start with both): a bot that flushes its log
     * per session, and a layout in which PostgreSQL reads a few sessions' errors through the index rather than the
     * whole of a table this small (in time order, 10,000 errors are one it rightly reads whole for 50 sessions').
     */
    private void copyDiagnostics() throws SQLException, IOException {
        copyIn("error_logs (bot_id, session_id, round_id, round_number, error_type, severity, \"timestamp\", "
                + "content_fingerprint)", bySession(errors));
        copyIn("ocr_validation_logs (bot_id, session_id, round_id, round_number, raw_ocr_text, validation_status, "
                + "\"timestamp\", content_fingerprint)", bySession(ocrReads));
        errors.setLength(0);
        ocrReads.setLength(0);
    }

    private static StringBuilder bySession(StringBuilder lines) {
        StringBuilder sorted = new StringBuilder(lines.length());
        lines.toString().lines().sorted().forEach(line -> sorted.append(line).append('\n'));
        return sorted;
    }

    private void copyIn(String tableAndColumns, StringBuilder rows) throws SQLException, IOException {
        if (!rows.isEmpty()) {
            copy.copyIn("COPY " + tableAndColumns + " FROM STDIN", new StringReader(rows.toString()));
        }
    }

    private void startSession(BotState bot, Instant at, StringBuilder sessions) {
        if (bot.balance.compareTo(bot.baseStake.multiply(BigDecimal.TEN)) < 0) {
            bot.balance = new BigDecimal("1000"); // the operator tops the bankroll up
        }
        bot.sessionId = "%s_s%05d".formatted(bot.botId, ++sessionsStarted);
        bot.roundNumber = 0;
        bot.roundsLeft = shortestSession + random.nextInt(longestSession - shortestSession + 1);
        bot.stake = bot.baseStake;
        String[] platform = PLATFORMS[bot.platform];
        sessions.append(bot.sessionId).append('\t').append(bot.botId).append('\t').append(platform[0]).append('\t')
                .append(platform[1]).append('\t').append(bot.strategy).append('\t').append(at).append('\t')
                .append(bot.balance.toPlainString()).append('\t').append(bot.balance.toPlainString()).append('\t')
                .append(bot.balance.toPlainString()).append('\n');
    }

    private void play(BotState bot, Instant at, BigDecimal crash, Rows rows) {
        String[] platform = PLATFORMS[bot.platform];
        BigDecimal seen = random.nextInt(200) == 0 ? misreads.next().multiplier() : crash; // an OCR misread now and then
        boolean skip = random.nextInt(10) == 0 || bot.balance.compareTo(bot.stake) < 0;
        BigDecimal before = bot.balance;
        Settlement settlement;
        BigDecimal stake;
        if (skip) {
            settlement = Settlement.noBet(RoundOutcome.SKIP);
            stake = BigDecimal.ZERO;
        } else {
            stake = bot.stake;
            settlement = Settlement.of(stake, bot.target, crash);
            if (settlement.outcome() == RoundOutcome.WIN) {
                bot.stake = bot.baseStake;
            } else if (bot.strategy.startsWith("martingale")) {
                bot.stake = bot.stake.multiply(BigDecimal.valueOf(2)).min(bot.baseStake.multiply(BigDecimal.valueOf(64)));
            }
        }
        bot.balance = bot.balance.add(settlement.profitLoss());
        bot.roundsLeft--;
        if (bot.roundsLeft == 0 || bot.balance.compareTo(bot.baseStake) < 0) {
            bot.roundsLeft = 0;
            bot.restUntil = gameRound + random.nextInt(480); // up to two hours off
            rows.ended.append(bot.sessionId).append('\t').append(at.plus(ROUND_EVERY)).append('\n');
        }
        UUID id = UUID.randomUUID();
        int number = ++bot.roundNumber;
        BigDecimal cashout = settlement.cashout();
        String flags = everyTable && number % 500 == 0 ? "{BALANCE_MISMATCH}" : "{}";
        rows.rounds.append(id).append('\t').append(bot.botId).append('\t').append(bot.sessionId).append('\t')
                .append(platform[0]).append('\t').append(platform[1]).append('\t').append(number).append('\t')
                .append(platform[1]).append('-').append(gameRound).append('\t').append(at).append('\t')
                .append(stake.toPlainString()).append('\t').append(bot.strategy).append('\t')
                .append(bot.target.toPlainString()).append('\t').append(seen.toPlainString()).append('\t')
                .append(cashout == null ? "\\N" : cashout.toPlainString()).append('\t')
                .append(settlement.profitLoss().toPlainString()).append('\t')
                .append(before.toPlainString()).append('\t').append(bot.balance.toPlainString()).append('\t')
                .append(settlement.outcome().name()).append('\t').append(flags).append('\t').append("bench").append('\n');
        if (everyTable) {
            aroundTheRound(bot, id, number, at, stake, settlement, seen, rows);
        }
        if (random.nextBoolean()) {
            double confidence = random.nextDouble();
            boolean reached = crash.compareTo(BigDecimal.valueOf(2)) >= 0;
            rows.signals.append(id).append('\t').append(at).append('\t').append(number).append('\t').append(bot.botId).append('\t')
                    .append(bot.sessionId).append('\t').append(platform[0]).append('\t').append(platform[1]).append('\t')
                    .append(random.nextBoolean() ? "ml_v1" : "pattern").append('\t').append(at).append('\t')
                    .append(confidence).append('\t').append("2").append('\t').append(reached ? 't' : 'f').append('\t')
                    .append(seen.toPlainString()).append('\t').append("bench").append('\n');
        }
    }

    /** What the gateway writes around a round besides the round itself: its outcome row, now and then diagnostics. */
    private void aroundTheRound(BotState bot, UUID id, int number, Instant at, BigDecimal stake, Settlement settlement,
                                BigDecimal seen, Rows rows) {
        String[] platform = PLATFORMS[bot.platform];
        BigDecimal pl = settlement.profitLoss();
        String category = pl.signum() > 0 ? "small_win" : pl.signum() < 0 ? "small_loss" : "break_even";
        rows.outcomes.append(id).append('\t').append(number).append('\t').append(bot.botId).append('\t')
                .append(bot.sessionId).append('\t').append(platform[0]).append('\t').append(platform[1]).append('\t')
                .append(bot.strategy).append('\t').append(settlement.outcome().name()).append('\t')
                .append(stake.toPlainString()).append('\t').append(pl.toPlainString()).append('\t')
                .append(bot.balance.toPlainString()).append('\t').append(category).append('\t').append(at).append('\t')
                .append(at.atOffset(ZoneOffset.UTC).toLocalDate()).append('\t').append(at.truncatedTo(ChronoUnit.HOURS))
                .append('\n');
        if (number % 10 == 0) {
            errors.append(bot.botId).append('\t').append(bot.sessionId).append('\t').append(id).append('\t')
                    .append(number).append('\t').append(number % 20 == 0 ? "ocr_error" : "lag").append('\t')
                    .append("WARNING").append('\t').append(at.plusSeconds(1)).append('\t').append("bench").append('\n');
            ocrReads.append(bot.botId).append('\t').append(bot.sessionId).append('\t').append(id).append('\t')
                    .append(number).append('\t').append(seen.toPlainString()).append('x').append('\t').append("VALID")
                    .append('\t').append(at.plusSeconds(2)).append('\t').append("bench").append('\n');
        }
    }

    /** One chunk's rows, table by table, in COPY's text format; written in the order the foreign keys need. */
    private final class Rows {
        final StringBuilder sessions = new StringBuilder();
        final StringBuilder rounds = new StringBuilder();
        final StringBuilder signals = new StringBuilder();
        final StringBuilder outcomes = new StringBuilder();
        /** Sessions that ended in this chunk, with their end time. */
        final StringBuilder ended = new StringBuilder();

        void copy() throws SQLException, IOException {
            copyIn("session_logs (session_id, bot_id, game_name, platform_code, strategy_name, start_time, "
                    + "initial_balance, current_balance, peak_balance)", sessions);
            copyIn("crash_game_rounds (id, bot_id, session_id, game_name, platform_code, round_number, "
                    + "round_external_id, round_start_timestamp, stake_value, strategy_name, target_multiplier, "
                    + "crash_multiplier_detected, cashout_multiplier, profit_loss_amount, running_balance_before, "
                    + "running_balance_after, round_outcome, data_quality_flags, content_fingerprint)", rounds);
            copyIn("analytics_round_signals (round_id, round_start_timestamp, round_number, bot_id, session_id, "
                    + "game_name, platform_code, signal_type, \"timestamp\", confidence_score, predicted_multiplier, "
                    + "signal_correctness, actual_multiplier, content_fingerprint)", signals);
            copyIn("analytics_round_outcomes (round_id, round_number, bot_id, session_id, game_name, platform_code, "
                    + "strategy_name, outcome, stake_value, profit_loss, balance_after, outcome_category, \"timestamp\", "
                    + "date_bucket, hour_bucket)", outcomes);
            if (!ended.isEmpty()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS ended_sessions "
                            + "(session_id text, end_time timestamptz)");
                    statement.execute("TRUNCATE ended_sessions");
                    copyIn("ended_sessions (session_id, end_time)", ended);
                    statement.execute("UPDATE session_logs s SET status = 'COMPLETED', end_time = e.end_time "
                            + "FROM ended_sessions e WHERE s.session_id = e.session_id");
                }
            }
        }
    }
}
