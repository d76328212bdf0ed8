package com.crashanalytics.api.live;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.crashanalytics.api.live.LiveViews.AlertEvent;
import com.crashanalytics.api.live.LiveViews.CrashEvent;
import com.crashanalytics.api.live.LiveViews.RoundEvent;
import com.crashanalytics.api.live.LiveViews.SessionEvent;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.access.ApiKeyRole;
import com.crashanalytics.domain.live.LiveEventKind;
import com.crashanalytics.domain.live.SessionChange;
import com.crashanalytics.domain.round.RoundOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * The subscriptions: each binds its arguments into a filter over the feed's events. A BOT key's feeds are narrowed
 * to its own bots here (the access policies let BOT keys subscribe with {@code filteredByResolver()}).
 */
@Controller
class LiveController {

    private final LiveFeed feed;

    LiveController(LiveFeed feed) {
        this.feed = feed;
    }

    @SubscriptionMapping
    Flux<RoundEvent> roundLogged(@Argument @Nullable LiveRoundFilter filter, @Argument @Nullable Long after,
                                 @ContextValue ApiKey caller, @ContextValue(name = SubscriptionProgress.CONTEXT_KEY, required = false) @Nullable SubscriptionProgress progress) {
        LiveRoundFilter asked = filter != null ? filter : new LiveRoundFilter(null, null, null, null, null);
        Predicate<String> visibleBot = visibleBots(caller, asked.botIds());
        return feed.subscribe(after, event -> event.view() instanceof RoundEvent round
                        && visibleBot.test(round.botId()) && asked.takes(round), progress)
                .map(event -> (RoundEvent) event.view());
    }

    @SubscriptionMapping
    Flux<SessionEvent> sessionChanged(@Argument @Nullable LiveSessionFilter filter, @Argument @Nullable Long after,
                                      @ContextValue ApiKey caller, @ContextValue(name = SubscriptionProgress.CONTEXT_KEY, required = false) @Nullable SubscriptionProgress progress) {
        LiveSessionFilter asked = filter != null ? filter : new LiveSessionFilter(null, null, null);
        Predicate<String> visibleBot = visibleBots(caller, asked.botIds());
        return feed.subscribe(after, event -> event.view() instanceof SessionEvent session
                        && visibleBot.test(session.botId()) && asked.takes(session), progress)
                .map(event -> (SessionEvent) event.view());
    }

    @SubscriptionMapping
    Flux<CrashEvent> crashObserved(@Argument @Nullable String gameName, @Argument @Nullable String platformCode,
                                   @Argument @Nullable BigDecimal atLeast, @Argument @Nullable Long after,
                                   @ContextValue(name = SubscriptionProgress.CONTEXT_KEY, required = false) @Nullable SubscriptionProgress progress) {
        return feed.subscribe(after, event -> event.view() instanceof CrashEvent crash
                        && (gameName == null || gameName.equals(crash.gameName()))
                        && (platformCode == null || platformCode.equals(crash.platformCode()))
                        && (atLeast == null || crash.crashMultiplier().compareTo(atLeast) >= 0), progress)
                .map(event -> (CrashEvent) event.view());
    }

    @SubscriptionMapping
    Flux<AlertEvent> alertRaised(@Argument @Nullable Long after, @ContextValue(name = SubscriptionProgress.CONTEXT_KEY, required = false) @Nullable SubscriptionProgress progress) {
        return feed.subscribe(after, event -> event.kind() == LiveEventKind.ALERT_RAISED, progress)
                .map(event -> (AlertEvent) event.view());
    }

    /** The bots whose events the caller sees: a BOT key its own (within what it asked), others what they asked. */
    private static Predicate<String> visibleBots(ApiKey caller, @Nullable List<String> asked) {
        Set<String> askedBots = asked == null ? null : Set.copyOf(asked);
        boolean ownOnly = caller.role() == ApiKeyRole.BOT;
        return botId -> (askedBots == null || askedBots.contains(botId)) && (!ownOnly || caller.botIds().contains(botId));
    }

    record LiveRoundFilter(@Nullable List<String> botIds, @Nullable String sessionId, @Nullable String gameName,
                           @Nullable String platformCode, @Nullable List<RoundOutcome> outcomes) {

        boolean takes(RoundEvent round) {
            return (sessionId == null || sessionId.equals(round.sessionId()))
                    && (gameName == null || gameName.equals(round.gameName()))
                    && (platformCode == null || platformCode.equals(round.platformCode()))
                    && (outcomes == null || outcomes.contains(round.outcome()));
        }
    }

    record LiveSessionFilter(@Nullable List<String> botIds, @Nullable String sessionId,
                             @Nullable List<SessionChange> changes) {

        boolean takes(SessionEvent session) {
            return (sessionId == null || sessionId.equals(session.sessionId()))
                    && (changes == null || changes.contains(session.change()));
        }
    }
}
