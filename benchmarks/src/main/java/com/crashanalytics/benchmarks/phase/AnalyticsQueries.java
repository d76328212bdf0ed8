package com.crashanalytics.benchmarks.phase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.crashanalytics.benchmarks.database.AnalyticsSql;
import com.crashanalytics.benchmarks.gateway.GatewayHttp;
import com.crashanalytics.benchmarks.measure.Alternation;
import com.crashanalytics.benchmarks.measure.Alternation.Contender;
import com.crashanalytics.benchmarks.measure.Latencies;
import com.crashanalytics.benchmarks.measure.Series;
import com.crashanalytics.benchmarks.measure.Trial;
import com.crashanalytics.benchmarks.report.JsonComparison;
import com.crashanalytics.benchmarks.report.Row;
import com.crashanalytics.simulator.history.FleetHistory;
import tools.jackson.databind.JsonNode;

/**
 * Analytics at growing sizes: {@code Bot.statistics}, the strategy comparison, {@code multiplierDistribution},
 * {@code streaks}, {@code luckOrEdge}, {@code platformIntegrity}, {@code strategyReplay}, {@code gameStatistics}
 * converted into EUR and {@code riskOfRuin}, each through GraphQL with a DASHBOARD key against one hand-written SQL
 * statement straight over the rounds ({@link AnalyticsSql}). The data is generated into the database with COPY
 * ({@link FleetHistory}) and grows from one size to the next; at each size the two answers are compared on the
 * figures both compute, then latency alternates trial by trial. Growth is the ratio of p50 at the largest size to p50 at the smallest.
 */
public final class AnalyticsQueries {

    private static final String SECTION = "analytics";
    static final String BOT = FleetHistory.botId(7);
    static final String GAME = FleetHistory.PLATFORMS[0][0];
    static final String PLATFORM = FleetHistory.PLATFORMS[0][1];
    static final String PERFORMANCE = "rounds wins losses totalProfitLoss winRate roiPercent profitFactor "
            + "sharpeRatio sortinoRatio longestWinStreak longestLossStreak maxDrawdown { amount percentOfPeak troughAt } "
            + "currentDrawdown { amount }";
    /** bot_03 plays martingale_2x: its risk of ruin is simulated (bot_07, flat_2x, is worked out exactly). */
    private static final String MARTINGALE_BOT = FleetHistory.botId(3);
    private static final String RISK_OF_RUIN = "{ riskOfRuin(botId: \"%s\", rounds: 1000) { probabilityOfRuin "
            + "medianRoundsToRuin method simulations stakingRule { family baseStake target observedBets } } }";
    private static final String STRATEGY_TOTALS = "rounds wins losses totalStaked totalProfitLoss winRate roiPercent "
            + "grossWin grossLoss profitFactor sharpeRatio";

    /** One analytics query: the GraphQL document, where its answer is, and its hand-written SQL with parameters. */
    record Query(String name, String document, String answerAt, String sql, List<String> parameters) {
    }

