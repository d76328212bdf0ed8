package com.crashanalytics.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away under a running gateway (PostgreSQL stopped, then started again on the same data and
 * port). Every path answers a retryable {@code UNAVAILABLE} error with an error id, HTTP 503 and Retry-After, the
 * API-key lookup included, never a bare 500 or an INTERNAL_ERROR; once the database is back the same request is
 * accepted, and sent again it is a duplicate: nothing lost, nothing twice. This gateway has a PostgreSQL of its own,
 * so stopping it disturbs no other test.
 */
// Closed after the class: its database is stopped then, and a cached context would go on trying it (log noise,
// connection attempts) for the rest of the run.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.admin-key=" + TestApiKeys.ADMIN,
        // A request waits this long for a connection before it is told the database is away.
        "spring.datasource.hikari.connection-timeout=1500"})
class DatabaseOutageIT {

    private static final Path DATA = createDataDirectory();
    private static final int DB_PORT = freePort();
    private static EmbeddedPostgres postgres = startPostgres();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void everyPathAnswersUnavailableWhileTheDatabaseIsAwayAndTheRetryLandsOnceItIsBack() throws Exception {
        GraphQlClient admin = new GraphQlClient(port);
        WritePath writes = new WritePath(admin, jdbc);
        writes.registerBot(WritePath.BOT);
        writes.configurePlatform("aviator", "dafabet");
        writes.startSession(WritePath.BOT, WritePath.SESSION, "1000.00");
        TestApiKeys keys = new TestApiKeys(port);
        GraphQlClient bot = GraphQlClient.anonymous(port).withApiKey(keys.bot(WritePath.BOT));
        GraphQlClient dashboard = GraphQlClient.anonymous(port).withApiKey(keys.dashboard());
        Map<String, Object> round = Map.of("input", WritePath.round(1, "WIN", "10.00", "2.50", "2.00"));

        postgres.close();

        List<GraphQlResponse> during = new ArrayList<>();
        during.add(bot.execute(WritePath.LOG_ROUND, round));                       // the stored key cannot be looked up
        during.add(dashboard.execute("{ bot(botId: \"" + WritePath.BOT + "\") { botId } }"));
        during.add(admin.execute(WritePath.LOG_ROUND, round));                     // the environment key: the use case fails
        during.add(admin.execute("{ bots(first: 5) { totalCount } }"));           // the read snapshot cannot be opened
        for (GraphQlResponse response : during) {
            assertThat(response.status()).as(response.body()).isEqualTo(503);
            assertThat(response.classifications()).as(response.body()).containsOnly("UNAVAILABLE");
            assertThat(response.errors().get(0).path("extensions").path("errorId").asString()).hasSize(36);
            assertThat(response.errors().get(0).path("extensions").path("retryAfterSeconds").asLong()).isEqualTo(1);
            assertThat(response.headers().get("retry-after")).containsExactly("1");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("SQL").doesNotContain("INTERNAL_ERROR");
        }

        postgres = startPostgres();
        long back = System.nanoTime();

        GraphQlResponse accepted = retryUntilAnswered(bot, round);
        System.out.printf("DatabaseOutageIT: first write accepted %d ms after PostgreSQL was back%n",
                (System.nanoTime() - back) / 1_000_000);
        GraphQlResponse again = bot.execute(WritePath.LOG_ROUND, round);

        assertThat(accepted.hasErrors()).as(accepted.body()).isFalse();
        assertThat(accepted.data("logRound.duplicate").asBoolean()).isFalse();
        assertThat(again.data("logRound.duplicate").asBoolean()).as(again.body()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from crash_game_rounds", Integer.class)).isEqualTo(1);
    }

    /** What a bot does: the same request again, after the wait the gateway asked for, until it is answered. */
    private static GraphQlResponse retryUntilAnswered(GraphQlClient client, Map<String, Object> variables) throws InterruptedException {
        for (int attempt = 0; attempt < 60; attempt++) {
            GraphQlResponse response = client.execute(WritePath.LOG_ROUND, variables);
            if (response.status() != 503) {
                return response;
            }
            assertThat(response.classifications()).as(response.body()).containsOnly("UNAVAILABLE");
            Thread.sleep(500);
        }
        throw new AssertionError("the gateway did not come back within 30 s of the database");
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(DB_PORT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDataDirectory() {
        try {
            return Files.createTempDirectory("outage-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
