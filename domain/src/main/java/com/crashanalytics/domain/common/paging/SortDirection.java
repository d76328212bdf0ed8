package com.crashanalytics.domain.common.paging;

/** Which way a list runs along its order. */
public enum SortDirection {
    /** Ascending: oldest (or lowest-numbered) first. */
    ASC,
    /** Descending: newest (or highest-numbered) first. */
    DESC
}
