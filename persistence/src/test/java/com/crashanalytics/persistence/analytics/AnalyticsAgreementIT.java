package com.crashanalytics.persistence.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.multipliers.BigMultiplierGaps;
import com.crashanalytics.domain.analytics.multipliers.CrashPointDistribution;
import com.crashanalytics.domain.analytics.multipliers.GapTally;
import com.crashanalytics.domain.analytics.multipliers.MultiplierReadModel;
import com.crashanalytics.domain.analytics.performance.CapitalFlow;
import com.crashanalytics.domain.analytics.performance.Drawdown;
import com.crashanalytics.domain.analytics.performance.Leaderboard;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceScope;
import com.crashanalytics.domain.analytics.performance.PerformanceStats;
import com.crashanalytics.domain.analytics.performance.PerformanceTotals;
import com.crashanalytics.domain.analytics.performance.Period;
import com.crashanalytics.domain.analytics.performance.PeriodBreakdown;
import com.crashanalytics.domain.analytics.performance.RoundResult;
import com.crashanalytics.domain.analytics.performance.RoundSeries;
import com.crashanalytics.domain.analytics.performance.RoundTotals;
import com.crashanalytics.domain.analytics.signals.SignalEffectiveness;
import com.crashanalytics.domain.analytics.signals.SignalOutcome;
import com.crashanalytics.domain.analytics.signals.SignalReadModel;
import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.persistence.testing.AnalyticsFixtures;
import com.crashanalytics.persistence.testing.AnalyticsFixtures.Written;
import com.crashanalytics.persistence.testing.DatabaseCleaner;
import com.crashanalytics.persistence.testing.MigratedDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same random fixture through the SQL read models and through the domain math gives the same figures: every
 * bot, strategy and platform, several windows, equity curves, leaderboard totals, crash histograms, gaps and signal
 * scores. Then the game-round rollups are shown to agree with a recount from the raw rounds after inserts, updates
 * and deletes. The adapters' SQL against the domain's reference math, on a database of its own migrated by the real
 * changelog: no gateway, no HTTP.
 */
class AnalyticsAgreementIT {

    private static final List<String> BOTS = List.of("bot_0", "bot_1", "bot_2", "bot_3");
    private static final String[][] PLATFORMS = {{"aviator", "spribe"}, {"jetx", "smartsoft"}};
    private static final Instant T0 = Instant.parse("2026-03-01T20:00:00Z");

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static PerformanceReadModel performance;
    private static MultiplierReadModel multipliers;
    private static SignalReadModel signals;

    @BeforeAll
    static void migrateADatabaseAndBuildTheReadModels() {
        // pooled, as the gateway's: the fixture's thousands of statements would otherwise each open a connection
        dataSource = MigratedDatabase.pooled("analytics_agreement_test");
        jdbc = new JdbcTemplate(dataSource);
        JdbcClient client = JdbcClient.create(jdbc);
        performance = new JdbcPerformanceReadModel(client);
        multipliers = new JdbcMultiplierReadModel(client);
        signals = new JdbcSignalReadModel(client);
    }

    @AfterAll
    static void closeThePool() {
        dataSource.close();
    }

    List<Written> rounds;
    Map<String, BigDecimal> initialBalances;
    List<CapitalFlow> capitalFlows;
    List<SignalOutcome> signalOutcomes;
    List<TimeWindow> windows;

