package com.crashanalytics.api.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.crashanalytics.domain.session.FleetActivityReadModel;
import com.crashanalytics.domain.session.FleetActivityReadModel.BotActivity;
import com.crashanalytics.domain.session.SessionStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of how alive the fleet is, read from the database every {@code gateway.metrics.fleet-refresh-interval}
 * (a scrape never waits for the database):
 * <ul>
 *   <li>{@code gateway.bot.since.last.round{bot}} and {@code gateway.bot.since.last.heartbeat{bot}}, in seconds,
 *       computed at scrape time from the cached instants, so a silent bot's gauge keeps growing between
 *       refreshes. Bounded cardinality: only the {@code gateway.metrics.max-bots} bots heard from most recently
 *       have a series; a bot pushed out of them loses its series at the next refresh;</li>
 *   <li>{@code gateway.sessions{status}}: sessions per status, one series per status.</li>
 * </ul>
 * Every replica publishes the same figures (they come from the shared database): aggregate them with max().
 */
public class FleetGauges implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(FleetGauges.class);

    private final FleetActivityReadModel fleet;
    private final Clock clock;
    private final int maxBots;
    private volatile Map<SessionStatus, Long> sessionsByStatus = Map.of();
    private volatile @Nullable MultiGauge sinceLastRound;
    private volatile @Nullable MultiGauge sinceLastHeartbeat;

    public FleetGauges(FleetActivityReadModel fleet, Clock clock, int maxBots) {
        this.fleet = fleet;
        this.clock = clock;
        this.maxBots = maxBots;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        sinceLastRound = MultiGauge.builder("gateway.bot.since.last.round").baseUnit("seconds")
                .description("Seconds since the start of the bot's newest round (the most recently active bots only)")
                .register(registry);
        sinceLastHeartbeat = MultiGauge.builder("gateway.bot.since.last.heartbeat").baseUnit("seconds")
                .description("Seconds since the bot's last heartbeat (the most recently active bots only)")
                .register(registry);
        for (SessionStatus status : SessionStatus.values()) {
            Gauge.builder("gateway.sessions", () -> sessionsByStatus.getOrDefault(status, 0L))
                    .description("Sessions per status").tag("status", status.name()).register(registry);
        }
        refresh(); // the first figures at start; then every interval (MetricsConfiguration)
    }

    /**
     * Reads the fleet's activity again; on failure (database down) the figures of the last refresh stay. Does
     * nothing until the gauges are bound to a registry.
     */
    public void refresh() {
        MultiGauge rounds = sinceLastRound;
        MultiGauge heartbeats = sinceLastHeartbeat;
        if (rounds == null || heartbeats == null) {
            return;
        }
        try {
            List<BotActivity> bots = fleet.mostRecentlyActiveBots(maxBots);
            sessionsByStatus = fleet.sessionsByStatus();
            rounds.register(rowsOf(bots, BotActivity::lastRoundAt), true);
            heartbeats.register(rowsOf(bots, BotActivity::lastHeartbeatAt), true);
        } catch (RuntimeException unavailable) {
            LOG.warn("fleet gauges not refreshed, keeping the last figures: {}", unavailable.toString());
        }
    }

    private List<MultiGauge.Row<?>> rowsOf(List<BotActivity> bots, Function<BotActivity, @Nullable Instant> when) {
        return bots.stream()
                .filter(bot -> when.apply(bot) != null)
                .<MultiGauge.Row<?>>map(bot -> {
                    Instant at = Objects.requireNonNull(when.apply(bot));
                    return MultiGauge.Row.of(Tags.of("bot", bot.botId()), () -> secondsSince(at));
                })
                .toList();
    }

    private double secondsSince(Instant at) {
        return Math.max(0, Duration.between(at, clock.instant()).toNanos() / 1e9);
    }
}
