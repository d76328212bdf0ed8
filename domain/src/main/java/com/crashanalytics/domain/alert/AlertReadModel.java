package com.crashanalytics.domain.alert;

import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.common.paging.SortOrder;

/**
 * Outbound port (read model): the alert rules, the alerts they raised and their deliveries, as administrators page
 * through them. The rule evaluation and the deliveries write through {@link AlertRuleBook}, {@link AlertLog} and
 * {@link AlertDeliveries}.
 */
public interface AlertReadModel {

    /** Rules oldest first, by id. */
    SortOrder RULES_BY_ID = SortOrder.of("alert-rules-by-id", SortOrder.KeyPart.NUMBER);
    /** Alerts by id (the order they were raised in). */
    SortOrder ALERTS_BY_ID = SortOrder.of("alerts-by-id", SortOrder.KeyPart.NUMBER);
    /** Deliveries by id (the order they were queued in). */
    SortOrder DELIVERIES_BY_ID = SortOrder.of("alert-deliveries-by-id", SortOrder.KeyPart.NUMBER);

    /** A page of the rules, in {@link #RULES_BY_ID} order. */
    Page<AlertRule> rules(ListQuery<AlertListFilter> query);

    long countRules(AlertListFilter filter);

    /** A page of the alerts the filter selects, in {@link #ALERTS_BY_ID} order. */
    Page<Alert> alerts(ListQuery<AlertListFilter> query);

    long countAlerts(AlertListFilter filter);

    /** A page of the deliveries the filter selects, in {@link #DELIVERIES_BY_ID} order. */
    Page<AlertDelivery> deliveries(ListQuery<AlertListFilter> query);

    long countDeliveries(AlertListFilter filter);
}