    @BeforeEach
    void randomFixture() {
        DatabaseCleaner.clean(dataSource);
        Random random = new Random(20261123);
        AnalyticsFixtures fixtures = new AnalyticsFixtures(jdbc);
        for (String[] platform : PLATFORMS) {
            fixtures.platform(platform[0], platform[1], "3");
        }
        Map<String, BigDecimal> crashOfGameRound = new HashMap<>();
        signalOutcomes = new ArrayList<>();
        initialBalances = new HashMap<>();
        capitalFlows = new ArrayList<>();
        for (int b = 0; b < BOTS.size(); b++) {
            String bot = BOTS.get(b);
            String strategy = b % 2 == 0 ? "flat_2x" : "martingale";
            String[] platform = PLATFORMS[b / 2];
            fixtures.bot(bot, strategy);
            BigDecimal balance = new BigDecimal("100");
            int minute = 0;
            for (int s = 0; s < 2; s++) {
                String session = bot + "_s" + s;
                fixtures.session(session, bot, platform[0], platform[1], strategy, balance.toPlainString());
                initialBalances.put(session, balance);
                for (int r = 0; r < 70; r++) {
                    // ties: a fifth of the rounds start in the same minute as the one before
                    minute += random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(40);
                    Instant at = T0.plusSeconds(60L * minute);
                    if (r == 35) {
                        // capital, not P/L: a deposit into the first session, a withdrawal from the second, counted
                        // from this round on (it starts at the event's instant)
                        BigDecimal flow = s == 0 ? new BigDecimal("50") : new BigDecimal("20").min(balance).negate();
                        fixtures.capitalEvent(bot, session, flow, at);
                        capitalFlows.add(new CapitalFlow(session, at, flow));
                        balance = balance.add(flow);
                    }
                    String externalId = random.nextInt(10) == 0 ? null : "g" + minute;
                    BigDecimal crash = crashOfGameRound.computeIfAbsent(platform[1] + "/" + externalId,
                            key -> fairCrash(random));
                    if (externalId == null || random.nextInt(15) == 0) {
                        crash = fairCrash(random); // a round of its own, or an OCR misread of a shared one
                    }
                    BigDecimal stake = new BigDecimal(List.of("10", "5", "2.5", "3").get(random.nextInt(4)));
                    int kind = random.nextInt(10);
                    RoundOutcome outcome;
                    BigDecimal pl;
                    if (kind < 4) {
                        outcome = RoundOutcome.WIN;
                        pl = stake.multiply(new BigDecimal(List.of("0.2", "0.5", "1", "2.33", "0.33").get(random.nextInt(5))));
                    } else if (kind < 8) {
                        outcome = RoundOutcome.LOSS;
                        pl = stake.negate();
                    } else if (kind < 9) {
                        outcome = RoundOutcome.SKIP;
                        stake = BigDecimal.ZERO;
                        pl = BigDecimal.ZERO;
                    } else {
                        outcome = RoundOutcome.ERROR;
                        pl = BigDecimal.ZERO;
                    }
                    if (balance.add(pl).signum() < 0) {
                        outcome = RoundOutcome.SKIP;
                        stake = BigDecimal.ZERO;
                        pl = BigDecimal.ZERO;
                    }
                    balance = balance.add(pl);
                    String reported = random.nextInt(8) == 0 && !(s == 0 && r == 0) ? null : balance.toPlainString();
                    UUID id = fixtures.round(session, at, outcome, stake.toPlainString(), pl.toPlainString(), reported,
                            random.nextInt(20) == 0 ? null : crash.toPlainString(), externalId);
                    if (random.nextInt(3) > 0) {
                        double confidence = random.nextInt(20) == 0 ? 1.0 : Math.round(random.nextDouble() * 1000) / 1000.0;
                        boolean reached = random.nextDouble() < confidence;
                        String type = random.nextBoolean() ? "ml_v1" : "pattern";
                        fixtures.signal(id, type, confidence, reached, at);
                        // the fixture's signals predict 2.0x; the platforms' house edge is 3%: RTP 0.97
                        signalOutcomes.add(new SignalOutcome(type, confidence, reached, new BigDecimal("2.0"),
                                new BigDecimal("0.97")));
                    }
                }
            }
        }
        rounds = fixtures.written();
        windows = List.of(TimeWindow.ALL,
                new TimeWindow(T0.plusSeconds(3600 * 5), null),
                new TimeWindow(null, T0.plusSeconds(3600 * 30)),
                new TimeWindow(T0.plusSeconds(3600 * 7 + 17), T0.plusSeconds(3600 * 29 + 300)));
    }

    @Test
    void performanceOfBotsStrategiesAndPlatformsAgreesWithTheDomain() {
        for (TimeWindow window : windows) {
            Map<String, PerformanceStats> bySql = performance.ofBots(BOTS, window);
            for (String bot : BOTS) {
                assertSame(bySql.get(bot), reference(window, w -> w.result().botId().equals(bot)),
                        bot + " in " + window);
            }
            Map<String, PerformanceStats> strategies = performance.ofStrategies(List.of("flat_2x", "martingale"),
                    new PerformanceScope(null, null, window));
            for (String strategy : List.of("flat_2x", "martingale")) {
                assertSame(strategies.get(strategy), reference(window, w -> w.strategy().equals(strategy)),
                        strategy + " in " + window);
            }
            PerformanceStats aviator = performance.ofScope(new PerformanceScope("aviator", "spribe", window));
            assertSame(aviator, reference(window, w -> BOTS.indexOf(w.result().botId()) < 2),
                    "aviator in " + window);
        }
    }

    @Test
    void theDrawdownAloneIsTheDrawdownOfTheWholePerformance() {
        List<String> strategies = List.of("flat_2x", "martingale", "no_such_strategy");
        for (TimeWindow window : windows) {
            for (PerformanceScope scope : List.of(new PerformanceScope(null, null, window),
                    new PerformanceScope("jetx", "smartsoft", window))) {
                Map<String, PerformanceStats> whole = performance.ofStrategies(strategies, scope);
                Map<String, Drawdown> alone = performance.maxDrawdownsOfStrategies(strategies, scope);
                assertThat(alone.keySet()).as("strategies with rounds in " + scope).isEqualTo(whole.keySet());
                whole.forEach((strategy, stats) -> assertThat(alone.get(strategy))
                        .as(strategy + " in " + scope)
                        .usingRecursiveComparison(exact())
                        .isEqualTo(stats.maxDrawdown()));
            }
        }
        // and the domain's reference math: a fall of the strategy's portfolio curve, on its implied capital
        for (String strategy : List.of("flat_2x", "martingale")) {
            assertThat(performance.maxDrawdownsOfStrategies(List.of(strategy), PerformanceScope.EVERYTHING).get(strategy))
                    .as(strategy).usingRecursiveComparison(exact())
                    .isEqualTo(reference(TimeWindow.ALL, w -> w.strategy().equals(strategy)).maxDrawdown());
        }
    }

