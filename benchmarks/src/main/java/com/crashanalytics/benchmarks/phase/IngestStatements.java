package com.crashanalytics.benchmarks.phase;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.crashanalytics.benchmarks.database.Database.StatementCount;
import com.crashanalytics.benchmarks.database.RoundWriters;
import com.crashanalytics.benchmarks.gateway.Documents;
import com.crashanalytics.benchmarks.gateway.GatewayHttp;
import com.crashanalytics.benchmarks.report.Row;
import com.crashanalytics.benchmarks.workload.PlayedRound;
import com.crashanalytics.benchmarks.workload.PlayedSession;

/**
 * What a logged round asks of PostgreSQL: the SQL statements per round (counted with pg_stat_statements, transaction
 * control included, as each is a round trip) the gateway sends for {@code logRounds} (500 rounds a request) and for
 * {@code logRound}, against the JDBC baselines writing the same rows ({@link RoundWriters.Batches},
 * {@link RoundWriters.OnePerTransaction}), each statement with its server time, and apart the statements its triggers
 * ran with theirs. The counts are the headline, the times detail: counts hold on a shared machine where rates do
 * not, and a change that adds a round trip per round shows here first.
 */
public final class IngestStatements {

    private static final String SECTION = "ingest, statements";
    private static final String BOT = "ingest-statements";
    private static final int BATCHED_ROUNDS = 2 * BatchedIngest.ROUNDS_PER_REQUEST;
    private static final int SINGLE_ROUNDS = 50;

    private final Bench bench;
    private final Instant start = Instant.now().minus(Duration.ofDays(30));

    public IngestStatements(Bench bench) {
        this.bench = bench;
    }

    public List<Row> run() throws Exception {
        bench.admin().registerBot(BOT, "fixed_target");
        GatewayHttp http = new GatewayHttp(bench.gateway().graphQl(), bench.admin().botKey(BOT));
        // The triggers' statements too, listed apart: where the server's time per round goes, not only how many trips.
        bench.database().trackNestedStatements(true);
        try (Connection batchConnection = bench.database().connect();
             Connection singleConnection = bench.database().connect()) {
            RoundWriters.Batches batches = new RoundWriters.Batches(batchConnection);
            RoundWriters.OnePerTransaction singles = new RoundWriters.OnePerTransaction(singleConnection);
            // Untimed and uncounted: the first requests prepare statements and fill caches on both sides.
            logRounds(http, session("warm-gateway", 2));
            batches.write(session("warm-jdbc", 2));
            logRound(http, session("warm-gateway-single", 2));
            for (PlayedRound round : session("warm-jdbc-single", 2)) {
                singles.write(round);
            }
            bench.say("ingest statements: counting " + BATCHED_ROUNDS + " batched and " + SINGLE_ROUNDS
                    + " single rounds on each side");
            List<PlayedRound> gatewayBatched = session("gateway-batched", BATCHED_ROUNDS);
            StatementCount gatewayBatches = bench.database().countStatements(() -> logRounds(http, gatewayBatched));
            List<PlayedRound> jdbcBatched = session("jdbc-batched", BATCHED_ROUNDS);
            StatementCount jdbcBatches = bench.database().countStatements(() -> batches.write(jdbcBatched));
            List<PlayedRound> gatewaySingle = session("gateway-single", SINGLE_ROUNDS);
            StatementCount gatewaySingles = bench.database().countStatements(() -> logRound(http, gatewaySingle));
            List<PlayedRound> jdbcSingle = session("jdbc-single", SINGLE_ROUNDS);
            StatementCount jdbcSingles = bench.database().countStatements(() -> {
                for (PlayedRound round : jdbcSingle) {
                    singles.write(round);
                }
            });
            return List.of(
                    row("logRounds, " + BatchedIngest.ROUNDS_PER_REQUEST + " rounds/request", BATCHED_ROUNDS,
                            gatewayBatches, "JDBC batch insert, 500 rounds per commit", jdbcBatches),
                    row("logRound, 1 round/request", SINGLE_ROUNDS, gatewaySingles,
                            "raw JDBC, 1 transaction per round", jdbcSingles));
        } finally {
            bench.database().trackNestedStatements(false);
        }
    }

    /** A fresh session's simulated rounds (two samples and a signal each, as the other ingest phases send). */
    private List<PlayedRound> session(String name, int rounds) {
        String sessionId = "statements-" + name;
        bench.admin().startSession(BOT, sessionId, PlayedSession.TABLE.gameName(), PlayedSession.TABLE.platformCode(),
                PlayedSession.BANKROLL);
        return PlayedSession.play(BOT, sessionId, rounds, start, name.hashCode()).rounds();
    }

    private static void logRounds(GatewayHttp http, List<PlayedRound> rounds) {
        for (int from = 0; from < rounds.size(); from += BatchedIngest.ROUNDS_PER_REQUEST) {
            List<PlayedRound> request = rounds.subList(from,
                    Math.min(rounds.size(), from + BatchedIngest.ROUNDS_PER_REQUEST));
            http.post(GatewayHttp.body(Documents.LOG_ROUNDS,
                    Map.of("input", Map.of("rounds", request.stream().map(PlayedRound::input).toList()))));
        }
    }

    private static void logRound(GatewayHttp http, List<PlayedRound> rounds) {
        for (PlayedRound round : rounds) {
            http.post(GatewayHttp.body(Documents.LOG_ROUND, Map.of("input", round.input())));
        }
    }

    private static Row row(String benchmark, int rounds, StatementCount gateway, String baseline,
                           StatementCount jdbc) {
        return Row.compared(SECTION, benchmark, "SQL statements/round", gateway.allPer(rounds), baseline,
                        jdbc.allPer(rounds))
                .detail("gatewayQueriesPerRound", Bench.round3(gateway.queriesPer(rounds)))
                .detail("jdbcQueriesPerRound", Bench.round3(jdbc.queriesPer(rounds)))
                .detail("gatewayExecutionMsPerRound", Bench.round3(gateway.millisPer(rounds)))
                .detail("jdbcExecutionMsPerRound", Bench.round3(jdbc.millisPer(rounds)))
                .detail("gatewayStatements (calls over " + rounds + " rounds)", gateway.breakdown())
                .detail("jdbcStatements (calls over " + rounds + " rounds)", jdbc.breakdown())
                .detail("gatewayNestedStatements (calls, time over " + rounds + " rounds)", gateway.nested())
                .detail("jdbcNestedStatements (calls, time over " + rounds + " rounds)", jdbc.nested());
    }
}
