package com.crashanalytics.api.live;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlWebSocket;
import com.crashanalytics.api.testing.LiveJournal;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import com.crashanalytics.persistence.live.JdbcEventJournal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A replica nobody is subscribed to numbers the live journal on its timer, not after every round: rounds logged one
 * per request, as a bot alone logs them, are numbered by this gateway within its poll interval (5 s here) a few at a
 * time; and a subscription from now, made while the journal's end stands ahead of where the reader last looked, gets
 * only what is logged after it.
 */
@GatewayIntegrationTest
@TestPropertySource(properties = "gateway.live.poll-interval=5s")
class LiveFeedOnItsTimerIT {

    private static final String ROUNDS = """
            subscription($filter: LiveRoundFilter) {
              roundLogged(filter: $filter) { eventId roundNumber }
            }""";
    private static final int ROUNDS_LOGGED = 20;
    private static final long POLL_INTERVAL_MILLIS = 5_000;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcEventJournal journal;
    @Autowired
    LiveFeed feed;

    private WritePath writes;

    @BeforeEach
    void aBotInASession() {
        writes = new WritePath(new GraphQlClient(port), jdbc).activeSession();
    }

    @Test
    void roundsLoggedWithNobodySubscribedAreNumberedOnTheTimerNotOneByOne() throws Exception {
        await("no subscription left by another test").until(() -> feed.subscriberCount() == 0);
        try (Connection listening = dataSource.getConnection()) {
            try (Statement listen = listening.createStatement()) {
                listen.execute("LISTEN " + JdbcEventJournal.NUMBERED_CHANNEL);
            }
            long started = System.nanoTime();
            for (int number = 1; number <= ROUNDS_LOGGED; number++) {
                ok(writes.logRound(round(number, "LOSS", "10.00", "1.10", null)));
            }
            long loggingMillis = (System.nanoTime() - started) / 1_000_000;
            LiveJournal.end(jdbc); // every round numbered, by this gateway's timer or another context's reader

            long numberingsHere = numberingsBy(journal.numberingMark(), listening.unwrap(PGConnection.class));
            // One a round (20) when the reader numbers after every commit; on a 5 s timer, one per interval begun
            // while the rounds were logged, and one more for the rest.
            assertThat(numberingsHere).as("numberings by this gateway while %d rounds were logged in %d ms",
                    ROUNDS_LOGGED, loggingMillis).isLessThanOrEqualTo(loggingMillis / POLL_INTERVAL_MILLIS + 2);
        }
    }

    @Test
    void aSubscriptionFromNowGetsNoneOfTheRoundsLoggedBeforeIt() throws Exception {
        for (int number = 1; number <= 5; number++) {
            ok(writes.logRound(round(number, "LOSS", "10.00", "1.10", null)));
        }
        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, TestApiKeys.ADMIN).acknowledged()) {
            String id = socket.subscribe(ROUNDS, Map.of("filter", Map.of("botIds", List.of(BOT))));
            await("the subscription registered").until(() -> feed.subscriberCount() == 1);
            ok(writes.logRound(round(6, "WIN", "10.00", "2.10", "1.50")));

            assertThat(socket.nextEvent(id, "roundLogged").path("roundNumber").asInt())
                    .as("the first event: the round logged after subscribing").isEqualTo(6);
            assertThat(socket.nextMessageWithin(500)).as("nothing more").isNull();
        }
    }

    /** The "numbered" notifications that arrived, counting those of the journal with {@code mark}. */
    private static long numberingsBy(String mark, PGConnection listening) throws Exception {
        PGNotification[] arrived = listening.getNotifications(500);
        return arrived == null ? 0 : Arrays.stream(arrived).filter(news -> mark.equals(news.getParameter())).count();
    }
}
