package com.crashanalytics.api.paging;

import com.crashanalytics.domain.common.paging.ListFilter;
import com.crashanalytics.domain.common.paging.ListQuery;

/**
 * The DataLoader key of a nested list: one parent's page (e.g. the rounds of one session). Parents asked with the same
 * query are read in one statement.
 */
public record ChildPage<F extends ListFilter>(String parentId, ListQuery<F> query) {
}