    static final List<Query> QUERIES = List.of(
            new Query("Bot.statistics, 1 bot, all time",
                    "{ bot(botId: \"%s\") { statistics { %s } } }".formatted(BOT, PERFORMANCE), "/data/bot/statistics",
                    AnalyticsSql.BOT_STATISTICS, List.of(BOT)),
            // Totals and return ratios per strategy: what the hand-written SQL computes too (not drawdowns or streaks).
            new Query("strategies { performance totals }, all time",
                    "{ strategies { name performance { %s } } }".formatted(STRATEGY_TOTALS), "/data/strategies",
                    AnalyticsSql.STRATEGIES, List.of()),
            new Query("multiplierDistribution, " + GAME + "/" + PLATFORM,
                    ("{ multiplierDistribution(game: \"%s\", platform: \"%s\") { rounds mean median instantCrashes "
                            + "buckets { count } percentiles { fraction value } chiSquare { pValue } "
                            + "kolmogorovSmirnov { pValue } } }").formatted(GAME, PLATFORM),
                    "/data/multiplierDistribution", AnalyticsSql.MULTIPLIER_DISTRIBUTION, List.of(GAME, PLATFORM)),
            new Query("streaks(threshold: 10), " + GAME + "/" + PLATFORM,
                    ("{ streaks(game: \"%s\", platform: \"%s\") { rounds hits longestGap currentGap meanGap "
                            + "histogram { observed expected } } }").formatted(GAME, PLATFORM),
                    "/data/streaks", AnalyticsSql.STREAKS, List.of(GAME, PLATFORM)),
            new Query("luckOrEdge, 1 bot, all time",
                    ("{ luckOrEdge(botId: \"%s\") { bets meanReturnPerUnit houseEdgeReturnPerUnit pValue confidenceLow95 "
                            + "confidenceHigh95 moreBetsToTellAt5Percent moreBetsToTellAt1Percent verdict } }").formatted(BOT),
                    "/data/luckOrEdge", AnalyticsSql.LUCK_OR_EDGE, List.of(BOT)),
            new Query("platformIntegrity, " + GAME + "/" + PLATFORM + ", all time",
                    ("{ platformIntegrity(game: \"%s\", platform: \"%s\") { payout { flaggedOn direction "
                            + "days { day rounds hits fellStatistic roseStatistic } } ocrAgreement { watchedRounds "
                            + "agreeingRounds agreementShare largestDisagreements { roundExternalId spread "
                            + "readings { botId crashMultiplier } } } } }").formatted(GAME, PLATFORM),
                    "/data/platformIntegrity", AnalyticsSql.PLATFORM_INTEGRITY, List.of(GAME, PLATFORM, GAME, PLATFORM)),
            new Query("strategyReplay, martingale cap 3 on " + GAME + "/" + PLATFORM + " vs martingale_2x, all time",
                    ("{ strategyReplay(input: {game: \"%s\", platform: \"%s\", system: MARTINGALE, baseStake: 1, "
                            + "target: 2, maxSteps: 3, initialBalance: 1000, liveStrategy: \"martingale_2x\"}) { "
                            + "replayed { crashPoints rounds profitLoss maxDrawdown maxDrawdownPercent ruined } "
                            + "live { bots sessions bustSessions rounds profitLoss maxDrawdown } } }").formatted(GAME, PLATFORM),
                    "/data/strategyReplay", AnalyticsSql.STRATEGY_REPLAY,
                    List.of(GAME, PLATFORM, "martingale_2x", GAME, PLATFORM)),
            // The replay alone (no live strategy): what reading and replaying the crash points costs.
            new Query("strategyReplay, martingale cap 3 on " + GAME + "/" + PLATFORM + ", no live comparison, all time",
                    ("{ strategyReplay(input: {game: \"%s\", platform: \"%s\", system: MARTINGALE, baseStake: 1, "
                            + "target: 2, maxSteps: 3, initialBalance: 1000}) { "
                            + "replayed { crashPoints rounds profitLoss maxDrawdown maxDrawdownPercent ruined } } }")
                            .formatted(GAME, PLATFORM),
                    "/data/strategyReplay", AnalyticsSql.STRATEGY_REPLAY_ONLY, List.of(GAME, PLATFORM)),
            new Query("gameStatistics(convertTo: EUR), " + GAME + ", all time",
                    "{ gameStatistics(game: \"%s\", convertTo: \"EUR\") { rounds totalStaked totalProfitLoss roiPercent } }"
                            .formatted(GAME), "/data/gameStatistics", AnalyticsSql.GAME_STATISTICS_IN_EUR, List.of(GAME)),
            new Query("riskOfRuin(rounds: 1000), 1 bot at one stake (exact)",
                    RISK_OF_RUIN.formatted(BOT), "/data/riskOfRuin/stakingRule", AnalyticsSql.STAKING_RULE, List.of(BOT)),
            new Query("riskOfRuin(rounds: 1000), 1 martingale bot (simulated)",
                    RISK_OF_RUIN.formatted(MARTINGALE_BOT), "/data/riskOfRuin/stakingRule", AnalyticsSql.STAKING_RULE,
                    List.of(MARTINGALE_BOT)));

    private final Bench bench;
    private final Connection generatorConnection;
    private final FleetHistory data;
    private final GatewayHttp http;
    /** p50 in ms by query name, then by size, for the gateway and for the SQL. */
    private final Map<String, Map<Long, double[]>> medians = new LinkedHashMap<>();

