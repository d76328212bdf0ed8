package com.crashanalytics.benchmarks.phase;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.crashanalytics.benchmarks.database.DashboardSql;
import com.crashanalytics.benchmarks.database.Database.StatementCount;
import com.crashanalytics.benchmarks.gateway.Documents;
import com.crashanalytics.benchmarks.gateway.GatewayBackground;
import com.crashanalytics.benchmarks.gateway.GatewayHttp;
import com.crashanalytics.benchmarks.gateway.RateLimitTakes;
import com.crashanalytics.benchmarks.measure.Alternation;
import com.crashanalytics.benchmarks.measure.Alternation.Contender;
import com.crashanalytics.benchmarks.measure.JitWarmUp;
import com.crashanalytics.benchmarks.measure.Latencies;
import com.crashanalytics.benchmarks.measure.Series;
import com.crashanalytics.benchmarks.measure.Trial;
import com.crashanalytics.benchmarks.report.JsonComparison;
import com.crashanalytics.benchmarks.report.Row;
import com.crashanalytics.benchmarks.workload.PlayedRound;
import com.crashanalytics.benchmarks.workload.PlayedSession;

/**
 * The nested dashboard query, 10 bots × 10 sessions × 20 rounds with their outcomes and signals and every totalCount,
 * read with a DASHBOARD key, against the same JSON document built by one hand-written SQL statement
 * ({@link DashboardSql}). The two documents are compared once per size (they must be equal); latency alternates trial
 * by trial; SQL statements per query are counted with pg_stat_statements at two fan-outs, 2 × 2 × 5 and 10 × 10 × 20,
 * to show whether they depend on it.
 * <p>
 * The fleet (2,000 rounds, two samples and a signal each) is logged through the gateway once, before any other data.
 */
public final class DashboardQuery {

    static final int BOTS = 10;
    static final int SESSIONS = 10;
    static final int ROUNDS = 20;
    private static final int[] SMALL = {2, 2, 5};
    private static final int COUNTED_QUERIES = 5;
    private static final String SECTION = "dashboard query";

    private final Bench bench;
    private final List<String> botIds = new ArrayList<>();
    private String dashboardKey = "";

    public DashboardQuery(Bench bench) {
        this.bench = bench;
    }

    /** Logs the fleet through the API: 10 bots, 10 sessions each, 20 rounds per session. */
    public void logFleet() {
        bench.say("dashboard: logging the fleet, " + BOTS + " bots x " + SESSIONS + " sessions x " + ROUNDS + " rounds");
        GatewayHttp admin = new GatewayHttp(bench.gateway().graphQl(), bench.gateway().adminKey());
        Instant start = Instant.now().minus(Duration.ofDays(30));
        for (int bot = 1; bot <= BOTS; bot++) {
            String botId = "dash-bot-%02d".formatted(bot);
            botIds.add(botId);
            bench.admin().registerBot(botId, "fixed_target");
            List<PlayedRound> rounds = new ArrayList<>();
            for (int session = 1; session <= SESSIONS; session++) {
                String sessionId = botId + "-s%02d".formatted(session);
                bench.admin().startSession(botId, sessionId, PlayedSession.TABLE.gameName(),
                        PlayedSession.TABLE.platformCode(), PlayedSession.BANKROLL);
                rounds.addAll(PlayedSession.play(botId, sessionId, ROUNDS, start.plus(Duration.ofHours(session)),
                        100L * bot + session).rounds());
            }
            admin.post(GatewayHttp.body(Documents.LOG_ROUNDS,
                    Map.of("input", Map.of("rounds", rounds.stream().map(PlayedRound::input).toList()))));
        }
        dashboardKey = bench.admin().dashboardKey();
    }

    /** The fleet's bots in registration order (empty until {@link #logFleet}). */
    List<String> botIds() {
        return List.copyOf(botIds);
    }

    /** The DASHBOARD key the fleet is read with. */
    String dashboardKey() {
        return dashboardKey;
    }

    /** The dashboard document with its variables, at this fan-out, for the gateway. */
    String body(int bots, int sessions, int rounds) {
        return GatewayHttp.body(Documents.DASHBOARD, Map.of("botIds", botIds, "bots", bots, "sessions", sessions,
                "rounds", rounds));
    }

