package com.crashanalytics.api.paging;

import com.crashanalytics.domain.common.paging.ListFilter;

/** The DataLoader key of a nested list's total: how many rows one parent has under the filter. */
public record ChildCount<F extends ListFilter>(String parentId, F filter) {
}
