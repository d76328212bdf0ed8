package com.crashanalytics.domain.access;

import java.util.Collection;
import java.util.Map;

/**
 * Outbound port: which bot owns a session or a round, so that a request naming a session or a round can be held
 * to the bots its key acts for.
 */
public interface BotOwnership {

    /**
     * The owning bot of each of these ids that exists. Ids that do not exist (or cannot be ids of that kind) are
     * absent from the answer.
     */
    Map<String, String> ownersOf(OwnedResource resource, Collection<String> ids);
}
