package com.crashanalytics.domain.access;

/**
 * Inbound port: an administrator revokes a key; it is refused from the next request on. Revoking a revoked key
 * changes nothing. The last active ADMIN key cannot be revoked unless an admin key comes from the environment:
 * the gateway would have no administrator left.
 */
public interface RevokeApiKeyUseCase {

    ApiKey revoke(RevokeApiKeyCommand command);
}
