package com.crashanalytics.api.security.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Keys are issued once, stored only as hashes, listed without secrets, and refused from the moment they are revoked. */
@GatewayIntegrationTest
class ApiKeyManagementIT {

    private static final String CREATE = """
            mutation($input: CreateApiKeyInput!) {
              createApiKey(input: $input) { secret apiKey { id label role prefix botIds createdAt lastUsedAt revokedAt } }
            }
            """;
    private static final String REVOKE = "mutation($id: ID!) { revokeApiKey(input: {id: $id}) { apiKey { id revokedAt } } }";
    private static final String READ_BOT = "{ bot(botId: \"bot_a\") { botId } }";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient admin;

    @BeforeEach
    void connect() {
        admin = new GraphQlClient(port);
    }

    @Test
    void aNewKeyIsShownOnceAndWorksAtOnce() {
        GraphQlResponse created = admin.execute(CREATE, Map.of("input",
                Map.of("label", "aviator VM 1", "role", "BOT", "botIds", List.of("bot_a", "bot_b"))));

        assertThat(created.hasErrors()).as(created.body()).isFalse();
        String secret = created.data("createApiKey.secret").asString();
        JsonNode key = created.data("createApiKey.apiKey");
        assertThat(secret).matches("cag_[A-Za-z0-9_-]{43}");
        assertThat(key.path("prefix").asString()).isEqualTo(secret.substring(0, 12));
        assertThat(key.path("role").asString()).isEqualTo("BOT");
        assertThat(key.path("botIds").toString()).isEqualTo("[\"bot_a\",\"bot_b\"]");
        assertThat(key.path("lastUsedAt").isNull()).isTrue();
        assertThat(key.path("revokedAt").isNull()).isTrue();

        GraphQlResponse used = new GraphQlClient(port).withApiKey(secret).execute(READ_BOT);
        assertThat(used.hasErrors()).as(used.body()).isFalse();
    }

    @Test
    void theDatabaseHoldsNoKeyInClearTextOnlyItsSha256() throws Exception {
        String secret = new TestApiKeys(port).bot("bot_a");
        new TestApiKeys(port).dashboard();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM api_clients WHERE role = 'BOT'");
        assertThat((byte[]) row.get("key_hash"))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        assertThat(row.get("key_prefix")).isEqualTo(secret.substring(0, 12));
        // Every column of every table, as text: the secret (or its random part) appears nowhere.
        for (String table : jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()", String.class)) {
            for (String text : jdbc.queryForList("SELECT t::text FROM " + table + " t", String.class)) {
                assertThat(text).as(table).doesNotContain(secret).doesNotContain(secret.substring(12));
            }
        }
    }

    @Test
    void theListShowsWhatEachKeyMayDoButNeverTheKeyNorItsHash() {
        new TestApiKeys(port).bot("bot_a");
        String revoked = new TestApiKeys(port).revoked("DASHBOARD");

        GraphQlResponse active = admin.execute("{ apiKeys { label role prefix botIds createdAt lastUsedAt revokedAt } }");
        GraphQlResponse all = admin.execute("{ apiKeys(includeRevoked: true) { role revokedAt } }");

        assertThat(active.data("apiKeys")).hasSize(1);
        assertThat(active.data("apiKeys").get(0).path("role").asString()).isEqualTo("BOT");
        assertThat(all.data("apiKeys")).hasSize(2);
        assertThat(all.body()).doesNotContain(revoked.substring(12));
        assertThat(admin.execute("{ apiKeys { secret } }").classifications()).containsExactly("ValidationError");
    }