    public AnalyticsQueries(Bench bench) throws Exception {
        this.bench = bench;
        this.generatorConnection = bench.database().connect();
        // Every table, not only what the analytics read: the reads phase pages rounds on this history, and a round
        // without its outcome row is not listed by the gateway (the lists join analytics_round_outcomes).
        this.data = new FleetHistory(generatorConnection).withEveryTable();
        try (PreparedStatement rate = generatorConnection.prepareStatement("""
                INSERT INTO exchange_rates (from_currency, to_currency, valid_from, rate)
                VALUES ('USD', 'EUR', '2026-01-01T00:00:00Z', CAST(? AS numeric)) ON CONFLICT DO NOTHING""")) {
            rate.setString(1, AnalyticsSql.USD_TO_EUR); // what gameStatistics(convertTo: "EUR") multiplies USD by
            rate.executeUpdate();
        }
        this.http = new GatewayHttp(bench.gateway().graphQl(), bench.admin().dashboardKey());
    }

    /** Generates rounds (COPY, the rollup triggers running) until the analytics data holds {@code size}. */
    public void growTo(long size) throws Exception {
        long started = System.nanoTime();
        bench.say(String.format(Locale.ROOT, "analytics: generating data up to %,d rounds (COPY)", size));
        data.growTo(size);
        bench.say(String.format(Locale.ROOT, "analytics: %,d rounds generated in %.0f s", data.written(),
                (System.nanoTime() - started) / 1e9));
    }

