package com.crashanalytics.api.read;

import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.StatementRecorder;
import com.crashanalytics.api.testing.StatementRecorder.Executed;
import com.crashanalytics.simulator.history.FleetHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On a realistic volume ({@link FleetHistory}: 24 bots on 4 platforms, 100,000 rounds in some 2,500 sessions, with
 * their analytics rows and a signal on half, 10,000 errors and OCR reads), every list the read path pages, with each filter, is answered by an index range scan: PostgreSQL's plan
 * for each SELECT the gateway sends (an EXPLAIN of its generic plan, which reads run on: see {@code JdbcTransactions})
 * never scans a whole table of rounds, analytics, signals, sessions, errors or OCR reads.
 */
@GatewayIntegrationTest
@Import(StatementRecorder.Installation.class)
class KeysetPlansIT {

    static final String BOT = FleetHistory.botId(7);
    static final String OTHER_BOT = FleetHistory.botId(3);
    static final List<String> LARGE_TABLES = List.of("crash_game_rounds", "analytics_round_outcomes",
            "analytics_round_signals", "session_logs", "error_logs", "ocr_validation_logs");

    /** With the rounds' analytics (a list reads them only when asked for {@code outcome}). */
    static final String ROUNDS = """
            query($filter: RoundFilter, $after: String, $direction: SortDirection) {
              rounds(filter: $filter, first: 100, after: $after, direction: $direction) {
                pageInfo { endCursor } edges { node { id outcome { outcomeCategory } } }
              }
            }
            """;
    static final String ROUNDS_WITHOUT_ANALYTICS = """
            query($filter: RoundFilter, $after: String, $direction: SortDirection) {
              rounds(filter: $filter, first: 100, after: $after, direction: $direction) {
                pageInfo { endCursor } edges { node { id } }
              }
            }
            """;
    static final String SESSIONS = """
            query($filter: SessionFilter, $direction: SortDirection) {
              sessions(filter: $filter, first: 100, direction: $direction) { edges { node { sessionId } } }
            }
            """;
    static final String ERRORS = """
            query($filter: ErrorFilter, $direction: SortDirection) {
              errors(filter: $filter, first: 100, direction: $direction) { edges { node { id } } }
            }
            """;
    static final String DASHBOARD = """
            {
              bots(first: 10, filter: {gameName: "jetx"}) { edges { node { botId
                currentSession { sessionId }
                errors(first: 5) { totalCount edges { node { id round { id } session { sessionId } } } }
                rounds(first: 5, direction: DESC) { totalCount edges { node { id } } }
                sessions(first: 10, direction: DESC, filter: {status: COMPLETED}) { totalCount edges { node {
                  sessionId bot { botId }
                  errors(first: 5) { totalCount edges { node { id } } }
                  rounds(first: 20) { totalCount edges { node {
                    id session { sessionId } bot { botId } outcome { outcomeCategory }
                    multipliers { id } signals { id } ocrValidations { id } errors { id }
                  } } }
                } } }
              } } }
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    GraphQlClient client;

    String botSession;
    String otherBotSession;

    @BeforeEach
    void aRealisticVolume() throws Exception {
        client = new GraphQlClient(port);
        // The fleet plays in January 2026: in that month's partitions (changelog 0300), as a month the gateway
        // prepared ahead would be, so the plans are those of partitioned tables.
        jdbc.queryForObject("SELECT prepare_round_partitions('2026-01-01')", Boolean.class);
        try (Connection connection = dataSource.getConnection()) {
            new FleetHistory(connection).withEveryTable().withSessionsOf(20, 60).growTo(100_000);
        }
        botSession = jdbc.queryForObject("SELECT min(session_id) FROM session_logs WHERE bot_id = ?", String.class, BOT);
        otherBotSession = jdbc.queryForObject("SELECT max(session_id) FROM session_logs WHERE bot_id = ?", String.class,
                OTHER_BOT);
    }

    @Test
    void everyListIsReadThroughAnIndex() {
        List<Executed> statements = new ArrayList<>();
        String secondPage = ok(client.execute(ROUNDS, Map.of())).data("rounds.pageInfo.endCursor").asString();
        statements.addAll(explained(ROUNDS, Map.of()));
        statements.addAll(explained(ROUNDS, Map.of("after", secondPage)));
        statements.addAll(explained(ROUNDS, Map.of("direction", "DESC")));
        for (Map<String, Object> filter : List.<Map<String, Object>>of(
                Map.of("botId", BOT),
                Map.of("sessionId", botSession),
                Map.of("gameName", "jetx", "platformCode", "smartsoft"),
                Map.of("strategyName", "martingale_2x"),
                Map.of("dataQualityFlag", "BALANCE_MISMATCH"),
                Map.of("from", "2026-01-05T06:00:00Z", "to", "2026-01-05T12:00:00Z"),
                Map.of("botId", FleetHistory.botId(11), "roundOutcome", "LOSS", "from", "2026-01-05T12:00:00Z"))) {
            statements.addAll(explained(ROUNDS, Map.of("filter", filter)));
            statements.addAll(explained(ROUNDS, Map.of("filter", filter, "direction", "DESC")));
            statements.addAll(explained(ROUNDS_WITHOUT_ANALYTICS, Map.of("filter", filter)));
        }
        for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of(), Map.of("botId", OTHER_BOT),
                Map.of("status", "ACTIVE"), Map.of("gameName", "jetx"),
                Map.of("from", "2026-01-05T06:00:00Z", "to", "2026-01-05T18:00:00Z"))) {
            statements.addAll(explained(SESSIONS, Map.of("filter", filter)));
            statements.addAll(explained(SESSIONS, Map.of("filter", filter, "direction", "DESC")));
        }
        for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of(), Map.of("botId", OTHER_BOT),
                Map.of("sessionId", otherBotSession), Map.of("from", "2026-01-05T12:00:00Z"))) {
            statements.addAll(explained(ERRORS, Map.of("filter", filter)));
        }
        List<Executed> dashboard = explained(DASHBOARD, Map.of());
        statements.addAll(dashboard);

        List<Executed> selects = statements.stream().filter(statement -> statement.sql().startsWith("SELECT")).toList();
        assertThat(selects).hasSizeGreaterThan(40);
        assertThat(selects).allSatisfy(statement -> assertThat(statement.plan()).isNotBlank()
                .as("the plan the read runs with, its generic plan")
                .doesNotContain(StatementRecorder.PLANNED_FOR_VALUES));
        List<String> scanned = withTheirPartitionsThatHoldRows(LARGE_TABLES);
        assertThat(scanned).contains("crash_game_rounds_2026_01", "analytics_round_signals_2026_01");
        List<Executed> scanning = selects.stream()
                .filter(statement -> scanned.stream()
                        .anyMatch(table -> statement.plan().contains("Seq Scan on " + table + " ")))
                .toList();
        assertThat(scanning).as("statements that scan a whole table:\n%s",
                String.join("\n\n", scanning.stream().map(Executed::toString).toList())).isEmpty();
        List<Executed> withAnalytics = selects.stream()
                .filter(statement -> statement.sql().contains("analytics_round_outcomes o")).toList();
        assertThat(withAnalytics).as("the round lists that show outcomes read each round's analytics row")
                .hasSizeGreaterThanOrEqualTo(18);
        assertThat(selects.stream().filter(statement -> statement.sql().contains("r.id, r.bot_id, r.session_id")
                && !statement.sql().contains("analytics_round_outcomes")))
                .as("the round lists that show no outcome (seven filters, the dashboard's bots' rounds) read none")
                .hasSizeGreaterThanOrEqualTo(8);
        assertThat(withAnalytics).as("a round's analytics row found in its own month's partition (by the round's "
                        + "id and start time, both in the index condition), not probed in every month's")
                .allSatisfy(statement -> assertThat(analyticsProbesOf(statement, scanned)).isNotEmpty()
                        .allSatisfy(condition -> assertThat(condition)
                                .contains("round_id = r.id", "\"timestamp\" = r.round_start_timestamp")));
        System.out.println("Plans of the dashboard query over 100,000 rounds:");
        dashboard.stream().filter(selects::contains).forEach(statement -> System.out.println(statement + "\n"));
    }

    /** The index conditions of a plan's scans of the analytics rows' partitions that hold rows. */
    private static List<String> analyticsProbesOf(Executed statement, List<String> scanned) {
        List<String> conditions = new ArrayList<>();
        String[] lines = statement.plan().split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean probesAnalytics = line.contains("Index Scan") && scanned.stream()
                    .anyMatch(table -> table.startsWith("analytics_round_outcomes") && line.contains(" on " + table + " "));
            if (probesAnalytics && i + 1 < lines.length && lines[i + 1].contains("Index Cond:")) {
                conditions.add(lines[i + 1].strip());
            }
        }
        return conditions;
    }

    /**
     * The tables and those of their partitions that hold more than a few rows (after FleetHistory's ANALYZE): a scan of
     * an empty partition (a month ahead) costs nothing, a scan of the month the fleet played in is a scan of its table.
     */
    private List<String> withTheirPartitionsThatHoldRows(List<String> tables) {
        List<String> scanned = new ArrayList<>(tables);
        scanned.addAll(jdbc.queryForList("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent::regclass::text = ANY(?) AND c.reltuples > 100
                """, String.class, (Object) tables.toArray(String[]::new)));
        return scanned;
    }

    private List<Executed> explained(String document, Map<String, Object> variables) {
        StatementRecorder.INSTANCE.start(true);
        GraphQlClient.GraphQlResponse response = client.execute(document, variables);
        List<Executed> statements = StatementRecorder.INSTANCE.stop();
        ok(response);
        return statements;
    }
}
