package com.crashanalytics.persistence.analytics;

import static com.crashanalytics.persistence.analytics.AnalyticsAgreementIT.exact;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.performance.DirtyRollups.DirtyRollup;
import com.crashanalytics.domain.analytics.performance.DirtyRollups.Rollup;
import com.crashanalytics.domain.analytics.performance.Drawdown;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceScope;
import com.crashanalytics.domain.analytics.performance.PerformanceStats;
import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.persistence.lifecycle.JdbcRetentionStore;
import com.crashanalytics.persistence.testing.AnalyticsFixtures;
import com.crashanalytics.persistence.testing.DatabaseCleaner;
import com.crashanalytics.persistence.testing.MigratedDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Strategies' performance folds the per-(strategy, hour) equity segments and per-(strategy, session) runs (changelog
 * 0420); asked with the equity returns it walks every round in scope with the {@code PERFORMANCE} statement, the
 * reference. Both agree on every other figure, in every scope a strategy can be asked in (trade type, game, platform,
 * currency, windows whose edges cut hours and sessions), on a fleet where bots of one strategy play at the same time on games and platforms of two
 * currencies (their rounds interleave inside every hour, some start at the same instant, and they are logged a little
 * out of order, as concurrent bots commit), after late rounds inside and across hours, updates, deletes and a
 * retention run (which keeps what was counted: the all-time figures stay as they were).
 */
class StrategySegmentsAgreementIT {

    private static final List<String> STRATEGIES = List.of("flat_2x", "martingale", "no_such_strategy");
    private static final Instant T0 = Instant.parse("2026-04-01T20:00:00Z");
    /** All time; windows of whole hours, and windows whose edges cut hours and sessions. */
    private static final List<TimeWindow> WINDOWS = List.of(TimeWindow.ALL,
            new TimeWindow(T0.plusSeconds(3600 * 3), null),
            new TimeWindow(null, T0.plusSeconds(3600 * 6 + 1111)),
            new TimeWindow(T0.plusSeconds(3600 * 2 + 1500), T0.plusSeconds(3600 * 7 + 300)),
            new TimeWindow(T0.plusSeconds(3600 * 5 + 60), T0.plusSeconds(3600 * 5 + 1800)));

    private static final String LOGGED_COLUMNS = "bot_id, session_id, game_name, platform_code, round_number, "
            + "round_start_timestamp, stake_value, strategy_name, round_outcome, profit_loss_amount, content_fingerprint";

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static PerformanceReadModel performance;

    @BeforeAll
    static void migrateADatabase() {
        dataSource = MigratedDatabase.pooled("strategy_segments_agreement_test");
        jdbc = new JdbcTemplate(dataSource);
        performance = new JdbcPerformanceReadModel(JdbcClient.create(jdbc));
    }

    @AfterAll
    static void closeThePool() {
        dataSource.close();
    }

    /** bot, strategy, game, platform, trade type, whether it reports balances. */
    private record FleetBot(String id, String strategy, String game, String platform, String tradeType,
                            boolean reportsBalances) {
    }

    private record Planned(String session, Instant at, RoundOutcome outcome, String stake, String pl,
                           String balance) {
    }

