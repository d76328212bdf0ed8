package com.crashanalytics.domain.bot;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A crash game: Aviator, Aviatrix and JetX are built in; any other is registered by the first platform configured
 * for it. Its house edge is the published default that platforms start from (RTP = 100% − house edge).
 *
 * @param gameName                 lowercase code, e.g. {@code aviator}
 * @param displayName              the name people read
 * @param provider                 who makes the game (Spribe, SmartSoft Gaming, ...), if known
 * @param defaultHouseEdgePercent  the published house edge, e.g. 3 for a 97% RTP
 * @param builtin                  whether the gateway ships with it
 */
public record Game(String gameName, String displayName, @Nullable String provider, BigDecimal defaultHouseEdgePercent,
                   boolean builtin) {

    /** A game the gateway did not know, registered with the house edge of the platform that introduced it. */
    static Game firstSeenIn(ConfigurePlatformCommand command) {
        if (command.houseEdgePercent() == null) {
            throw new IllegalArgumentException("a new game needs a house edge");
        }
        return new Game(command.gameName(), command.gameName(), null, command.houseEdgePercent(), false);
    }
}
