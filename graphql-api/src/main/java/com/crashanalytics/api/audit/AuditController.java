package com.crashanalytics.api.audit;

import com.crashanalytics.api.paging.Connection;
import com.crashanalytics.api.paging.Connection.Counter;
import com.crashanalytics.domain.audit.AuditFilter;
import com.crashanalytics.domain.audit.AuditTrailReadModel;
import com.crashanalytics.domain.audit.AuditedChange;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.SortDirection;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The audit trail: the history of changes to bots, platforms, API keys and alert rules (ADMIN keys only). */
@Controller
class AuditController {

    private final AuditTrailReadModel trail;

    AuditController(AuditTrailReadModel trail) {
        this.trail = trail;
    }

    @QueryMapping
    Connection<AuditedChange> auditTrail(@Argument @Nullable AuditFilter filter, @Argument Integer first,
                                         @Argument String after, @Argument SortDirection direction) {
        ListQuery<AuditFilter> query = ListQuery.of(filter == null ? AuditFilter.ALL : filter, AuditTrailReadModel.BY_ID, first,
                after, direction);
        return Connection.of(trail.page(query), Counter.direct(() -> trail.count(query.filter())));
    }
}
