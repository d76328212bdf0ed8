package com.crashanalytics.api.security.access;

import com.crashanalytics.api.security.authentication.Callers;
import com.crashanalytics.domain.access.OwnedResource;

/**
 * How a BOT key is held to its own bots for one operation. A bot's identity comes from its key: whatever bot
 * the request names, directly or through a session or round it owns, must be one the key is bound to.
 */
public sealed interface BotScope {

    /** The bot ids at this argument path (e.g. {@code input.botId}, {@code input.rounds[].botId}) must all be the key's. */
    static BotScope botIdAt(String path) {
        return new BotIdAt(ArgumentPath.parse(path));
    }

    /**
     * The sessions or rounds whose ids are at this argument path must all belong to the key's bots (looked up
     * through the domain's {@code BotOwnership} port; an id that names nothing is refused for a BOT key).
     */
    static BotScope ownerOf(OwnedResource resource, String path) {
        return new OwnerOf(resource, ArgumentPath.parse(path));
    }

    /**
     * BOT keys may call the operation, and its resolver restricts the answer to the caller's bots (it takes
     * {@code @ContextValue ApiKey caller}; see {@link Callers}). For lists across bots, such as {@code bots}.
     */
    static BotScope filteredByResolver() {
        return FilteredByResolver.INSTANCE;
    }

    /**
     * The operation's answer holds no bot's data (e.g. the platforms and games every bot plays on): BOT keys may
     * call it as it is.
     */
    static BotScope noBotData() {
        return NoBotData.INSTANCE;
    }

    record BotIdAt(ArgumentPath path) implements BotScope {
    }

    record OwnerOf(OwnedResource resource, ArgumentPath path) implements BotScope {
    }

    enum FilteredByResolver implements BotScope {
        INSTANCE
    }

    enum NoBotData implements BotScope {
        INSTANCE
    }
}