    @BeforeEach
    void aFleetOfConcurrentBots() {
        DatabaseCleaner.clean(dataSource);
        Random random = new Random(20261204);
        AnalyticsFixtures fixtures = new AnalyticsFixtures(jdbc);
        fixtures.platform("aviator", "spribe", "3").platform("aviatrix", "spribe", "3")
                .platform("jetx", "smartsoft", "3").platform("jetx", "spribe", "3");
        jdbc.update("UPDATE game_platform_config SET currency = 'EUR' WHERE game_name = 'jetx'");
        List<FleetBot> fleet = List.of(
                new FleetBot("b0", "flat_2x", "aviator", "spribe", "LIVE", true),
                new FleetBot("b1", "flat_2x", "jetx", "smartsoft", "LIVE", true),
                new FleetBot("b2", "flat_2x", "aviator", "spribe", "PAPER", true),
                new FleetBot("b3", "flat_2x", "aviatrix", "spribe", "LIVE", true),
                new FleetBot("b4", "martingale", "aviator", "spribe", "LIVE", true),
                new FleetBot("b5", "martingale", "jetx", "spribe", "PAPER", false));
        List<Planned> planned = new ArrayList<>();
        for (FleetBot bot : fleet) {
            fixtures.bot(bot.id(), bot.strategy());
            jdbc.update("UPDATE bot_vm_registration SET trade_type = ? WHERE bot_id = ?", bot.tradeType(), bot.id());
            BigDecimal balance = new BigDecimal("200");
            int second = random.nextInt(600);
            for (int s = 0; s < 2; s++) {
                String session = bot.id() + "_s" + s;
                fixtures.session(session, bot.id(), bot.game(), bot.platform(), bot.strategy(), balance.toPlainString());
                for (int r = 0; r < 60; r++) {
                    // every bot plays the same ~10 hours; a sixth of its rounds start with the one before
                    second += random.nextInt(6) == 0 ? 0 : 60 + random.nextInt(600);
                    BigDecimal stake = new BigDecimal(List.of("10", "5", "2.5").get(random.nextInt(3)));
                    int kind = random.nextInt(10);
                    RoundOutcome outcome = kind < 4 ? RoundOutcome.WIN : kind < 8 ? RoundOutcome.LOSS
                            : kind < 9 ? RoundOutcome.SKIP : RoundOutcome.ERROR;
                    BigDecimal pl = switch (outcome) {
                        case WIN -> stake.multiply(new BigDecimal(List.of("0.5", "1", "2.33").get(random.nextInt(3))));
                        case LOSS -> stake.negate();
                        default -> BigDecimal.ZERO;
                    };
                    if (outcome == RoundOutcome.SKIP) {
                        stake = BigDecimal.ZERO;
                    }
                    balance = balance.add(pl);
                    String reported = bot.reportsBalances() && random.nextInt(6) > 0 ? balance.toPlainString() : null;
                    planned.add(new Planned(session, T0.plusSeconds(second), outcome, stake.toPlainString(),
                            pl.toPlainString(), reported));
                }
            }
        }
        // the fleet's rounds as they arrive: in time order, but a fifth of them committed after the next one (a
        // concurrent bot's round of the same strategy, or the bot's own retry)
        planned.sort(Comparator.comparing(Planned::at));
        for (int i = 0; i + 1 < planned.size(); i++) {
            if (random.nextInt(5) == 0) {
                Collections.swap(planned, i, i + 1);
                i++;
            }
        }
        for (Planned round : planned) {
            fixtures.round(round.session(), round.at(), round.outcome(), round.stake(), round.pl(), round.balance(),
                    null, null);
        }
        // a session played on two games (its runs are not one scope's), and a round of another strategy in a session
        logRounds("""
                SELECT bot_id, session_id, 'aviatrix', platform_code, round_number + 500,
                       round_start_timestamp + interval '1 second', 5, strategy_name, 'WIN', 5, content_fingerprint
                FROM crash_game_rounds WHERE session_id = 'b0_s1' AND round_number IN (10, 11, 30)
                UNION ALL
                SELECT bot_id, session_id, game_name, platform_code, round_number + 600,
                       round_start_timestamp, 10, 'martingale', 'LOSS', -10, content_fingerprint
                FROM crash_game_rounds WHERE session_id = 'b1_s0' AND round_number IN (5, 6, 7)
                """);
    }

