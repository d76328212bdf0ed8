package com.crashanalytics.domain.bot;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.common.paging.SortOrder;
import com.crashanalytics.domain.common.paging.SortOrder.KeyPart;

/** Outbound port (read model): the bots dashboards list, a page at a time. */
public interface BotReadModel {

    /** Bots in the order they registered; bots registered at the same instant in the order they were stored. */
    SortOrder BY_REGISTRATION = SortOrder.of("bots-by-registration", KeyPart.TIME, KeyPart.NUMBER);

    /** A page of the bots the filter selects, in {@link #BY_REGISTRATION} order. */
    Page<Bot> bots(ListQuery<BotFilter> query);

    /**
     * For each of these bots that exists, its status now, by the rules the read model was given (one query for every
     * bot of a page).
     */
    Map<String, BotStatus> statusOf(Collection<String> botIds);

    /** The bots with these ids that exist, in no particular order (one query for every bot of a level). */
    List<Bot> findAll(Collection<String> botIds);

    /** The bot with this id, if one is registered. */
    default Optional<Bot> find(String botId) {
        return findAll(List.of(botId)).stream().findFirst();
    }

    /** How many bots the filter selects. */
    long count(BotFilter filter);

    /**
     * For each strategy, the same page of the bots registered with it that the filter selects (an empty page for a
     * strategy without any): one query for every strategy of a comparison, never one per strategy.
     */
    Map<String, Page<Bot>> botsOfStrategies(Collection<String> strategyNames, ListQuery<BotFilter> query);

    /** For each strategy, how many of the bots registered with it the filter selects. */
    Map<String, Long> countBotsOfStrategies(Collection<String> strategyNames, BotFilter filter);
}