    @Test
    void orderIndependentFiguresFromTheHourlyTotalsAgreeWithTheDomain() {
        for (TimeWindow window : windows) {
            Map<String, PerformanceTotals> bots = performance.totalsOfBots(BOTS, window);
            for (String bot : BOTS) {
                assertSameTotals(bots.get(bot), series(window, w -> w.result().botId().equals(bot)), bot + " in " + window);
            }
            Map<String, PerformanceTotals> strategies = performance.totalsOfStrategies(List.of("flat_2x", "martingale"),
                    new PerformanceScope("jetx", null, window));
            for (String strategy : List.of("flat_2x", "martingale")) {
                assertSameTotals(strategies.get(strategy), series(window, w -> w.strategy().equals(strategy)
                        && BOTS.indexOf(w.result().botId()) >= 2), strategy + " on jetx in " + window);
            }
            assertSameTotals(performance.totalsOfScope(new PerformanceScope("aviator", null, window)),
                    series(window, w -> BOTS.indexOf(w.result().botId()) < 2), "aviator in " + window);
        }
        // a window inside one hour reads the rounds alone
        TimeWindow withinAnHour = new TimeWindow(T0.plusSeconds(3600 * 3 + 60), T0.plusSeconds(3600 * 3 + 3000));
        assertSameTotals(performance.totalsOfScope(new PerformanceScope(null, null, withinAnHour)),
                series(withinAnHour, w -> true), "within an hour");
        assertThat(performance.strategyNames(PerformanceScope.EVERYTHING)).containsExactly("flat_2x", "martingale");
        assertThat(performance.strategyNames(new PerformanceScope("jetx", null, TimeWindow.ALL)))
                .containsExactly("flat_2x", "martingale");
    }

    @Test
    void equityCurvesAndLeaderboardTotalsAgreeWithTheDomain() {
        for (TimeWindow window : windows) {
            for (Period period : Period.values()) {
                var curves = performance.equityCurves(BOTS, period, window);
                for (String bot : BOTS) {
                    var expected = PeriodBreakdown.of(series(window, w -> w.result().botId().equals(bot)), period);
                    assertThat(curves.getOrDefault(bot, List.of())).as(bot + " by " + period)
                            .usingRecursiveFieldByFieldElementComparator(exact()).isEqualTo(expected);
                }
            }
            Map<String, RoundTotals> totals = performance.leaderboardEntries(window).stream()
                    .collect(Collectors.toMap(Leaderboard.Entry::botId, Leaderboard.Entry::totals));
            for (String bot : BOTS) {
                assertThat(totals.get(bot)).usingRecursiveComparison(exact())
                        .isEqualTo(RoundTotals.of(series(window, w -> w.result().botId().equals(bot)).rounds()));
            }
        }
    }

    @Test
    void crashHistogramsAndGapsAgreeWithTheDomainOnDeduplicatedGameRounds() {
        CrashPointDistribution theory = CrashPointDistribution.withHouseEdge(new BigDecimal("3"));
        for (String[] platform : PLATFORMS) {
            for (TimeWindow window : windows) {
                List<Written> gameRounds = gameRounds(platform[0], window);
                SortedMap<BigDecimal, Long> expected = new TreeMap<>();
                gameRounds.forEach(w -> expected.merge(w.crash(), 1L, Long::sum));
                assertThat(multipliers.crashCounts(platform[0], platform[1], window)).as(platform[1] + " " + window)
                        .isEqualTo(expected);
                for (String threshold : List.of("2", "10")) {
                    GapTally tally = multipliers.gaps(platform[0], platform[1], new BigDecimal(threshold), window);
                    BigMultiplierGaps bySql = BigMultiplierGaps.of(tally, new BigDecimal(threshold), theory);
                    BigMultiplierGaps byDomain = BigMultiplierGaps.of(gameRounds.stream().map(Written::crash).toList(),
                            new BigDecimal(threshold), theory);
                    assertThat(bySql).as(platform[1] + " ≥ " + threshold + " " + window).isEqualTo(byDomain);
                }
            }
        }
    }

