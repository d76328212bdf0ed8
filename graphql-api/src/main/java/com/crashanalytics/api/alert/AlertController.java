package com.crashanalytics.api.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.api.paging.Connection;
import com.crashanalytics.api.paging.Connection.Counter;
import com.crashanalytics.domain.alert.Alert;
import com.crashanalytics.domain.alert.AlertChannels;
import com.crashanalytics.domain.alert.AlertDelivery;
import com.crashanalytics.domain.alert.AlertKind;
import com.crashanalytics.domain.alert.AlertListFilter;
import com.crashanalytics.domain.alert.AlertReadModel;
import com.crashanalytics.domain.alert.AlertRule;
import com.crashanalytics.domain.alert.AlertRuleService;
import com.crashanalytics.domain.alert.AlertScope;
import com.crashanalytics.domain.alert.DeliveryStatus;
import com.crashanalytics.domain.alert.ManageAlertRulesUseCase;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.SortDirection;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Alert rules (managed by administrators), the alerts they raised, their deliveries and the configured channels. */
@Controller
class AlertController {

    private final ManageAlertRulesUseCase manage;
    private final AlertReadModel reads;
    private final AlertSettings settings;

    AlertController(ManageAlertRulesUseCase manage, AlertReadModel reads, AlertSettings settings) {
        this.manage = manage;
        this.reads = reads;
        this.settings = settings;
    }

    @MutationMapping
    RulePayload createAlertRule(@Argument AlertRuleInputs.CreateInput input) {
        return new RulePayload(RuleView.of(manage.create(input.toDefinition())));
    }

    @MutationMapping
    RulePayload updateAlertRule(@Argument AlertRuleInputs.UpdateInput input) {
        return new RulePayload(RuleView.of(manage.update(input.id(), input.toDefinition())));
    }

    @MutationMapping
    RulePayload deleteAlertRule(@Argument AlertRuleInputs.DeleteInput input) {
        return new RulePayload(RuleView.of(manage.delete(input.id())));
    }

    @QueryMapping
    Connection<RuleView> alertRules(@Argument Integer first, @Argument String after) {
        ListQuery<AlertListFilter> query = ListQuery.of(AlertListFilter.ALL, AlertReadModel.RULES_BY_ID, first, after,
                null);
        return Connection.of(reads.rules(query).map(RuleView::of),
                Counter.direct(() -> reads.countRules(query.filter())));
    }

    @QueryMapping
    Connection<Alert> alerts(@Argument @Nullable String ruleId, @Argument Integer first, @Argument String after,
                             @Argument SortDirection direction) {
        AlertListFilter filter = new AlertListFilter(ruleId == null ? null : AlertRuleService.parseId("ruleId", ruleId),
                null, null);
        ListQuery<AlertListFilter> query = ListQuery.of(filter, AlertReadModel.ALERTS_BY_ID, first, after, direction);
        return Connection.of(reads.alerts(query), Counter.direct(() -> reads.countAlerts(query.filter())));
    }

    @QueryMapping
    Connection<AlertDelivery> alertDeliveries(@Argument @Nullable String alertId, @Argument @Nullable DeliveryStatus status,
                                              @Argument Integer first, @Argument String after,
                                              @Argument SortDirection direction) {
        AlertListFilter filter = new AlertListFilter(null,
                alertId == null ? null : AlertRuleService.parseId("alertId", alertId), status);
        ListQuery<AlertListFilter> query = ListQuery.of(filter, AlertReadModel.DELIVERIES_BY_ID, first, after,
                direction);
        return Connection.of(reads.deliveries(query), Counter.direct(() -> reads.countDeliveries(query.filter())));
    }

    @QueryMapping
    List<AlertChannels.Channel> alertChannels() {
        return settings.configuredChannels();
    }

    /** The GraphQL {@code AlertRulePayload}. */
    record RulePayload(RuleView rule) {
    }

    /** The GraphQL {@code AlertRule}: the definition's fields at the top. */
    record RuleView(long id, String name, AlertKind kind, AlertScope scope, @Nullable BigDecimal amount,
                    @Nullable BigDecimal percent, @Nullable Integer count, @Nullable Integer staleAfterSeconds,
                    @Nullable BigDecimal multiplier, @Nullable Double confidence, @Nullable Double pValue,
                    @Nullable Integer sampleSize, List<String> channels, int cooldownSeconds, boolean enabled,
                    Instant createdAt, Instant updatedAt) {

        static RuleView of(AlertRule rule) {
            var d = rule.definition();
            return new RuleView(rule.id(), d.name(), d.kind(), d.scope(), d.amount(), d.percent(), d.count(),
                    d.staleAfterSeconds(), d.multiplier(), d.confidence(), d.pValue(), d.sampleSize(), d.channels(),
                    d.cooldownSeconds(), d.enabled(), rule.createdAt(), rule.updatedAt());
        }
    }
}
