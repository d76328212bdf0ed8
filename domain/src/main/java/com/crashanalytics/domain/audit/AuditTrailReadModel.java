package com.crashanalytics.domain.audit;

import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.common.paging.SortOrder;

/** Read model: the history of configuration changes for administrators, a page at a time. */
public interface AuditTrailReadModel {

    /** In the order the changes were stored (the id's order). */
    SortOrder BY_ID = SortOrder.of("audit-by-id", SortOrder.KeyPart.NUMBER);

    Page<AuditedChange> page(ListQuery<AuditFilter> query);

    long count(AuditFilter filter);
}
