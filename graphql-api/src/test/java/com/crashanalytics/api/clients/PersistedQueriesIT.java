package com.crashanalytics.api.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Apollo's automatic persisted queries, as an Apollo client speaks them: the hash alone first; PersistedQueryNotFound;
 * the document with its hash; then the hash alone works. A document sent under another document's hash is refused.
 */
@GatewayIntegrationTest
class PersistedQueriesIT {

    private static final String DOCUMENT = "query Fleet { bots(first: 5) { totalCount } }";

    @LocalServerPort
    int port;

    private GraphQlClient client;

    @BeforeEach
    void connect() {
        client = new GraphQlClient(port);
    }

    @Test
    void anUnknownHashIsNotFoundThenTheDocumentRegistersItAndTheHashAloneWorks() throws Exception {
        String hash = sha256(DOCUMENT);

        GraphQlResponse unknown = client.post(hashOnly(hash));
        GraphQlResponse registered = client.post(withDocument(DOCUMENT, hash));
        GraphQlResponse byHash = client.post(hashOnly(hash));

        assertThat(unknown.hasErrors()).as(unknown.status() + " " + unknown.body()).isTrue();
        assertThat(unknown.errors().get(0).path("message").asString()).isEqualTo("PersistedQueryNotFound");
        assertThat(unknown.json().path("data").isMissingNode() || unknown.json().path("data").isNull()).isTrue();
        assertThat(registered.hasErrors()).as(registered.body()).isFalse();
        assertThat(registered.data("bots.totalCount").asInt()).isZero();
        assertThat(byHash.hasErrors()).as(byHash.body()).isFalse();
        assertThat(byHash.data("bots.totalCount").asInt()).isZero();
    }

    @Test
    void aDocumentUnderAnotherDocumentsHashIsRefused() throws Exception {
        GraphQlResponse mismatch = client.post(withDocument(DOCUMENT, sha256("{ __typename }")));

        assertThat(mismatch.hasErrors()).as(mismatch.status() + " " + mismatch.body()).isTrue();
        assertThat(mismatch.errors().get(0).path("message").asString()).isEqualTo("PersistedQueryIdInvalid");
        assertThat(client.post(hashOnly(sha256("{ __typename }"))).errors().get(0).path("message").asString())
                .isEqualTo("PersistedQueryNotFound");
    }

    /** A persisted mutation runs by its hash too (it is not taken for a query and sent to a read-only snapshot). */
    @Test
    void aPersistedMutationRunsByItsHash() throws Exception {
        String mutation = "mutation Register { registerBot(input: {botId: \\\"apq_bot\\\", strategyName: \\\"s\\\","
                + " initialBalance: 100, baseStake: 1, maxStake: 2}) { registration } }";
        String sent = mutation.replace("\\\"", "\"");
        String hash = sha256(sent);

        GraphQlResponse registered = client.post(withDocument(mutation, hash));
        GraphQlResponse again = client.post(hashOnly(hash));

        assertThat(registered.data("registerBot.registration").asString()).as(registered.body()).isEqualTo("CREATED");
        assertThat(again.data("registerBot.registration").asString()).as(again.body()).isEqualTo("UNCHANGED");
    }

    private static String hashOnly(String hash) {
        return "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}}";
    }

    private static String withDocument(String document, String hash) {
        return "{\"query\":\"" + document + "\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
                + hash + "\"}}}";
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
