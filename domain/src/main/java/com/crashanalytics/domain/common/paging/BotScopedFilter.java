package com.crashanalytics.domain.common.paging;

import java.util.Collection;

/**
 * A filter of a list that spans bots (bots, sessions, rounds, errors), which a caller limited to some bots sees
 * narrowed to them.
 *
 * @param <F> the filter's own type
 */
public interface BotScopedFilter<F extends BotScopedFilter<F>> extends ListFilter {

    /** This filter, narrowed to the bots a caller may see. */
    F within(Collection<String> visibleBots);
}
