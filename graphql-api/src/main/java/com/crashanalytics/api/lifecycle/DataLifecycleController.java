package com.crashanalytics.api.lifecycle;

import com.crashanalytics.domain.lifecycle.CleanupOldRecordsUseCase;
import com.crashanalytics.domain.lifecycle.CleanupReport;
import com.crashanalytics.domain.lifecycle.DatabaseSize;
import com.crashanalytics.domain.lifecycle.DatabaseSizeReadModel;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The database's size and retention on demand (both ADMIN only, see GatewayAccessPolicies). */
@Controller
class DataLifecycleController {

    private final DatabaseSizeReadModel sizes;
    private final CleanupOldRecordsUseCase retention;

    DataLifecycleController(DatabaseSizeReadModel sizes, CleanupOldRecordsUseCase retention) {
        this.sizes = sizes;
        this.retention = retention;
    }

    @QueryMapping
    DatabaseSize databaseSize() {
        return sizes.databaseSize();
    }

    @MutationMapping
    CleanupReport cleanupOldRecords(@Argument @Nullable Boolean dryRun) {
        return retention.cleanup(Boolean.TRUE.equals(dryRun)); // an explicit null means the default, false
    }
}
