package com.crashanalytics.domain.access;

import java.util.List;

/** Inbound port: the keys an administrator can see (never a secret, never a hash). */
public interface ListApiKeysUseCase {

    /** Newest first; revoked keys only when asked for. */
    List<ApiKey> list(boolean includeRevoked);
}
