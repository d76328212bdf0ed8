package com.crashanalytics.domain.session;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.common.paging.SortOrder;
import com.crashanalytics.domain.common.paging.SortOrder.KeyPart;

/**
 * Outbound port (read model): sessions as dashboards browse them, a page at a time, alone or for many bots at once
 * (one query for every bot of a page, never one per bot).
 */
public interface SessionReadModel {

    /** Sessions by start time; sessions started at the same instant in the order they were recorded. */
    SortOrder BY_START = SortOrder.of("sessions-by-start", KeyPart.TIME, KeyPart.NUMBER);

    /** A page of the sessions the filter selects, in {@link #BY_START} order. */
    Page<Session> sessions(ListQuery<SessionFilter> query);

    /** For each bot, the same page of its sessions the filter selects (an empty page for a bot without any). */
    Map<String, Page<Session>> sessionsOfBots(Collection<String> botIds, ListQuery<SessionFilter> query);

    long count(SessionFilter filter);

    /** For each bot, how many of its sessions the filter selects. */
    Map<String, Long> countSessionsOfBots(Collection<String> botIds, SessionFilter filter);

    /** For each strategy, the same page of the sessions played with it that the filter selects. */
    Map<String, Page<Session>> sessionsOfStrategies(Collection<String> strategyNames, ListQuery<SessionFilter> query);

    /** For each strategy, how many of the sessions played with it the filter selects. */
    Map<String, Long> countSessionsOfStrategies(Collection<String> strategyNames, SessionFilter filter);

    /** The sessions with these ids that exist, in no particular order. */
    List<Session> findAll(Collection<String> sessionIds);

    /** The session with this id, if one was started. */
    default Optional<Session> find(String sessionId) {
        return findAll(List.of(sessionId)).stream().findFirst();
    }
}