    @Test
    void signalScoresAgreeWithTheDomain() {
        for (int buckets : List.of(1, 3, 10, 100)) {
            var bySql = signals.scores(null, TimeWindow.ALL, buckets).entrySet().stream()
                    .map(entry -> SignalEffectiveness.of(entry.getKey(), entry.getValue(), buckets)).toList();
            assertThat(bySql).as(buckets + " buckets").usingRecursiveComparison(exact())
                    .isEqualTo(SignalEffectiveness.byType(signalOutcomes, buckets));
        }
    }

    @Test
    void theGameRoundRollupsAgreeWithARecountAfterInsertsUpdatesAndDeletes() {
        assertRollupsMatchRecount();
        // a misread corrected, a round moved to another game round, another given an external id, one moved in time
        jdbc.update("UPDATE crash_game_rounds SET crash_multiplier_detected = 7.77 WHERE id = ?", rounds.get(5).id());
        jdbc.update("UPDATE crash_game_rounds SET round_external_id = 'moved' WHERE id = ?", rounds.get(10).id());
        jdbc.update("UPDATE crash_game_rounds SET round_external_id = 'moved' WHERE id = ?", rounds.get(11).id());
        jdbc.update("UPDATE crash_game_rounds SET round_start_timestamp = round_start_timestamp - interval '3 days' WHERE id = ?",
                rounds.get(20).id());
        jdbc.update("UPDATE crash_game_rounds SET crash_multiplier_detected = NULL WHERE id = ?", rounds.get(30).id());
        jdbc.update("UPDATE crash_game_rounds SET data_quality_flags = '{BALANCE_DISCONTINUITY}'");
        assertRollupsMatchRecount();
        // retention: the oldest third of the rounds go
        jdbc.update("DELETE FROM crash_game_rounds WHERE round_start_timestamp < ?",
                java.sql.Timestamp.from(T0.plusSeconds(3600 * 12)));
        assertRollupsMatchRecount();
        jdbc.update("UPDATE crash_game_rounds SET profit_loss_amount = profit_loss_amount + 1, round_outcome = 'WIN' WHERE id = ?",
                rounds.get(rounds.size() - 1).id());
        jdbc.update("UPDATE crash_game_rounds SET strategy_name = NULL WHERE id = ?", rounds.get(rounds.size() - 2).id());
        assertRollupsMatchRecount();
        jdbc.update("DELETE FROM crash_game_rounds");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM round_totals_hourly", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM game_round_crash_counts", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM game_round_crashes", Long.class)).isZero();
    }

