package com.crashanalytics.api.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.StatementRecorder;
import com.crashanalytics.api.testing.StatementRecorder.Executed;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A query made only of meta-fields ({@code { __typename }}, introspection) is answered without a read transaction
 * (it reads no data: no connection for it, no BEGIN, no COMMIT), yet still only for a valid key; a data field beside
 * it puts the whole query back in one read-only REPEATABLE READ snapshot with the statement timeout. (That it is
 * rate limited like any request: {@code RateLimitIT}.)
 */
@GatewayIntegrationTest
@Import(StatementRecorder.Installation.class)
class MetaFieldQueriesIT {

    static final String READ_SET_UP = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;"
            + " SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL statement_timeout = 5000";

    @LocalServerPort
    int port;

    @Test
    void typenameAndIntrospectionAreAnsweredWithoutATransaction() {
        GraphQlClient dashboard = new GraphQlClient(port).withApiKey(new TestApiKeys(port).dashboard());

        List<Executed> typename = requestStatements(() -> {
            GraphQlResponse answer = dashboard.execute("{ __typename }");
            assertThat(answer.hasErrors()).as(answer.body()).isFalse();
            assertThat(answer.data("__typename").asString()).isEqualTo("Query");
        });
        List<Executed> introspection = requestStatements(() -> {
            GraphQlResponse answer = dashboard.execute("{ __schema { queryType { name } } __type(name: \"Bot\") { name } }");
            assertThat(answer.hasErrors()).as(answer.body()).isFalse();
            assertThat(answer.data("__type.name").asString()).isEqualTo("Bot");
        });

        for (List<Executed> statements : List.of(typename, introspection)) {
            assertThat(statements).as("only the key's look-up, outside any transaction").isNotEmpty()
                    .allSatisfy(statement -> {
                        assertThat(statement.autoCommit()).as("%s", statement).isTrue();
                        assertThat(statement.sql()).contains("api_clients");
                    });
        }
    }

    @Test
    void aDataFieldBesideTypenameIsReadInOneSnapshotWithTheStatementTimeout() {
        GraphQlClient dashboard = new GraphQlClient(port).withApiKey(new TestApiKeys(port).dashboard());

        List<Executed> statements = requestStatements(() -> {
            GraphQlResponse answer = dashboard.execute("{ __typename bots(first: 1) { totalCount } }");
            assertThat(answer.hasErrors()).as(answer.body()).isFalse();
            assertThat(answer.data("bots.totalCount").isNumber()).isTrue();
        });

        List<Executed> read = statements.stream().filter(statement -> !statement.sql().contains("api_clients")).toList();
        assertThat(read).as("the set-up, then the bots and their count").hasSizeGreaterThanOrEqualTo(2);
        assertThat(read.get(0).sql()).isEqualTo(READ_SET_UP);
        assertThat(read).allSatisfy(statement -> {
            assertThat(statement.autoCommit()).as("in a transaction: %s", statement).isFalse();
            assertThat(statement.readOnly()).as("read-only: %s", statement).isTrue();
            assertThat(statement.connection()).as("one connection").isEqualTo(read.get(0).connection());
        });
    }

    @Test
    void typenameStillNeedsAValidKey() {
        assertThat(GraphQlClient.anonymous(port).execute("{ __typename }").status()).as("no key").isEqualTo(401);
        assertThat(GraphQlClient.anonymous(port).withApiKey("cag_not-a-key-0123456789abcdefghijklmnopqrstuvw")
                .execute("{ __typename }").status()).as("an unknown key").isEqualTo(401);
        assertThat(GraphQlClient.anonymous(port).withApiKey(new TestApiKeys(port).revoked("DASHBOARD"))
                .execute("{ __schema { queryType { name } } }").status()).as("a revoked key").isEqualTo(401);
    }

    /** The statements the request threads sent while {@code request} ran (background work left out). */
    private static List<Executed> requestStatements(Runnable request) {
        StatementRecorder.INSTANCE.start(false);
        request.run();
        return StatementRecorder.INSTANCE.stop().stream().filter(statement -> statement.thread().contains("-exec-")).toList();
    }
}
