package com.crashanalytics.persistence.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.performance.Drawdown;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceScope;
import com.crashanalytics.domain.analytics.replay.LiveBots;
import com.crashanalytics.domain.analytics.replay.LivePortfolio;
import com.crashanalytics.domain.analytics.replay.StrategyReplayReadModel;
import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.persistence.testing.AnalyticsFixtures;
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
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The replay's live side walked once in the domain ({@link LivePortfolio} fed by
 * {@link StrategyReplayReadModel#walkLiveRounds}) gives what the SQL gave before it: the max drawdown of
 * {@link PerformanceStatements#MAX_DRAWDOWN} (fall, peak, peak time, trough time, % of the implied capital's peak) and
 * the bots', sessions' and bust sessions' {@code count(DISTINCT …)}. On a random fixture of several bots interleaved
 * under one strategy (many rounds starting in the same minute, so ties are broken by id), one bot of another strategy
 * that never reports a balance, bots of the same strategy on another platform and with paper money (both left out),
 * windows cutting through it, and a strategy without rounds.
 */
class LiveStrategyWalkAgreementIT {

    private static final Instant T0 = Instant.parse("2026-03-01T20:00:00Z");
    private static final BigDecimal BUST_BELOW = new BigDecimal("5");

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static PerformanceReadModel performance;
    private static StrategyReplayReadModel replays;
    private static TransactionTemplate snapshot;

    @BeforeAll
    static void migrateADatabase() {
        dataSource = MigratedDatabase.pooled("live_strategy_walk_test");
        jdbc = new JdbcTemplate(dataSource);
        JdbcClient client = JdbcClient.create(jdbc);
        performance = new JdbcPerformanceReadModel(client);
        replays = new JdbcStrategyReplayReadModel(client);
        // the gateway walks inside the query's read-only transaction, where the driver fetches through a cursor
        snapshot = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        snapshot.setReadOnly(true);
    }

    @AfterAll
    static void closeThePool() {
        dataSource.close();
    }

    private List<TimeWindow> windows;
    private Instant lastRoundAt;

    @BeforeEach
    void interleavedBots() {
        DatabaseCleaner.clean(dataSource);
        Random random = new Random(20261204);
        AnalyticsFixtures fixtures = new AnalyticsFixtures(jdbc);
        fixtures.platform("aviator", "spribe", "3").platform("jetx", "smartsoft", "3");
        Map<String, BigDecimal> balances = new HashMap<>();
        List<String> sessions = new ArrayList<>();
        for (String bot : List.of("m0", "m1", "m2", "m3", "p0", "q0", "q1")) {
            String strategy = bot.startsWith("q") ? "quiet" : "martingale";
            boolean jetx = bot.equals("m3");
            fixtures.bot(bot, strategy);
            if (bot.equals("p0")) {
                jdbc.update("UPDATE bot_vm_registration SET trade_type = 'PAPER' WHERE bot_id = ?", bot);
            }
            for (int s = 0; s < 2; s++) {
                String session = bot + "_s" + s;
                fixtures.session(session, bot, jetx ? "jetx" : "aviator", jetx ? "smartsoft" : "spribe", strategy,
                        "20");
                balances.put(session, new BigDecimal("20"));
                sessions.add(session);
            }
        }
        int minute = 0;
        for (int r = 0; r < 900; r++) {
            // a third of the rounds start in the same minute as the one before, mostly another bot's
            minute += random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(4);
            Instant at = T0.plusSeconds(60L * minute);
            String session = sessions.get(random.nextInt(sessions.size()));
            BigDecimal balance = balances.get(session);
            BigDecimal stake = new BigDecimal(List.of("1", "2", "4", "0.5").get(random.nextInt(4))).min(balance);
            boolean win = random.nextInt(100) < 47;
            RoundOutcome outcome = stake.signum() == 0 ? RoundOutcome.SKIP : win ? RoundOutcome.WIN : RoundOutcome.LOSS;
            BigDecimal pl = outcome == RoundOutcome.SKIP ? BigDecimal.ZERO : win ? stake : stake.negate();
            balance = balance.add(pl);
            balances.put(session, balance);
            boolean reports = !session.startsWith("q1") && random.nextInt(6) > 0;
            fixtures.round(session, at, outcome, stake.toPlainString(), pl.toPlainString(),
                    reports ? balance.toPlainString() : null, null, null);
            lastRoundAt = at;
        }
        windows = List.of(TimeWindow.ALL,
                new TimeWindow(T0.plusSeconds(60L * minute / 3), null),
                new TimeWindow(null, T0.plusSeconds(60L * minute / 2)),
                new TimeWindow(T0.plusSeconds(60L * minute / 4 + 17), T0.plusSeconds(60L * minute * 3 / 4)));
    }

    @Test
    void theWalkGivesTheDrawdownAndThePlayersTheSqlGave() {
        int withCapital = 0;
        int withBust = 0;
        for (TimeWindow window : windows) {
            for (String strategy : List.of("martingale", "quiet", "no_such_strategy")) {
                PerformanceScope scope = new PerformanceScope("aviator", "spribe", window).of(TradeTypeFilter.LIVE);
                LivePortfolio walked = walk(strategy, window);
                Drawdown bySql = performance.maxDrawdownsOfStrategies(List.of(strategy), scope)
                        .getOrDefault(strategy, Drawdown.none(null));
                String what = strategy + " in " + window;
                assertThat(walked.maxDrawdown()).as(what).usingRecursiveComparison(byValue()).isEqualTo(bySql);
                LiveBots players = walked.players();
                assertThat(players).as(what).isEqualTo(countedBySql(strategy, window));
                withCapital += bySql.percentOfPeak() == null ? 0 : 1;
                withBust += players.bustSessions();
            }
        }
        // the comparison was not vacuous: falls on a known capital, and sessions that went bust
        assertThat(withCapital).isPositive();
        assertThat(withBust).isPositive();
    }

    @Test
    void aBotWithoutBalancesLeavesTheCapitalUnknownAndAnEmptyStrategyHasNoFall() {
        LivePortfolio quiet = walk("quiet", TimeWindow.ALL);
        assertThat(quiet.startingCapital()).isNull();
        assertThat(quiet.maxDrawdown().amount()).isPositive();
        assertThat(quiet.maxDrawdown().percentOfPeak()).isNull();
        assertThat(quiet.players()).isEqualTo(new LiveBots(2, 4, countedBySql("quiet", TimeWindow.ALL).bustSessions()));

        LivePortfolio martingale = walk("martingale", TimeWindow.ALL);
        assertThat(martingale.startingCapital()).isNotNull();
        assertThat(martingale.players().bots()).as("m3 plays jetx, p0 paper money").isEqualTo(3);

        LivePortfolio none = walk("no_such_strategy", TimeWindow.ALL);
        assertThat(none.maxDrawdown()).isEqualTo(Drawdown.none(null));
        assertThat(none.players()).isEqualTo(LiveBots.NONE);
    }

    @Test
    void roundsStartingAtTheSameInstantAreWalkedInTheOrderOfTheirIds() {
        // the fixture's ties: the walk must see them in id order, as MAX_DRAWDOWN's window does
        Integer ties = jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT round_start_timestamp FROM crash_game_rounds
                                      WHERE strategy_name = 'martingale' AND game_name = 'aviator'
                                      GROUP BY 1 HAVING count(*) > 1) AS shared
                """, Integer.class);
        assertThat(ties).isGreaterThan(20);
        List<Instant> starts = new ArrayList<>();
        snapshot.executeWithoutResult(status -> replays.walkLiveRounds("martingale", "aviator", "spribe",
                TimeWindow.ALL, TradeTypeFilter.LIVE, (startedAt, bot, session, pl, balance) -> starts.add(startedAt)));
        List<Instant> expected = jdbc.query("""
                SELECT round_start_timestamp FROM crash_game_rounds
                WHERE strategy_name = 'martingale' AND game_name = 'aviator' AND platform_code = 'spribe'
                  AND bot_id <> 'p0'
                ORDER BY round_start_timestamp, id
                """, (rs, row) -> rs.getTimestamp(1).toInstant());
        assertThat(starts).isEqualTo(expected).hasSizeGreaterThan(300);
        assertThat(starts.get(starts.size() - 1)).isBeforeOrEqualTo(lastRoundAt);
    }

    private static LivePortfolio walk(String strategy, TimeWindow window) {
        LivePortfolio portfolio = new LivePortfolio(BUST_BELOW);
        snapshot.executeWithoutResult(status -> replays.walkLiveRounds(strategy, "aviator", "spribe", window,
                TradeTypeFilter.LIVE, portfolio));
        return portfolio;
    }

    /** The counts as the replay's SQL took them before the walk. */
    private static LiveBots countedBySql(String strategy, TimeWindow window) {
        return jdbc.queryForObject("""
                SELECT count(DISTINCT bot_id) AS bots, count(DISTINCT session_id) AS sessions,
                       count(DISTINCT session_id) FILTER (WHERE running_balance_after < ?) AS bust
                FROM crash_game_rounds
                WHERE strategy_name = ? AND game_name = 'aviator' AND platform_code = 'spribe'
                  AND bot_id IN (SELECT bot_id FROM bot_vm_registration WHERE trade_type = 'LIVE')
                  AND round_start_timestamp >= coalesce(?, '-infinity'::timestamptz)
                  AND round_start_timestamp < coalesce(?, 'infinity'::timestamptz)
                """, (rs, row) -> new LiveBots(rs.getInt("bots"), rs.getInt("sessions"), rs.getInt("bust")),
                BUST_BELOW, strategy, timestamp(window.from()), timestamp(window.to()));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Money compared by value (10 = 10.00000000). */
    private static RecursiveComparisonConfiguration byValue() {
        return RecursiveComparisonConfiguration.builder()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .build();
    }
}
