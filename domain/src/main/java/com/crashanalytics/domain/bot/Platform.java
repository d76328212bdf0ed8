package com.crashanalytics.domain.bot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A game as one platform (casino) offers it: its URL, currency, house edge and multiplier range. Bots may only
 * log sessions and rounds for a configured (game, platform) pair.
 *
 * @param houseEdgePercent the platform's house edge; defaults to the game's when not configured
 * @param minMultiplier    the lowest crash point the platform shows (1.00 unless configured)
 * @param maxMultiplier    the highest crash point the platform pays, when it has a cap
 */
public record Platform(
        Game game,
        String platformCode,
        @Nullable String platformUrl,
        String currency,
        BigDecimal houseEdgePercent,
        BigDecimal minMultiplier,
        @Nullable BigDecimal maxMultiplier,
        boolean isActive,
        Instant createdAt,
        Instant updatedAt) {

    public static final String DEFAULT_CURRENCY = "USD";

    public String gameName() {
        return game.gameName();
    }

    /** Return to player: 100% − house edge. */
    public BigDecimal rtpPercent() {
        return BigDecimal.valueOf(100).subtract(houseEdgePercent);
    }

    /** Whether a crash point lies within what this platform can show; outside is a misread or a misconfiguration. */
    public boolean canShow(BigDecimal multiplier) {
        return multiplier.compareTo(minMultiplier) >= 0 && (maxMultiplier == null || multiplier.compareTo(maxMultiplier) <= 0);
    }

    /** A platform configured for the first time; absent settings take the game's or the usual defaults. */
    static Platform configure(ConfigurePlatformCommand command, Game game, Instant now) {
        return new Platform(game, command.platformCode(), command.platformUrl(), currencyOf(command),
                houseEdgeOf(command, game), minMultiplierOf(command), command.maxMultiplier(), activeOf(command),
                now, now);
    }

    /** This platform with a new configuration; when it was first configured is kept. */
    Platform reconfigure(ConfigurePlatformCommand command, Instant now) {
        Platform configured = configure(command, game, now);
        return new Platform(game, platformCode, configured.platformUrl, configured.currency, configured.houseEdgePercent,
                configured.minMultiplier, configured.maxMultiplier, configured.isActive, createdAt, now);
    }

    /** Whether configuring it again with this command would change nothing. Numbers compare by value. */
    boolean isConfiguredAs(ConfigurePlatformCommand command) {
        return Objects.equals(platformUrl, command.platformUrl())
                && currency.equals(currencyOf(command))
                && houseEdgePercent.compareTo(houseEdgeOf(command, game)) == 0
                && minMultiplier.compareTo(minMultiplierOf(command)) == 0
                && (maxMultiplier == null ? command.maxMultiplier() == null
                        : command.maxMultiplier() != null && maxMultiplier.compareTo(command.maxMultiplier()) == 0)
                && isActive == activeOf(command);
    }

    private static String currencyOf(ConfigurePlatformCommand command) {
        return command.currency() == null ? DEFAULT_CURRENCY : command.currency();
    }

    private static BigDecimal houseEdgeOf(ConfigurePlatformCommand command, Game game) {
        return command.houseEdgePercent() == null ? game.defaultHouseEdgePercent() : command.houseEdgePercent();
    }

    private static BigDecimal minMultiplierOf(ConfigurePlatformCommand command) {
        return command.minMultiplier() == null ? BigDecimal.ONE : command.minMultiplier();
    }

    private static boolean activeOf(ConfigurePlatformCommand command) {
        return command.isActive() == null || command.isActive();
    }
}
