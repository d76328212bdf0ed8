package com.crashanalytics.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.simulator.history.FleetHistory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A dashboard query that outruns the read statement timeout is cancelled by PostgreSQL and answered with an error
 * that names the limit, not an opaque internal error; the gateway goes on answering. The timeout is set far below
 * what the query needs (every strategy's equity returns walk all 30,000 rounds: hundreds of milliseconds here) so the
 * cancellation is certain.
 */
@GatewayIntegrationTest
@TestPropertySource(properties = "gateway.read-statement-timeout=20ms")
class StatementTimeoutIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void aCancelledReadNamesTheTimeout() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            new FleetHistory(connection).growTo(30_000);
        }
        GraphQlClient client = new GraphQlClient(port);

        GraphQlResponse slow = client.execute(
                "{ strategies { name performance { rounds maxDrawdown { amount } dailySharpeRatio } } }");

        assertThat(slow.errors()).as(slow.body()).isNotEmpty();
        JsonNode first = slow.errors().get(0);
        assertThat(first.path("extensions").path("classification").asString()).isEqualTo("TIMEOUT");
        assertThat(first.path("extensions").path("limit").asString()).isEqualTo("readStatementTimeout");
        assertThat(first.path("extensions").path("max").asLong()).isEqualTo(20);
        assertThat(first.path("message").asString()).contains("read statement timeout").doesNotContain("SQL", "57014");
        GraphQlResponse quick = client.execute("{ platforms { gameName platformCode } }");
        assertThat(quick.hasErrors()).as(quick.body()).isFalse();
    }
}
