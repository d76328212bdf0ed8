package com.crashanalytics.domain.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * Outbound port: the API key on whose behalf the current unit of work writes. Every row a write stores names it
 * ({@code written_by_key_id}), and every audited change names it as the change's author, so what the gateway stores
 * can always be traced to the key that sent it. The answer comes from the authenticated caller of the request being
 * served, never from the database; it is empty for the gateway's own scheduled work (sweeps, alert evaluation,
 * retention) and for the bootstrap of the first admin key. The environment's admin key answers the
 * id of all zeros (the access area's {@code EnvironmentAdminKey.ID}).
 */
public interface Authorship {

    /** The id of the key whose request is being served, or empty for the gateway's own work. */
    Optional<UUID> currentKeyId();
}
