package com.crashanalytics.api.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.crashanalytics.api.read.DashboardQueryIT;
import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.PrometheusScrape;
import com.crashanalytics.api.testing.StatementRecorder;
import com.crashanalytics.api.testing.StatementRecorder.Executed;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Large queries take turns over HTTP: with the one turn taken, a 10 × 10 × 20 dashboard waits for it before its read
 * transaction begins (no statement of it runs meanwhile) and is answered once the turn is free; one that waits longer
 * than {@code max-wait} is answered UNAVAILABLE (503, Retry-After) having read nothing; small queries and writes pass
 * a taken turn by.
 */
@GatewayIntegrationTest
@Import(StatementRecorder.Installation.class)
@TestPropertySource(properties = {"gateway.large-queries.at-once=1", "gateway.large-queries.max-wait=2s"})
class LargeQueryTurnsIT {

    private static final Map<String, Object> TEN_BY_TEN_BY_TWENTY = Map.of("bots", 10, "sessions", 10, "rounds", 20);

    @LocalServerPort
    int port;

    @Autowired
    LargeQueryTurns turns;

    private TakenTurn held;
    private GraphQlClient dashboard;

    @BeforeEach
    void dashboardKey() {
        dashboard = new GraphQlClient(port).withApiKey(new TestApiKeys(port).dashboard());
    }

    @AfterEach
    void turnGivenBack() {
        if (held != null) {
            held.giveBack();
        }
    }

    @Test
    void aLargeQueryWaitsForTheTurnWithoutReadingAndIsAnsweredWhenItIsFree() throws Exception {
        held = TakenTurn.of(turns);
        StatementRecorder.INSTANCE.start(false);
        CompletableFuture<GraphQlResponse> large = CompletableFuture.supplyAsync(
                () -> dashboard.execute(DashboardQueryIT.DASHBOARD, TEN_BY_TEN_BY_TWENTY));
        assertThat(TakenTurn.waitingOnceThereAre(turns, 1)).as("the dashboard waits for its turn").isEqualTo(1);

        GraphQlResponse small = dashboard.execute("{ bots(first: 5) { totalCount } }");
        assertThat(small.hasErrors()).as(small.body()).isFalse();
        List<Executed> whileWaiting = StatementRecorder.INSTANCE.stop().stream()
                .filter(statement -> statement.thread().contains("-exec-")).toList();
        assertThat(whileWaiting).as("the waiting dashboard read nothing: only the small query's set-up read")
                .filteredOn(statement -> statement.sql().startsWith("SET TRANSACTION")).hasSize(1);
        assertThat(large).isNotDone();
        PrometheusScrape metrics = PrometheusScrape.of(port, new TestApiKeys(port).issue("METRICS", List.of()).secret());
        assertThat(metrics.value("gateway_large_queries_answering")).isEqualTo(1.0);
        assertThat(metrics.value("gateway_large_queries_waiting")).isEqualTo(1.0);

        held.giveBack();

        GraphQlResponse answer = large.get(30, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.hasErrors()).as(answer.body()).isFalse();
        assertThat(answer.data("bots.totalCount").isNumber()).isTrue();
    }

    @Test
    void aLargeQueryThatWaitedTooLongIsAnsweredUnavailableAndWritesPassTheTakenTurn() throws Exception {
        held = TakenTurn.of(turns);
        GraphQlClient admin = new GraphQlClient(port);

        GraphQlResponse write = admin.execute(
                "mutation { registerBot(input: {botId: \"turns-bot\"}) { bot { botId } } }");
        GraphQlResponse refused = dashboard.execute(DashboardQueryIT.DASHBOARD, TEN_BY_TEN_BY_TWENTY);

        assertThat(write.hasErrors()).as(write.body()).isFalse();
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.classifications()).containsExactly("UNAVAILABLE");
        assertThat(refused.errors().get(0).get("message").asString())
                .contains("Large queries (complexity 5000 or more; this one's is 35916) are answered 1 at a time")
                .contains("waited 2000 ms for its turn; nothing was read");
        assertThat(refused.errors().get(0).get("extensions").get("limit").asString()).isEqualTo("largeQueriesAtOnce");
        assertThat(refused.json().has("data")).as("nothing of it ran").isFalse();
    }
}