    @Test
    void aRevokedKeyIsRefusedFromTheNextRequestOn() {
        TestApiKeys.Issued key = new TestApiKeys(port).issue("DASHBOARD", List.of());
        GraphQlClient dashboard = new GraphQlClient(port).withApiKey(key.secret());
        assertThat(dashboard.execute(READ_BOT).hasErrors()).isFalse();

        GraphQlResponse revoked = admin.execute(REVOKE, Map.of("id", key.id()));

        assertThat(revoked.data("revokeApiKey.apiKey.revokedAt").isNull()).isFalse();
        GraphQlResponse refused = dashboard.execute(READ_BOT);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.classifications()).containsExactly("UNAUTHORIZED");
    }

    @Test
    void revokingTwiceKeepsTheFirstRevocationTime() {
        TestApiKeys.Issued key = new TestApiKeys(port).issue("DASHBOARD", List.of());
        String first = admin.execute(REVOKE, Map.of("id", key.id())).data("revokeApiKey.apiKey.revokedAt").asString();

        GraphQlResponse again = admin.execute(REVOKE, Map.of("id", key.id()));

        assertThat(again.hasErrors()).isFalse();
        assertThat(again.data("revokeApiKey.apiKey.revokedAt").asString()).isEqualTo(first);
    }

    @Test
    void revokingAnUnknownOrMalformedIdSaysWhichField() {
        GraphQlResponse unknown = admin.execute(REVOKE, Map.of("id", "0193a6f2-7c1e-7000-8000-000000000001"));
        GraphQlResponse malformed = admin.execute(REVOKE, Map.of("id", "key-1"));

        assertThat(unknown.classifications()).containsExactly("NOT_FOUND");
        assertThat(unknown.errors().get(0).path("extensions").path("field").asString()).isEqualTo("input.id");
        assertThat(malformed.classifications()).containsExactly("BAD_REQUEST");
        assertThat(malformed.errors().get(0).path("extensions").path("rule").asString()).isEqualTo("UUID");
    }

    @Test
    void theLastStoredAdminKeyCanBeRevokedWhenTheEnvironmentHasOne() {
        // This gateway runs with GATEWAY_ADMIN_KEY set, so revoking every stored admin key leaves an administrator.
        TestApiKeys.Issued onlyStoredAdmin = new TestApiKeys(port).issue("ADMIN", List.of());

        GraphQlResponse revoked = admin.execute(REVOKE, Map.of("id", onlyStoredAdmin.id()));

        assertThat(revoked.hasErrors()).as(revoked.body()).isFalse();
    }

    @Test
    void invalidKeyRequestsNameEveryProblemAndIssueNothing() {
        GraphQlResponse response = admin.execute(CREATE, Map.of("input",
                Map.of("label", " ", "role", "DASHBOARD", "botIds", List.of("bot_a"))));

        assertThat(response.errors()).extracting(e -> e.path("extensions").path("field").asString())
                .containsExactlyInAnyOrder("input.label", "input.botIds");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_clients", Integer.class)).isZero();
    }

    @Test
    void aUseIsRecordedButNotOnEveryRequest() {
        String secret = new TestApiKeys(port).dashboard();
        GraphQlClient dashboard = new GraphQlClient(port).withApiKey(secret);

        dashboard.execute(READ_BOT);
        Object firstUse = jdbc.queryForObject("SELECT last_used_at FROM api_clients", Object.class);
        for (int i = 0; i < 20; i++) {
            dashboard.execute(READ_BOT);
        }

        assertThat(firstUse).isNotNull();
        assertThat(jdbc.queryForObject("SELECT last_used_at FROM api_clients", Object.class))
                .as("written at most once a minute").isEqualTo(firstUse);
    }

    @Test
    void aMalformedAuthorizationHeaderIsRefusedNotIgnored() {
        GraphQlResponse basic = GraphQlClient.anonymous(port).withHeader("Authorization", "Basic YWRtaW46YWRtaW4=")
                .execute(READ_BOT);
        GraphQlResponse empty = GraphQlClient.anonymous(port).withHeader("Authorization", "Bearer ").execute(READ_BOT);

        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.errors().get(0).path("message").asString()).contains("Authorization: Bearer <key>");
        assertThat(empty.status()).isEqualTo(401);
        assertThat(basic.header("WWW-Authenticate")).startsWith("Bearer");
    }
}
