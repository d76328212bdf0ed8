package com.crashanalytics.api.testing;

import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;

/**
 * API keys for tests. {@link #ADMIN} is the admin key every {@link GatewayIntegrationTest} gateway is configured
 * with (as GATEWAY_ADMIN_KEY would be); keys of other roles are issued through the API, as an operator would,
 * and vanish with the database before the next test.
 */
public final class TestApiKeys {

    /** The test gateway's GATEWAY_ADMIN_KEY. Only for tests: a real one comes from `openssl rand -hex 32`. */
    public static final String ADMIN = "cag_test-admin-key-0123456789abcdefghijklmnopqrstuvwxyz";

    private static final String CREATE = """
            mutation($input: CreateApiKeyInput!) {
              createApiKey(input: $input) { secret apiKey { id } }
            }
            """;

    private final int port;

    public TestApiKeys(int port) {
        this.port = port;
    }

    /** A new BOT key bound to these bots; returns the key itself. */
    public String bot(String... botIds) {
        return issue("BOT", List.of(botIds)).secret();
    }

    /** A new DASHBOARD key; returns the key itself. */
    public String dashboard() {
        return issue("DASHBOARD", List.of()).secret();
    }

    /** A new (stored, revocable) ADMIN key; returns the key itself. */
    public String admin() {
        return issue("ADMIN", List.of()).secret();
    }

    /** A key that was issued and then revoked; returns the key itself. */
    public String revoked(String role, String... botIds) {
        Issued issued = issue(role, List.of(botIds));
        GraphQlResponse revoked = new GraphQlClient(port).execute(
                "mutation($id: ID!) { revokeApiKey(input: {id: $id}) { apiKey { revokedAt } } }",
                Map.of("id", issued.id()));
        if (revoked.hasErrors()) {
            throw new IllegalStateException("could not revoke a test key: " + revoked.body());
        }
        return issued.secret();
    }

    /** Issues a key through createApiKey with the test admin key. */
    public Issued issue(String role, List<String> botIds) {
        return issue(role, botIds, "test " + role.toLowerCase());
    }

    /** Issues a key with this label through createApiKey with the test admin key. */
    public Issued issue(String role, List<String> botIds, String label) {
        GraphQlResponse response = new GraphQlClient(port).execute(CREATE,
                Map.of("input", Map.of("label", label, "role", role, "botIds", botIds)));
        if (response.hasErrors()) {
            throw new IllegalStateException("could not issue a test key: " + response.body());
        }
        return new Issued(response.data("createApiKey.secret").asString(),
                response.data("createApiKey.apiKey.id").asString());
    }

    /** A key as issued: the secret to send, the id to revoke it by. */
    public record Issued(String secret, String id) {
    }
}
