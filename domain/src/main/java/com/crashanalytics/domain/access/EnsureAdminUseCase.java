package com.crashanalytics.domain.access;

import java.util.Optional;

/**
 * Inbound port, run once on start: a gateway must have an administrator. With an admin key from the environment
 * it has one; otherwise, when no active ADMIN key is stored, one is issued and returned so that it can be shown
 * to the operator this one time.
 */
public interface EnsureAdminUseCase {

    Optional<IssuedApiKey> ensureAdminExists();
}
