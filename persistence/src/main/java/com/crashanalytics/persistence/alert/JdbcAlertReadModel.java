package com.crashanalytics.persistence.alert;

import java.util.Optional;

import com.crashanalytics.domain.alert.Alert;
import com.crashanalytics.domain.alert.AlertDelivery;
import com.crashanalytics.domain.alert.AlertListFilter;
import com.crashanalytics.domain.alert.AlertReadModel;
import com.crashanalytics.domain.alert.AlertRule;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alert rules, alerts and deliveries for administrators: pages by id. The keyset SQL of each table stays next to the
 * table's other statements (in the adapters the use cases write through); this only opens it to the read side.
 */
public class JdbcAlertReadModel implements AlertReadModel {

    private final JdbcAlertRuleBook rules;
    private final JdbcAlertLog alerts;
    private final JdbcAlertDeliveries deliveries;

    public JdbcAlertReadModel(JdbcClient jdbc) {
        this.rules = new JdbcAlertRuleBook(jdbc, Optional::empty); // reads only: it never names an author
        this.alerts = new JdbcAlertLog(jdbc);
        this.deliveries = new JdbcAlertDeliveries(jdbc);
    }

    @Override
    public Page<AlertRule> rules(ListQuery<AlertListFilter> query) {
        return rules.page(query);
    }

    @Override
    public long countRules(AlertListFilter filter) {
        return rules.count(filter);
    }

    @Override
    public Page<Alert> alerts(ListQuery<AlertListFilter> query) {
        return alerts.page(query);
    }

    @Override
    public long countAlerts(AlertListFilter filter) {
        return alerts.count(filter);
    }

    @Override
    public Page<AlertDelivery> deliveries(ListQuery<AlertListFilter> query) {
        return deliveries.page(query);
    }

    @Override
    public long countDeliveries(AlertListFilter filter) {
        return deliveries.count(filter);
    }
}
