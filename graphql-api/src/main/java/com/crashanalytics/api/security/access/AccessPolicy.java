package com.crashanalytics.api.security.access;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.crashanalytics.domain.access.ApiKeyRole;

/**
 * Who may call one root field: the roles allowed and, when BOT is among them, how a BOT key is held to its bots.
 * Built only through the factories, which name the gateway's few kinds of operation.
 */
public final class AccessPolicy {

    /** Every role but METRICS, whose keys only scrape {@code /actuator/prometheus}. */
    static final Set<ApiKeyRole> GRAPHQL_ROLES = EnumSet.of(ApiKeyRole.ADMIN, ApiKeyRole.BOT, ApiKeyRole.DASHBOARD,
            ApiKeyRole.PREDICTOR);

    private final Set<ApiKeyRole> roles;
    private final Optional<BotScope> botScope;

    private AccessPolicy(Set<ApiKeyRole> roles, Optional<BotScope> botScope) {
        this.roles = Set.copyOf(roles);
        this.botScope = botScope;
    }

    /** Key management, platform configuration, retention: ADMIN keys only. */
    public static AccessPolicy adminOnly() {
        return new AccessPolicy(EnumSet.of(ApiKeyRole.ADMIN), Optional.empty());
    }

    /** A bot writes: ADMIN, and BOT keys for their own bots only. DASHBOARD keys are read-only. */
    public static AccessPolicy botWrite(BotScope scope) {
        return new AccessPolicy(EnumSet.of(ApiKeyRole.ADMIN, ApiKeyRole.BOT), Optional.of(scope));
    }

    /**
     * A write about a game rather than a bot (a model's prediction): ADMIN, PREDICTOR keys, and every BOT key (the bots
     * watching a game may run the models that predict it). DASHBOARD keys are read-only.
     */
    public static AccessPolicy gameWrite() {
        return new AccessPolicy(EnumSet.of(ApiKeyRole.ADMIN, ApiKeyRole.BOT, ApiKeyRole.PREDICTOR),
                Optional.of(BotScope.noBotData()));
    }

    /** A read of bot data: ADMIN and DASHBOARD see every bot, BOT keys their own bots only; PREDICTOR keys none. */
    public static AccessPolicy botRead(BotScope scope) {
        return new AccessPolicy(EnumSet.of(ApiKeyRole.ADMIN, ApiKeyRole.DASHBOARD, ApiKeyRole.BOT), Optional.of(scope));
    }

    /** A read of shared reference data that belongs to no bot (platforms, games): every role that uses GraphQL. */
    public static AccessPolicy sharedRead() {
        return new AccessPolicy(GRAPHQL_ROLES, Optional.of(BotScope.noBotData()));
    }

    /** A read across all bots that cannot be narrowed to one (leaderboards, platform-wide statistics): no BOT keys. */
    public static AccessPolicy allBotsRead() {
        return new AccessPolicy(EnumSet.of(ApiKeyRole.ADMIN, ApiKeyRole.DASHBOARD), Optional.empty());
    }

    public Set<ApiKeyRole> roles() {
        return roles;
    }

    /** Present exactly when BOT keys are allowed. */
    public Optional<BotScope> botScope() {
        return botScope;
    }

    public boolean allows(ApiKeyRole role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "roles " + roles + botScope.map(scope -> ", bots by " + scope).orElse("");
    }
}