    /**
     * New observations are folded into the game-round rollup rather than recounted (changeset 0440): the rollup
     * still equals a recount when other bots' observations of the same game rounds arrive late, several of one game
     * round in one statement, some earlier than the game round's representative (moving it, and its day count, to
     * an earlier UTC day and another crash reading), some misread, some without a reading; and when two writers
     * log observations of the same game rounds at once.
     */
    @Test
    void theGameRoundRollupsAgreeWithARecountWhenObservationsArriveLateEarlierAndTogether() throws Exception {
        assertRollupsMatchRecount();
        jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                       round_start_timestamp, stake_value, strategy_name, round_outcome, profit_loss_amount,
                       content_fingerprint, round_external_id, crash_multiplier_detected)
                SELECT r.bot_id, r.session_id, r.game_name, r.platform_code, r.round_number + copy.offset_number,
                       r.round_start_timestamp - interval '11 hours' * ((r.round_number + copy.earlier) % 3), 0,
                       r.strategy_name, 'SKIP', 0, r.content_fingerprint, r.round_external_id,
                       CASE (r.round_number + copy.earlier) % 5 WHEN 0 THEN r.crash_multiplier_detected + 0.01
                                                               WHEN 1 THEN NULL
                                                               ELSE r.crash_multiplier_detected END
                FROM crash_game_rounds r, (VALUES (3000, 0), (4000, 1)) AS copy (offset_number, earlier)
                WHERE r.round_number % 4 <> 3
                """);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM game_round_crashes WHERE observations >= 3", Long.class))
                .as("game rounds observed three times or more").isPositive();
        assertRollupsMatchRecount();

        List<Map<String, Object>> watched = jdbc.queryForList("""
                SELECT bot_id, session_id, game_name, platform_code, round_external_id, round_start_timestamp,
                       crash_multiplier_detected, content_fingerprint
                FROM crash_game_rounds WHERE round_external_id IS NOT NULL AND round_number < 1000
                ORDER BY round_start_timestamp DESC LIMIT 60
                """);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                int number = 5000 + writer * 100;
                int shift = writer;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < watched.size(); i++) {
                        Map<String, Object> seen = watched.get(i);
                        jdbc.update("""
                                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                                       round_start_timestamp, stake_value, round_outcome, profit_loss_amount,
                                       content_fingerprint, round_external_id, crash_multiplier_detected)
                                VALUES (?, ?, ?, ?, ?, CAST(? AS timestamptz) - interval '1 minute' * ?, 0, 'SKIP', 0, ?, ?,
                                        CAST(? AS numeric) + 0.02 * ?)
                                """, seen.get("bot_id"), seen.get("session_id"), seen.get("game_name"),
                                seen.get("platform_code"), number + i, seen.get("round_start_timestamp"),
                                (i + shift) % 2, seen.get("content_fingerprint"), seen.get("round_external_id"),
                                seen.get("crash_multiplier_detected"), shift);
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }
        assertRollupsMatchRecount();
    }

    /**
     * A bot's whole equity curve is read from {@code round_totals_hourly} (issue 14); a window ending in the far future
     * reads the same periods from the rounds. Both agree, in every period, after late rounds (before others of their
     * hour), a correction, corrections' deletes and a retention run whose cutoff falls inside an hour (the rollup keeps
     * the retired rounds; the curve, like the rounds, starts after them).
     */
    @Test
    void theWholeEquityCurveFromTheHourlyTotalsAgreesWithTheRoundsAfterLateRoundsAndRetention() {
        assertWholeCurvesMatchTheRounds();
        jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                       round_start_timestamp, stake_value, strategy_name, round_outcome, profit_loss_amount,
                       running_balance_after, content_fingerprint)
                SELECT bot_id, session_id, game_name, platform_code, round_number + 2000,
                       round_start_timestamp - interval '1 second' * (round_number % 5), 5, strategy_name, 'WIN', 7.5,
                       CASE WHEN round_number % 2 = 0 THEN 1234.5 END, content_fingerprint
                FROM crash_game_rounds WHERE round_number % 7 = 3
                """);
        assertWholeCurvesMatchTheRounds();
        jdbc.update("UPDATE crash_game_rounds SET round_start_timestamp = round_start_timestamp - interval '3 hours' WHERE id = ?",
                rounds.get(100).id());
        jdbc.update("DELETE FROM crash_game_rounds WHERE round_number % 9 = 2");
        assertWholeCurvesMatchTheRounds();
        // the retention job's delete: the rollups' delete triggers stand aside (changelog 0200)
        jdbc.execute("""
                DO $$ BEGIN
                    PERFORM set_config('crash_analytics.retiring_rounds', 'on', true);
                    DELETE FROM crash_game_rounds WHERE round_start_timestamp < timestamptz '%s';
                END $$""".formatted(T0.plusSeconds(3600 * 6 + 1234)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM round_totals_hourly WHERE hour < ?", Long.class,
                java.sql.Timestamp.from(T0.plusSeconds(3600 * 6)))).as("retired hours kept in the rollup").isPositive();
        assertWholeCurvesMatchTheRounds();
    }

    private void assertWholeCurvesMatchTheRounds() {
        TimeWindow everyRound = new TimeWindow(null, Instant.parse("2200-01-01T00:00:00Z"));
        for (Period period : Period.values()) {
            var fromTheRounds = performance.equityCurves(BOTS, period, everyRound);
            assertThat(fromTheRounds).as("every bot has rounds").hasSize(BOTS.size());
            assertThat(performance.equityCurves(BOTS, period, TimeWindow.ALL)).as("by " + period)
                    .usingRecursiveComparison(exact())
                    .isEqualTo(fromTheRounds);
        }
    }

    /**
     * Bot.statistics over all time folds the hourly equity segments and the sessions' runs; a window that ends in
     * the far future reads every round. Both agree, and each segment equals a fresh fold of its rounds, after late
     * rounds (before others of their hour and session, singly and in one multi-hour statement), updates and deletes.
     */
    @Test
    void theEquitySegmentsAgreeWithTheRoundsAfterLateRoundsUpdatesAndDeletes() {
        assertSegmentsMatchRecount();
        // one late round, ten minutes before a round in the middle of bot_1's play
        jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                       round_start_timestamp, stake_value, strategy_name, round_outcome, profit_loss_amount, content_fingerprint)
                SELECT bot_id, session_id, game_name, platform_code, round_number + 1000,
                       round_start_timestamp - interval '10 minutes', 10, strategy_name, 'LOSS', -10, content_fingerprint
                FROM crash_game_rounds WHERE id = ?
                """, rounds.get(70 * 2 + 35).id());
        assertSegmentsMatchRecount();
        // one statement: a late winning round every seventh round of every bot, and rounds after the last ones
        jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                       round_start_timestamp, stake_value, strategy_name, round_outcome, profit_loss_amount, content_fingerprint)
                SELECT bot_id, session_id, game_name, platform_code, round_number + 2000,
                       round_start_timestamp - interval '1 second' * (round_number % 5), 5, strategy_name, 'WIN', 7.5, content_fingerprint
                FROM crash_game_rounds WHERE round_number % 7 = 3
                UNION ALL
                SELECT bot_id, session_id, game_name, platform_code, round_number + 3000,
                       round_start_timestamp + interval '2 days', 2.5, strategy_name, 'LOSS', -2.5, content_fingerprint
                FROM crash_game_rounds WHERE round_number % 11 = 4
                """);
        assertThat(dirtyHours()).isPositive();
        assertSegmentsMatchRecount();
        // rounds a day after the last ones recount every dirty hour of their bots that ended over an hour before
        jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                       round_start_timestamp, stake_value, strategy_name, round_outcome, profit_loss_amount, content_fingerprint)
                SELECT bot_id, session_id, game_name, platform_code, round_number + 4000,
                       round_start_timestamp + interval '3 days', 1, strategy_name, 'WIN', 0.5, content_fingerprint
                FROM crash_game_rounds WHERE round_number = 69
                """);
        assertThat(dirtyHours()).isZero();
        assertSegmentsMatchRecount();
        jdbc.update("UPDATE crash_game_rounds SET profit_loss_amount = -profit_loss_amount, "
                + "round_outcome = CASE round_outcome WHEN 'WIN' THEN 'LOSS' WHEN 'LOSS' THEN 'WIN' ELSE round_outcome END "
                + "WHERE round_number % 13 = 0");
        jdbc.update("UPDATE crash_game_rounds SET round_start_timestamp = round_start_timestamp - interval '3 hours' WHERE id = ?",
                rounds.get(100).id());
        jdbc.update("UPDATE crash_game_rounds SET data_quality_flags = '{BALANCE_DISCONTINUITY}'");
        assertSegmentsMatchRecount();
        jdbc.update("DELETE FROM crash_game_rounds WHERE round_number % 9 = 2 OR round_start_timestamp < ?",
                java.sql.Timestamp.from(T0.plusSeconds(3600 * 6)));
        assertSegmentsMatchRecount();
        jdbc.update("DELETE FROM crash_game_rounds");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM equity_segments_hourly", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM round_streaks", Long.class)).isZero();
    }

    /**
     * Two hours whose fold ties: the fall below hour 1's peak and the fall inside hour 2 are both 15, and the first
     * (the trough of the earlier round) is the maximum drawdown's, as along the rounds.
     */
    @Test
    void aDrawdownThatTwoHoursReachAlikeIsTheEarlierOne() {
        AnalyticsFixtures fixtures = new AnalyticsFixtures(jdbc);
        fixtures.bot("tie_bot", "flat_2x");
        fixtures.session("tie_s", "tie_bot", "aviator", "spribe", "flat_2x", "100");
        Instant hour = Instant.parse("2026-05-01T10:00:00Z");
        // levels 10 | -5, 15, 0: hour 1 peaks at 10; in hour 2 the curve falls 10 - (-5) = 15 below it, then
        // 15 - 0 = 15 below its own peak: the maximum drawdown is 15, peak 10 at 10:00, trough -5 at 11:00
        fixtures.round("tie_s", hour, RoundOutcome.WIN, "10", "10", "110", null, null);
        fixtures.round("tie_s", hour.plusSeconds(3600), RoundOutcome.LOSS, "15", "-15", "95", null, null);
        fixtures.round("tie_s", hour.plusSeconds(3660), RoundOutcome.WIN, "10", "20", "115", null, null);
        fixtures.round("tie_s", hour.plusSeconds(3720), RoundOutcome.LOSS, "15", "-15", "100", null, null);

        PerformanceStats folded = performance.ofBots(List.of("tie_bot"), TimeWindow.ALL).get("tie_bot");

        assertThat(folded.maxDrawdown().amount()).isEqualByComparingTo("15");
        assertThat(folded.maxDrawdown().peakAt()).isEqualTo(hour);
        assertThat(folded.maxDrawdown().troughAt()).isEqualTo(hour.plusSeconds(3600));
        assertThat(folded).usingRecursiveComparison(exact()).isEqualTo(performance.ofBots(List.of("tie_bot"),
                new TimeWindow(null, Instant.parse("2100-01-01T00:00:00Z"))).get("tie_bot"));
    }

    private long dirtyHours() {
        return jdbc.queryForObject("SELECT count(*) FROM equity_segments_hourly WHERE dirty", Long.class);
    }

    private void assertSegmentsMatchRecount() {
        // a dirty hour (session), left by a late round, is one readers fold from its rounds: only clean ones must match
        String segments = """
                SELECT bot_id, date_trunc('hour', round_start_timestamp, 'UTC') AS hour,
                       equity_fold(equity_round(round_start_timestamp, id, profit_loss_amount)
                                   ORDER BY round_start_timestamp, id)::text AS segment
                FROM crash_game_rounds GROUP BY 1, 2
                """;
        assertThat(jdbc.queryForList("""
                SELECT s.bot_id, s.hour, CASE WHEN s.dirty THEN f.segment ELSE s.segment::text END AS segment
                FROM equity_segments_hourly s LEFT JOIN (%s) AS f USING (bot_id, hour) ORDER BY 1, 2
                """.formatted(segments)))
                .isNotEmpty()
                .isEqualTo(jdbc.queryForList(segments + " ORDER BY 1, 2"));
        String runs = """
                SELECT bot_id, session_id,
                       streak_fold(streak_round(round_start_timestamp, id, round_outcome)
                                   ORDER BY round_start_timestamp, id)::text AS runs
                FROM crash_game_rounds WHERE round_outcome IN ('WIN', 'LOSS') GROUP BY 1, 2
                """;
        assertThat(jdbc.queryForList("""
                SELECT s.bot_id, s.session_id, CASE WHEN s.dirty THEN f.runs ELSE s.runs::text END AS runs
                FROM round_streaks s LEFT JOIN (%s) AS f USING (bot_id, session_id) ORDER BY 1, 2
                """.formatted(runs)))
                .isEqualTo(jdbc.queryForList(runs + " ORDER BY 1, 2"));
        Map<String, PerformanceStats> folded = performance.ofBots(BOTS, TimeWindow.ALL);
        Map<String, PerformanceStats> recounted = performance.ofBots(BOTS, new TimeWindow(null, Instant.parse("2100-01-01T00:00:00Z")));
        assertThat(folded).usingRecursiveComparison(exact()).isEqualTo(recounted);
    }

    @Test
    void truncatingTheRoundsEmptiesTheRollups() {
        jdbc.execute("TRUNCATE crash_game_rounds CASCADE");

        for (String rollup : List.of("game_round_crashes", "game_round_crash_counts", "round_totals_hourly",
                "equity_segments_hourly", "round_streaks")) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + rollup, Long.class)).as(rollup).isZero();
        }
    }

    private void assertRollupsMatchRecount() {
        String recount = """
                SELECT DISTINCT ON (game_name, platform_code, coalesce(round_external_id, id::text))
                       id, game_name, platform_code, round_external_id, round_start_timestamp, crash_multiplier_detected,
                       count(*) OVER game_round AS observations,
                       min(crash_multiplier_detected) OVER game_round AS lowest_reading,
                       max(crash_multiplier_detected) OVER game_round AS highest_reading
                FROM crash_game_rounds
                WHERE crash_multiplier_detected IS NOT NULL
                WINDOW game_round AS (PARTITION BY game_name, platform_code, coalesce(round_external_id, id::text))
                ORDER BY game_name, platform_code, coalesce(round_external_id, id::text), round_start_timestamp, id
                """;
        List<Map<String, Object>> expectedGameRounds = jdbc.queryForList(
                "SELECT id::text, round_start_timestamp, crash_multiplier_detected::text, observations, "
                        + "lowest_reading::text, highest_reading::text FROM (" + recount
                        + ") AS g ORDER BY 1");
        List<Map<String, Object>> gameRounds = jdbc.queryForList("""
                SELECT round_id::text AS id, round_start_timestamp, crash_multiplier::text AS crash_multiplier_detected,
                       observations::bigint AS observations, lowest_reading::text AS lowest_reading,
                       highest_reading::text AS highest_reading
                FROM game_round_crashes ORDER BY 1
                """);
        assertThat(gameRounds).isEqualTo(expectedGameRounds);
        List<Map<String, Object>> expectedCounts = jdbc.queryForList("""
                SELECT game_name, platform_code, (round_start_timestamp AT TIME ZONE 'UTC')::date AS day,
                       crash_multiplier_detected::text AS crash, count(*) AS rounds
                FROM (%s) AS g GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                """.formatted(recount));
        List<Map<String, Object>> counts = jdbc.queryForList("""
                SELECT game_name, platform_code, day, crash_multiplier::text AS crash, rounds
                FROM game_round_crash_counts ORDER BY 1, 2, 3, 4
                """);
        assertThat(counts).isNotEmpty().isEqualTo(expectedCounts);
        String totals = """
                SELECT bot_id, coalesce(strategy_name, '') AS strategy_name, game_name, platform_code,
                       date_trunc('hour', round_start_timestamp, 'UTC') AS hour, count(*) AS rounds,
                       count(*) FILTER (WHERE round_outcome = 'WIN') AS wins, sum(stake_value)::text AS staked,
                       sum(profit_loss_amount)::text AS profit_loss,
                       (max(profit_loss_amount) FILTER (WHERE round_outcome = 'WIN'))::text AS largest_win,
                       (max(-profit_loss_amount) FILTER (WHERE round_outcome = 'LOSS'))::text AS largest_loss,
                       count(*) FILTER (WHERE stake_value > 0) AS bets,
                       coalesce(sum(profit_loss_amount / stake_value) FILTER (WHERE stake_value > 0), 0)::text AS sum_returns,
                       min(round_start_timestamp) AS first_at, max(round_start_timestamp) AS last_at,
                       count(crash_multiplier_detected) AS crashes_read,
                       coalesce(sum(crash_multiplier_detected), 0)::text AS crash_sum,
                       min(crash_multiplier_detected)::text AS lowest_crash,
                       max(crash_multiplier_detected)::text AS highest_crash
                FROM crash_game_rounds GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
                """;
        assertThat(jdbc.queryForList("""
                SELECT bot_id, strategy_name, game_name, platform_code, hour, rounds, wins, total_staked::text AS staked,
                       total_profit_loss::text AS profit_loss, largest_win::text AS largest_win,
                       largest_loss::text AS largest_loss, bets, sum_returns::text AS sum_returns, first_at, last_at,
                       crashes_read, crash_sum::text AS crash_sum, lowest_crash::text AS lowest_crash,
                       highest_crash::text AS highest_crash
                FROM round_totals_hourly ORDER BY 1, 2, 3, 4, 5
                """)).isEqualTo(jdbc.queryForList(totals));
    }

    /** The rounds in the window matching the filter, in (start time, id) order as PostgreSQL orders uuids. */
    /**
     * The domain's figures for the rounds in the window that pass the filter, each session's equity standing on its
     * initial balance plus the P/L of its rounds before the window (the fixture's sessions are of one strategy and
     * platform each, so a filter takes a session's rounds in the window whole).
     */
    private PerformanceStats reference(TimeWindow window, Predicate<Written> filter) {
        RoundSeries series = series(window, filter);
        Map<String, BigDecimal> equityAtStart = new HashMap<>();
        series.rounds().forEach(round -> equityAtStart.put(round.sessionId(), initialBalances.get(round.sessionId())));
        rounds.stream()
                .filter(w -> window.from() != null && w.result().startedAt().isBefore(window.from())
                        && equityAtStart.containsKey(w.result().sessionId()))
                .forEach(w -> equityAtStart.merge(w.result().sessionId(), w.result().profitLoss(), BigDecimal::add));
        return PerformanceStats.of(series, series.impliedStartingCapital(), equityAtStart, capitalFlows);
    }

    private RoundSeries series(TimeWindow window, Predicate<Written> filter) {
        return new RoundSeries(rounds.stream()
                .filter(w -> window.contains(w.result().startedAt()) && filter.test(w))
                .sorted(PLAY_ORDER)
                .map(Written::result)
                .toList());
    }

    /** Game rounds of one game in the window: per external id the earliest observation with a crash. */
    private List<Written> gameRounds(String game, TimeWindow window) {
        int firstBot = game.equals("aviator") ? 0 : 2;
        Map<String, Written> byGameRound = new LinkedHashMap<>();
        rounds.stream()
                .filter(w -> w.crash() != null && BOTS.indexOf(w.result().botId()) / 2 == firstBot / 2)
                .sorted(PLAY_ORDER)
                .forEach(w -> byGameRound.putIfAbsent(externalIdOf(w), w));
        return byGameRound.values().stream()
                .filter(w -> window.contains(w.result().startedAt()))
                .sorted(PLAY_ORDER)
                .toList();
    }

    private String externalIdOf(Written round) {
        String externalId = jdbc.queryForObject("SELECT round_external_id FROM crash_game_rounds WHERE id = ?",
                String.class, round.id());
        return externalId == null ? round.id().toString() : externalId;
    }

    private static final Comparator<Written> PLAY_ORDER = Comparator
            .comparing((Written w) -> w.result().startedAt())
            .thenComparing(w -> w.id().toString());

    /** A crash point of a fair game at 97 %, shown to 0.01: P(crash ≥ x) = 0.97 / x. */
    private static BigDecimal fairCrash(Random random) {
        double u = random.nextDouble();
        double x = u < 0.03 ? 1 : 0.97 / (1 - u);
        return BigDecimal.valueOf(Math.max(1, x)).setScale(2, RoundingMode.FLOOR).min(new BigDecimal("100000"));
    }

    private static void assertSameTotals(PerformanceTotals bySql, RoundSeries series, String what) {
        PerformanceTotals expected = PerformanceTotals.of(PerformanceStats.of(series));
        if (series.isEmpty()) {
            assertThat(bySql == null || bySql.equals(PerformanceTotals.NONE)).as(what).isTrue();
            return;
        }
        assertThat(bySql).as(what).usingRecursiveComparison(exact()).isEqualTo(expected);
    }

    private static void assertSame(PerformanceStats bySql, PerformanceStats byDomain, String what) {
        if (byDomain.totals().rounds() == 0) {
            assertThat(bySql).as(what).isNull();
            return;
        }
        assertThat(bySql).as(what).usingRecursiveComparison(exact()).isEqualTo(byDomain);
    }

    /** Money compared by value (10 = 10.00000000), ratios of doubles to 1e-9 relative (StrategySegmentsAgreementIT too). */
    static RecursiveComparisonConfiguration exact() {
        return RecursiveComparisonConfiguration.builder()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .withComparatorForType((Double a, Double b) ->
                        Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) ? 0 : Double.compare(a, b), Double.class)
                .build();
    }
}