    public List<Row> measure(long size) throws Exception {
        String at = String.format(Locale.ROOT, "%,d rounds in the database", bench.database().count(
                "SELECT count(*) FROM crash_game_rounds"));
        GatewayHttp http = new GatewayHttp(bench.gateway().graphQl(), dashboardKey);
        String large = body(BOTS, SESSIONS, ROUNDS);
        String small = body(SMALL[0], SMALL[1], SMALL[2]);
        try (Connection connection = bench.database().connect()) {
            DashboardSql sql = new DashboardSql(connection);
            sameDocument(http, sql, large, BOTS, SESSIONS, ROUNDS, at);
            sameDocument(http, sql, small, SMALL[0], SMALL[1], SMALL[2], at);

            StatementCount gatewayLarge = bench.database().countStatements(() -> repeat(() -> http.post(large)),
                    DashboardQuery::notTheRequestsOwn);
            StatementCount gatewaySmall = bench.database().countStatements(() -> repeat(() -> http.post(small)),
                    DashboardQuery::notTheRequestsOwn);
            StatementCount sqlLarge = bench.database().countStatements(
                    () -> repeat(() -> sql.answer(botIds, BOTS, SESSIONS, ROUNDS)), GatewayBackground::runs);

            List<Contender> contenders = List.of(
                    new Contender("gateway", trial -> () -> timed(() -> http.post(large))),
                    new Contender("sql", trial -> () -> timed(() -> sql.answer(botIds, BOTS, SESSIONS, ROUNDS))));
            Alternation.warmUp(contenders);
            // Until the gateway's JIT compilers are quiet, as the single-round and PostGraphile phases warm it: the
            // first size was otherwise timed while the dashboard's code paths were still being compiled (the JVM's
            // CPU per query 50-70 % above the second size's), which timed the compiler, not the gateway.
            JitWarmUp.Warmed warmed = new JitWarmUp(bench.options().jitWarmUp())
                    .trialsUntilCompiled(contenders, "gateway", bench.probe()::compilerThreadsCpu);
            bench.say(String.format(Locale.ROOT, "dashboard at %s: %d more warm-up trials of each in %d s (the "
                    + "gateway's JIT compilers %s)", at, warmed.requests(), warmed.took().toSeconds(),
                    warmed.compilers()));
            bench.say("dashboard at " + at + ": " + bench.options().trials() + " trials of "
                    + bench.options().dashboardQueriesPerTrial() + " queries, gateway / hand-written SQL in turn");
            Map<String, Series> results = bench.alternation().run(bench.options().trials(), contenders);
            return rows(size, results.get("gateway"), results.get("sql"), gatewayLarge, gatewaySmall, sqlLarge);
        }
    }

    /** The gateway's answer and the hand-written SQL's are one and the same document, or the comparison is void. */
    private void sameDocument(GatewayHttp http, DashboardSql sql, String body, int bots, int sessions, int rounds,
                              String at) throws Exception {
        String gateway = http.post(body);
        String handWritten = sql.answer(botIds, bots, sessions, rounds);
        Optional<String> difference = JsonComparison.difference(JsonComparison.parse(handWritten),
                JsonComparison.parse(gateway));
        if (difference.isPresent()) {
            throw new IllegalStateException("the hand-written dashboard SQL and the gateway disagree at "
                    + difference.get());
        }
        int found = JsonComparison.parse(gateway).findValues("roundNumber").size();
        if (found != bots * sessions * rounds) {
            throw new IllegalStateException("the dashboard answered " + found + " rounds, expected "
                    + bots * sessions * rounds + ": the fleet is not there");
        }
        bench.check(String.format(Locale.ROOT, "dashboard %d x %d x %d at %s: the gateway's JSON equals the "
                + "hand-written SQL's (%,d bytes, %d rounds)", bots, sessions, rounds, at, gateway.length(), found));
    }

    @FunctionalInterface
    private interface Query {
        void run() throws Exception;
    }