    @Test
    void theFoldedFiguresAgreeWithTheWalkInEveryScopeAfterLateRoundsUpdatesAndDeletes() {
        assertThat(dirtyHours()).as("rounds committed out of order leave hours dirty").isPositive();
        assertFoldsAgreeWithTheWalk();

        // one statement: a late round every seventh round (inside its hour, or across into the hour before), and
        // rounds after the last ones
        logRounds("""
                SELECT bot_id, session_id, game_name, platform_code, round_number + 2000,
                       round_start_timestamp - interval '7 minutes' * (round_number % 5), 5, strategy_name, 'WIN', 7.5,
                       content_fingerprint
                FROM crash_game_rounds WHERE round_number % 7 = 3
                UNION ALL
                SELECT bot_id, session_id, game_name, platform_code, round_number + 3000,
                       round_start_timestamp + interval '1 day', 2.5, strategy_name, 'LOSS', -2.5, content_fingerprint
                FROM crash_game_rounds WHERE round_number % 11 = 4
                """);
        assertFoldsAgreeWithTheWalk();

        // rounds days later recount every dirty hour of their strategy that ended over two hours before
        logRounds("""
                SELECT bot_id, session_id, game_name, platform_code, round_number + 4000,
                       round_start_timestamp + interval '3 days', 1, strategy_name, 'WIN', 0.5, content_fingerprint
                FROM crash_game_rounds WHERE round_number = 60
                """);
        assertThat(dirtyHours()).isZero();
        assertFoldsAgreeWithTheWalk();

        // corrections: P/L and outcome flipped, a round moved in time, to another game and to another strategy;
        // quality flags (no recount)
        jdbc.update("UPDATE crash_game_rounds SET profit_loss_amount = -profit_loss_amount, "
                + "round_outcome = CASE round_outcome WHEN 'WIN' THEN 'LOSS' WHEN 'LOSS' THEN 'WIN' ELSE round_outcome END "
                + "WHERE round_number % 13 = 0");
        jdbc.update("UPDATE crash_game_rounds SET round_start_timestamp = round_start_timestamp - interval '3 hours' "
                + "WHERE session_id = 'b2_s0' AND round_number = 20");
        jdbc.update("UPDATE crash_game_rounds SET game_name = 'aviatrix' WHERE session_id = 'b4_s1' AND round_number = 9");
        jdbc.update("UPDATE crash_game_rounds SET strategy_name = 'martingale' WHERE session_id = 'b3_s0' AND round_number = 12");
        jdbc.update("UPDATE crash_game_rounds SET data_quality_flags = '{BALANCE_DISCONTINUITY}'");
        assertFoldsAgreeWithTheWalk();

        jdbc.update("DELETE FROM crash_game_rounds WHERE round_number % 9 = 2");
        assertFoldsAgreeWithTheWalk();

        jdbc.update("DELETE FROM crash_game_rounds");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM strategy_equity_segments_hourly", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM strategy_streaks", Long.class)).isZero();
    }

    /**
     * The retention job settles dirty hours and sessions before its cutoff, then deletes the old rounds without
     * touching the rollups (changelog 0200): the all-time drawdowns and streaks are what they were before.
     */
    @Test
    void aRetentionRunKeepsTheAllTimeDrawdownsAndStreaks() {
        logRounds("""
                SELECT bot_id, session_id, game_name, platform_code, round_number + 2000,
                       round_start_timestamp - interval '2 minutes', 5, strategy_name, 'LOSS', -5, content_fingerprint
                FROM crash_game_rounds WHERE round_number % 5 = 1
                """);
        assertThat(dirtyHours()).isPositive();
        assertFoldsAgreeWithTheWalk();
        Map<String, PerformanceStats> before = allTime(scope(null, null, null, TradeTypeFilter.ANY));
        Instant cutoff = T0.plusSeconds(3600 * 4 + 1234);

        new JdbcRetentionStore(JdbcClient.create(jdbc)).settleRollupsBefore(cutoff);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM strategy_equity_segments_hourly WHERE dirty AND hour < ?",
                Long.class, Timestamp.from(cutoff))).isZero();
        jdbc.execute("""
                DO $$ BEGIN
                    PERFORM set_config('crash_analytics.retiring_rounds', 'on', true);
                    DELETE FROM crash_game_rounds WHERE round_start_timestamp < timestamptz '%s';
                END $$""".formatted(cutoff));

        Map<String, PerformanceStats> after = allTime(scope(null, null, null, TradeTypeFilter.ANY));
        assertThat(after.keySet()).isEqualTo(before.keySet()).containsExactlyInAnyOrder("flat_2x", "martingale");
        before.forEach((strategy, kept) -> {
            PerformanceStats stats = after.get(strategy);
            assertThat(stats.totals()).as(strategy).usingRecursiveComparison(exact()).isEqualTo(kept.totals());
            assertThat(stats.streaks()).as(strategy).isEqualTo(kept.streaks());
            for (Drawdown[] pair : List.of(new Drawdown[] {stats.maxDrawdown(), kept.maxDrawdown()},
                    new Drawdown[] {stats.currentDrawdown(), kept.currentDrawdown()})) {
                assertThat(pair[0].amount()).as(strategy).isEqualByComparingTo(pair[1].amount());
                assertThat(pair[0].peakAt()).as(strategy).isEqualTo(pair[1].peakAt());
                assertThat(pair[0].troughAt()).as(strategy).isEqualTo(pair[1].troughAt());
            }
        });
    }

    /**
     * The recount job's adapter finds every dirty hour and session whose rounds settled (none before the first round
     * started) and recounts them one by one: nothing is left dirty, every segment and run equals a fresh fold of its
     * rounds, and the figures are what readers folded before.
     */
    @Test
    void recountingTheSettledDirtyRollupsLeavesNoneDirtyAndTheFiguresAsTheyWere() {
        logRounds("""
                SELECT bot_id, session_id, game_name, platform_code, round_number + 2000,
                       round_start_timestamp - interval '2 minutes', 5, strategy_name, 'LOSS', -5, content_fingerprint
                FROM crash_game_rounds WHERE round_number % 5 = 1
                """);
        Map<Rollup, Long> dirty = dirtyRows();
        assertThat(dirty).as("late rounds leave hours and sessions of bots and strategies dirty")
                .containsOnlyKeys(Rollup.values()).allSatisfy((rollup, rows) -> assertThat(rows).isPositive());
        Map<String, PerformanceStats> before = allTime(scope(null, null, null, TradeTypeFilter.ANY));
        JdbcDirtyRollups rollups = new JdbcDirtyRollups(JdbcClient.create(jdbc));
        assertThat(rollups.settledBefore(T0, 1000)).as("nothing had settled before the first round").isEmpty();

        List<DirtyRollup> settled = rollups.settledBefore(Instant.now(), 1000);
        assertThat(settled).hasSize((int) dirty.values().stream().mapToLong(Long::longValue).sum());
        assertThat(rollups.settledBefore(Instant.now(), 3)).isEqualTo(settled.subList(0, 3));
        settled.forEach(rollups::recount);

        assertThat(dirtyRows()).allSatisfy((rollup, rows) -> assertThat(rows).as(rollup.name()).isZero());
        assertFoldsAgreeWithTheWalk();
        assertThat(allTime(scope(null, null, null, TradeTypeFilter.ANY))).usingRecursiveComparison(exact())
                .isEqualTo(before);
    }

    private void assertFoldsAgreeWithTheWalk() {
        assertSegmentsMatchRecount();
        for (TimeWindow window : WINDOWS) {
            for (TradeTypeFilter tradeTypes : TradeTypeFilter.values()) {
                for (PerformanceScope scope : List.of(scope(null, null, null, tradeTypes, window),
                        scope("aviator", null, null, tradeTypes, window), scope("jetx", "spribe", null, tradeTypes, window),
                        scope(null, "spribe", null, tradeTypes, window), scope(null, null, "EUR", tradeTypes, window),
                        scope(null, null, "USD", tradeTypes, window))) {
                    Map<String, PerformanceStats> folded = performance.ofStrategies(STRATEGIES, scope, false);
                    // with the equity returns, the figures are the PERFORMANCE statement's walk over the rounds
                    Map<String, PerformanceStats> walked = performance.ofStrategies(STRATEGIES, scope, true);
                    assertThat(folded).as("in " + scope).usingRecursiveComparison(exact())
                            .ignoringFieldsMatchingRegexes(".*equity").isEqualTo(walked);
                    Map<String, Drawdown> drawdowns = performance.maxDrawdownsOfStrategies(STRATEGIES, scope);
                    assertThat(drawdowns.keySet()).as("in " + scope).isEqualTo(walked.keySet());
                    walked.forEach((strategy, stats) -> assertThat(drawdowns.get(strategy)).as(strategy + " in " + scope)
                            .usingRecursiveComparison(exact()).isEqualTo(stats.maxDrawdown()));
                }
            }
        }
        // the check has teeth: the fleet's strategies have rounds, falls and runs in the whole scope
        Map<String, PerformanceStats> everything = allTime(scope(null, null, null, TradeTypeFilter.ANY));
        assertThat(everything).containsOnlyKeys("flat_2x", "martingale");
        everything.values().forEach(stats -> {
            assertThat(stats.maxDrawdown().amount()).isPositive();
            assertThat(stats.streaks().longestLossStreak()).isGreaterThan(1);
        });
    }

    /** Every clean segment (run) equals a fresh fold of its rounds; dirty ones are folded by readers. */
    private void assertSegmentsMatchRecount() {
        String segments = """
                SELECT strategy_name, date_trunc('hour', round_start_timestamp, 'UTC') AS hour,
                       equity_fold(equity_round(round_start_timestamp, id, profit_loss_amount)
                                   ORDER BY round_start_timestamp, id)::text AS segment
                FROM crash_game_rounds WHERE strategy_name IS NOT NULL GROUP BY 1, 2
                """;
        assertThat(jdbc.queryForList("""
                SELECT s.strategy_name, s.hour, CASE WHEN s.dirty THEN f.segment ELSE s.segment::text END AS segment
                FROM strategy_equity_segments_hourly s LEFT JOIN (%s) AS f USING (strategy_name, hour) ORDER BY 1, 2
                """.formatted(segments)))
                .isNotEmpty()
                .isEqualTo(jdbc.queryForList(segments + " ORDER BY 1, 2"));
        String runs = """
                SELECT strategy_name, session_id,
                       streak_fold(streak_round(round_start_timestamp, id, round_outcome)
                                   ORDER BY round_start_timestamp, id)::text AS runs,
                       count(DISTINCT (bot_id, game_name, platform_code)) = 1 AS uniform
                FROM crash_game_rounds WHERE strategy_name IS NOT NULL AND round_outcome IN ('WIN', 'LOSS') GROUP BY 1, 2
                """;
        assertThat(jdbc.queryForList("""
                SELECT s.strategy_name, s.session_id, CASE WHEN s.dirty THEN f.runs ELSE s.runs::text END AS runs,
                       s.uniform
                FROM strategy_streaks s LEFT JOIN (%s) AS f USING (strategy_name, session_id) ORDER BY 1, 2
                """.formatted(runs)))
                .isNotEmpty()
                .isEqualTo(jdbc.queryForList(runs + " ORDER BY 1, 2"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM strategy_streaks WHERE NOT uniform", Long.class))
                .as("the session played on two games").isPositive();
    }

    /** Rounds made from logged ones by {@code select}, which gives {@link #LOGGED_COLUMNS}. */
    private static void logRounds(String select) {
        jdbc.update("INSERT INTO crash_game_rounds (" + LOGGED_COLUMNS + ") " + select);
    }

    private static Map<String, PerformanceStats> allTime(PerformanceScope scope) {
        return performance.ofStrategies(STRATEGIES, scope, false);
    }

    private static PerformanceScope scope(String game, String platform, String currency, TradeTypeFilter tradeTypes) {
        return scope(game, platform, currency, tradeTypes, TimeWindow.ALL);
    }

    private static PerformanceScope scope(String game, String platform, String currency, TradeTypeFilter tradeTypes,
                                          TimeWindow window) {
        return new PerformanceScope(game, platform, window, currency, null, tradeTypes);
    }

    /** Dirty rows per rollup, of bots and of strategies, by hour and by session. */
    private static Map<Rollup, Long> dirtyRows() {
        return Map.of(
                Rollup.BOT_EQUITY_HOUR, count("SELECT count(*) FROM equity_segments_hourly WHERE dirty"),
                Rollup.BOT_SESSION_RUNS, count("SELECT count(*) FROM round_streaks WHERE dirty"),
                Rollup.STRATEGY_EQUITY_HOUR, count("SELECT count(*) FROM strategy_equity_segments_hourly WHERE dirty"),
                Rollup.STRATEGY_SESSION_RUNS, count("SELECT count(*) FROM strategy_streaks WHERE dirty"));
    }

    private static long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static long dirtyHours() {
        return jdbc.queryForObject("SELECT count(*) FROM strategy_equity_segments_hourly WHERE dirty", Long.class);
    }
}
