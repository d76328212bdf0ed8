package com.crashanalytics.domain.access;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.NotFoundException;
import com.crashanalytics.domain.audit.AuditedEntity;
import com.crashanalytics.domain.audit.Auditor;
import com.crashanalytics.domain.common.Transactions;

/**
 * Issues, revokes and lists API keys, and makes sure the gateway always has an administrator. Issues and revocations
 * go into the audit trail (the key's public facts, never its secret or hash).
 */
public final class ApiKeyManagementService
        implements IssueApiKeyUseCase, RevokeApiKeyUseCase, ListApiKeysUseCase, EnsureAdminUseCase {

    private final ApiKeyRegistry registry;
    private final Transactions transactions;
    private final Clock clock;
    private final boolean environmentAdminConfigured;
    private final Auditor auditor;

    public ApiKeyManagementService(ApiKeyRegistry registry, Transactions transactions, Clock clock,
                                   EnvironmentAdminKey environmentAdmin, Auditor auditor) {
        this.registry = registry;
        this.transactions = transactions;
        this.clock = clock;
        this.environmentAdminConfigured = environmentAdmin.isConfigured();
        this.auditor = auditor;
    }

    @Override
    public IssuedApiKey issue(IssueApiKeyCommand command) {
        return transactions.inTransaction(() -> issueNow(command));
    }

    private IssuedApiKey issueNow(IssueApiKeyCommand command) {
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = ApiKey.issue(UUID.randomUUID(), command, secret, clock.instant());
        registry.add(key, secret.hash());
        auditor.created(AuditedEntity.API_KEY, key.id().toString(), key);
        return new IssuedApiKey(secret, key);
    }

    @Override
    public ApiKey revoke(RevokeApiKeyCommand command) {
        return transactions.inTransaction(() -> {
            registry.lockKeyManagement();
            ApiKey key = registry.findForUpdate(command.id())
                    .orElseThrow(() -> new NotFoundException("id", "no API key has the id " + command.id()));
            if (key.isRevoked()) {
                return key;
            }
            if (key.role() == ApiKeyRole.ADMIN && !environmentAdminConfigured && registry.countActiveAdmins() <= 1) {
                throw new ConflictException("id", "this is the last active ADMIN key: issue another ADMIN key "
                        + "(or set GATEWAY_ADMIN_KEY) before revoking it");
            }
            ApiKey revoked = registry.revoke(key.id(), clock.instant());
            auditor.revoked(AuditedEntity.API_KEY, key.id().toString(), key, revoked);
            return revoked;
        });
    }

    @Override
    public List<ApiKey> list(boolean includeRevoked) {
        return transactions.readOnly(() -> registry.list(includeRevoked));
    }

    @Override
    public Optional<IssuedApiKey> ensureAdminExists() {
        if (environmentAdminConfigured) {
            return Optional.empty();
        }
        return transactions.inTransaction(() -> {
            registry.lockKeyManagement();
            if (registry.countActiveAdmins() > 0) {
                return Optional.empty();
            }
            return Optional.of(issueNow(new IssueApiKeyCommand("bootstrap admin", ApiKeyRole.ADMIN, List.of())));
        });
    }
}