    private static void repeat(Query query) throws Exception {
        for (int i = 0; i < COUNTED_QUERIES; i++) {
            query.run();
        }
    }

    private Trial timed(Query query) throws Exception {
        Latencies latencies = new Latencies();
        int queries = bench.options().dashboardQueriesPerTrial();
        long started = System.nanoTime();
        for (int i = 0; i < queries; i++) {
            long sent = System.nanoTime();
            query.run();
            latencies.record(System.nanoTime() - sent);
        }
        return Trial.timed(queries, started, latencies);
    }

    private List<Row> rows(long size, Series gateway, Series sql, StatementCount gatewayLarge,
                           StatementCount gatewaySmall, StatementCount sqlLarge) {
        String benchmark = String.format(Locale.ROOT, "%d x %d x %d + signals, at %s rounds", BOTS, SESSIONS, ROUNDS,
                sizeLabel(size));
        String baseline = "hand-written SQL, same JSON";
        Latencies gatewayLatencies = gateway.latencies();
        Latencies sqlLatencies = sql.latencies();
        Row p50 = Row.compared(SECTION, benchmark, "p50 ms", gatewayLatencies.millisAt(50), baseline,
                sqlLatencies.millisAt(50))
                .detail("gatewayLatencyMs", SingleRoundIngest.latencySummary(gatewayLatencies))
                .detail("sqlLatencyMs", SingleRoundIngest.latencySummary(sqlLatencies))
                .detail("gatewayCpuPerQuery", Bench.cpuPerOperation(gateway))
                .detail("sqlCpuPerQuery", Bench.cpuPerOperation(sql));
        Row p99 = Row.compared(SECTION, benchmark, "p99 ms", gatewayLatencies.millisAt(99), baseline,
                sqlLatencies.millisAt(99));
        Row statements = Row.compared(SECTION, benchmark, "SQL statements/query", gatewayLarge.allPer(COUNTED_QUERIES),
                        baseline, sqlLarge.allPer(COUNTED_QUERIES))
                .detail("gatewayTransactionControlPerQuery",
                        (gatewayLarge.all() - gatewayLarge.queries()) / (double) COUNTED_QUERIES)
                .detail("gatewayStatements (calls over " + COUNTED_QUERIES + " queries)", gatewayLarge.breakdown())
                .detail("sqlStatements (calls over " + COUNTED_QUERIES + " queries)", sqlLarge.breakdown())
                .detail("gatewayBackgroundLeftOut (calls meanwhile, not counted: background work and rate-limit takes)",
                        gatewayLarge.leftOut());
        Row queries = Row.compared(SECTION, benchmark, "SELECTs/query", gatewayLarge.queriesPer(COUNTED_QUERIES),
                baseline, sqlLarge.queriesPer(COUNTED_QUERIES));
        // The SELECTs are what fan-out could multiply; transaction control varies with the pooled connection's state.
        double smallCount = gatewaySmall.queriesPer(COUNTED_QUERIES);
        double largeCount = gatewayLarge.queriesPer(COUNTED_QUERIES);
        Row fanOut = Row.compared(SECTION, String.format(Locale.ROOT, "  the same at fan-out %d x %d x %d", SMALL[0],
                        SMALL[1], SMALL[2]), "SELECTs/query", smallCount,
                        String.format(Locale.ROOT, "fan-out %d x %d x %d", BOTS, SESSIONS, ROUNDS), largeCount)
                .target("= 1x (independent of fan-out)", smallCount == largeCount)
                .detail("gatewayStatementsAtSmallFanOut", gatewaySmall.breakdown());
        return List.of(p50, p99, statements, queries, fanOut);
    }

    /**
     * What a count of a dashboard's statements leaves out: the gateway's background work, and the rate limit's takes,
     * which a key's requests share by the 100 ms (so their number follows the requests' duration, not their reads).
     */
    private static boolean notTheRequestsOwn(String statement) {
        return GatewayBackground.runs(statement) || RateLimitTakes.takes(statement);
    }

    static String sizeLabel(long size) {
        return size % 1_000_000 == 0 ? size / 1_000_000 + "M" : size % 1_000 == 0 ? size / 1_000 + "k" : Long.toString(size);
    }
}
