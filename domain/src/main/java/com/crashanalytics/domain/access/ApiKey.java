package com.crashanalytics.domain.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An API key as the gateway knows it: who holds it (label), what it may do (role, and for a BOT key the bots it
 * acts for), and its life (created, last used, revoked). Never the key itself: see {@link ApiKeySecret}.
 *
 * @param prefix     the key's first characters ({@code cag_} + 8), to tell keys apart
 * @param botIds     the bots a BOT key acts for; empty for other roles
 * @param lastUsedAt recorded at most about once a minute, so it is approximate by design
 */
public record ApiKey(
        UUID id,
        String label,
        ApiKeyRole role,
        String prefix,
        List<String> botIds,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    public ApiKey {
        botIds = List.copyOf(botIds);
        if ((role == ApiKeyRole.BOT) == botIds.isEmpty()) {
            throw new IllegalArgumentException("a BOT key is bound to at least one bot, other keys to none");
        }
    }

    /** A key issued now for this command. */
    static ApiKey issue(UUID id, IssueApiKeyCommand command, ApiKeySecret secret, Instant now) {
        return new ApiKey(id, command.label(), command.role(), secret.visiblePrefix(), command.botIds(), now, null, null);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Whether this key acts for that bot: only a BOT key bound to it does (other roles are not bound to bots). */
    public boolean isBoundTo(String botId) {
        return botIds.contains(botId);
    }
}
