package com.crashanalytics.domain.common.paging;

import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A page of a filtered list: what dashboards ask every list for. Built by {@link #of}, which checks the filter and
 * the page together and reports every broken rule at once ({@code filter.botId}, {@code first}, {@code after}).
 */
public record ListQuery<F extends ListFilter>(F filter, PageRequest page) {

    public static <F extends ListFilter> ListQuery<F> of(F filter, SortOrder order, @Nullable Integer first,
                                                         @Nullable String after, @Nullable SortDirection direction) {
        Violations violations = new Violations().addAllUnder("filter", filter.violations());
        PageRequest page = PageRequest.of(first, after, direction, order, violations);
        violations.throwIfAny();
        return new ListQuery<>(filter, page);
    }

    /** The same page of a filter derived from this one (e.g. narrowed to the rows a caller may see). */
    public ListQuery<F> withFilter(F narrowed) {
        return new ListQuery<>(narrowed, page);
    }

    /** The first page of the default size, oldest first. */
    public static <F extends ListFilter> ListQuery<F> firstPage(F filter, SortOrder order) {
        return new ListQuery<>(filter, PageRequest.firstPage(order, SortDirection.ASC));
    }
}
