package com.crashanalytics.domain.access;

import java.util.Optional;

/** Inbound port: who is calling? The key a client presents, if it is known and not revoked. */
public interface AuthenticateApiKeyUseCase {

    Optional<ApiKey> authenticate(String presentedKey);
}