    public List<Row> measure(long size) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = bench.database().connect()) {
            connection.setAutoCommit(true);
            for (Query query : selected()) {
                try {
                    rows.addAll(measure(size, query, connection));
                } catch (Exception e) {
                    // One query failing (e.g. the gateway's read statement timeout) does not void the others.
                    bench.check("FAILED analytics at " + DashboardQuery.sizeLabel(size) + ", " + query.name() + ": "
                            + e.getMessage().substring(0, Math.min(e.getMessage().length(), 400)));
                }
            }
        }
        return rows;
    }

    /**
     * The queries to measure: all, or those whose name starts with one of the comma-separated prefixes in the system
     * property {@code benchmark.analytics.only} (e.g. {@code luckOrEdge,riskOfRuin,platformIntegrity,strategyReplay}
     * for the insights alone), so one slow query can be measured at 1,000,000 rounds without the others.
     */
    static List<Query> selected() {
        String only = System.getProperty("benchmark.analytics.only", "").trim();
        if (only.isEmpty()) {
            return QUERIES;
        }
        List<String> prefixes = List.of(only.split("\\s*,\\s*"));
        return QUERIES.stream().filter(query -> prefixes.stream().anyMatch(query.name()::startsWith)).toList();
    }

    private List<Row> measure(long size, Query query, Connection connection) throws Exception {
        String body = GatewayHttp.body(query.document(), Map.of());
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                statement.setString(i + 1, query.parameters().get(i));
            }
            compare(size, query, body, statement);
            List<Contender> contenders = List.of(
                    new Contender("gateway", trial -> () -> timed(() -> http.post(body))),
                    new Contender("sql", trial -> () -> timed(() -> answer(statement))));
            Alternation.warmUp(contenders);
            bench.say("analytics at " + DashboardQuery.sizeLabel(size) + ", " + query.name() + ": "
                    + bench.options().trials() + " trials, gateway / hand-written SQL in turn");
            Map<String, Series> results = bench.alternation().run(bench.options().trials(), contenders);
            return rows(size, query, results.get("gateway"), results.get("sql"));
        }
    }

    /**
     * The figures both compute must agree, or the two did not do the same work. A disagreement is reported as a
     * check that failed (the definitions may differ, e.g. where a drawdown starts) rather than ending the run.
     */
    private void compare(long size, Query query, String body, PreparedStatement statement) throws Exception {
        JsonNode gateway = JsonComparison.parse(http.post(body)).at(query.answerAt());
        JsonNode sql = JsonComparison.parse(answer(statement)).path("check");
        Optional<String> difference = JsonComparison.differenceIn(sql, gateway);
        String at = DashboardQuery.sizeLabel(size);
        if (difference.isPresent()) {
            bench.check("MISMATCH analytics at " + at + ", " + query.name() + ": the gateway and the hand-written SQL "
                    + "disagree at " + difference.get());
        } else {
            bench.check("analytics at " + at + ", " + query.name() + ": the gateway agrees with the hand-written SQL on "
                    + String.join(", ", names(sql)));
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray() && !node.isEmpty()) {
            names.add(node.size() + " entries of " + names(node.get(0)));
        } else {
            node.propertyNames().forEach(names::add);
        }
        return names;
    }

    private static String answer(PreparedStatement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @FunctionalInterface
    interface Run {
        void run() throws Exception;
    }

    /** Runs of one query, as many as the options ask unless the budget runs out first (at least one). */
    Trial timed(Run run) throws Exception {
        Latencies latencies = new Latencies();
        long started = System.nanoTime();
        long budgetEnds = started + bench.options().analyticsBudget().toNanos();
        int runs = 0;
        while (runs < bench.options().analyticsRunsPerTrial() && (runs == 0 || System.nanoTime() < budgetEnds)) {
            long sent = System.nanoTime();
            run.run();
            latencies.record(System.nanoTime() - sent);
            runs++;
        }
        return Trial.timed(runs, started, latencies);
    }

    private List<Row> rows(long size, Query query, Series gateway, Series sql) {
        String benchmark = query.name() + ", at " + DashboardQuery.sizeLabel(size) + " rounds";
        String baseline = "hand-written SQL over the rounds";
        Latencies gatewayLatencies = gateway.latencies();
        Latencies sqlLatencies = sql.latencies();
        double p50 = gatewayLatencies.millisAt(50);
        medians.computeIfAbsent(query.name(), name -> new LinkedHashMap<>())
                .put(size, new double[] {p50, sqlLatencies.millisAt(50)});
        Row median = Row.compared(SECTION, benchmark, "p50 ms", p50, baseline, sqlLatencies.millisAt(50))
                .detail("gatewayLatencyMs", SingleRoundIngest.latencySummary(gatewayLatencies))
                .detail("sqlLatencyMs", SingleRoundIngest.latencySummary(sqlLatencies))
                .detail("gatewayCpuPerQuery", Bench.cpuPerOperation(gateway))
                .detail("sqlCpuPerQuery", Bench.cpuPerOperation(sql));
        if (size == bench.options().sizes().get(bench.options().sizes().size() - 1)) {
            median = median.target("< 100 ms at the largest size", p50 < 100);
        }
        Row p95 = Row.compared(SECTION, benchmark, "p95 ms", gatewayLatencies.millisAt(95), baseline,
                sqlLatencies.millisAt(95));
        Row p99 = Row.compared(SECTION, benchmark, "p99 ms", gatewayLatencies.millisAt(99), baseline,
                sqlLatencies.millisAt(99));
        return List.of(median, p95, p99);
    }

    /**
     * How p50 grew from the smallest size to the largest, for each query: the gateway's growth next to the SQL's, and
     * held against the growth of the data (sub-linear: less than the size ratio).
     */
    public List<Row> growth() {
        List<Long> sizes = bench.options().sizes();
        if (sizes.size() < 2) {
            return List.of();
        }
        long smallest = sizes.get(0);
        long largest = sizes.get(sizes.size() - 1);
        double dataGrowth = (double) largest / smallest;
        List<Row> rows = new ArrayList<>();
        medians.forEach((name, bySize) -> {
            double[] small = bySize.get(smallest);
            double[] large = bySize.get(largest);
            if (small == null || large == null) {
                return;
            }
            double gatewayGrowth = large[0] / small[0];
            double sqlGrowth = large[1] / small[1];
            rows.add(Row.compared(SECTION, name + ", growth " + DashboardQuery.sizeLabel(smallest) + " -> "
                                    + DashboardQuery.sizeLabel(largest), "p50 growth (x)", gatewayGrowth,
                            "growth of hand-written SQL", sqlGrowth)
                    .target(String.format(Locale.ROOT, "sub-linear (< %.0fx)", dataGrowth), gatewayGrowth < dataGrowth)
                    .detail("gatewayP50MsBySize", List.of(Bench.round3(small[0]), Bench.round3(large[0])))
                    .detail("sqlP50MsBySize", List.of(Bench.round3(small[1]), Bench.round3(large[1]))));
        });
        return rows;
    }

    public void close() throws Exception {
        generatorConnection.close();
    }
}
