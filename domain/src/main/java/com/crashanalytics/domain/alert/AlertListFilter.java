package com.crashanalytics.domain.alert;

import java.util.List;

import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.common.paging.ListFilter;
import org.jspecify.annotations.Nullable;

/**
 * What narrows the alert lists down: the alerts of one rule, the deliveries of one alert or in one status. Each list
 * reads the criteria that apply to it ({@code alertRules} none, {@code alerts} ruleId, {@code alertDeliveries}
 * alertId and status).
 */
public record AlertListFilter(@Nullable Long ruleId, @Nullable Long alertId, @Nullable DeliveryStatus status)
        implements ListFilter {

    public static final AlertListFilter ALL = new AlertListFilter(null, null, null);

    @Override
    public List<Violation> violations() {
        return List.of();
    }
}
