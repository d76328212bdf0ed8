package com.crashanalytics.domain.audit;

import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.common.paging.SortOrder;

/** Outbound port: the append-only history of configuration changes. */
public interface AuditTrail {

    /** In the order the changes were stored (the id's order). */
    SortOrder BY_ID = SortOrder.of("audit-by-id", SortOrder.KeyPart.NUMBER);

    /** Stores a change (its id and key label are ignored), in the transaction of the change itself. */
    void append(AuditedChange change);

    Page<AuditedChange> page(ListQuery<AuditFilter> query);

    long count(AuditFilter filter);
}
