package com.crashanalytics.domain.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crashanalytics.domain.alert.AlertConditions.CrashSample;
import com.crashanalytics.domain.analytics.multipliers.CrashPointDistribution;
import com.crashanalytics.domain.analytics.multipliers.KolmogorovSmirnovFit;
import com.crashanalytics.domain.common.IdGenerator;
import com.crashanalytics.domain.common.ScheduledWorkLock;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.live.EventJournal;

/**
 * Evaluates every enabled rule in one transaction, on one replica at a time (the others find the lock taken and
 * skip). For each rule: where its condition holds now, compared with the episodes open since the last evaluation.
 * A new episode raises an alert (stored, journaled as {@value AlertPayload#EVENT_KIND} and queued for each of the
 * rule's channels, all in this transaction) unless the rule alerted about the same subject within its cool-down;
 * an episode whose condition no longer holds is closed, which re-arms the rule for it.
 */
public final class AlertEvaluationService implements EvaluateAlertRulesUseCase {

    private final AlertRuleBook rules;
    private final AlertConditions conditions;
    private final AlertLog log;
    private final AlertDeliveries deliveries;
    private final EventJournal journal;
    /** The name of the evaluation among the jobs one replica at a time runs ({@link ScheduledWorkLock}). */
    public static final String JOB = "alert-evaluation";

    private final ScheduledWorkLock lock;
    private final IdGenerator ids;
    private final Transactions transactions;
    private final Clock clock;

    public AlertEvaluationService(AlertRuleBook rules, AlertConditions conditions, AlertLog log,
                                  AlertDeliveries deliveries, EventJournal journal, ScheduledWorkLock lock,
                                  IdGenerator ids, Transactions transactions, Clock clock) {
        this.rules = rules;
        this.conditions = conditions;
        this.log = log;
        this.deliveries = deliveries;
        this.journal = journal;
        this.lock = lock;
        this.ids = ids;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Evaluation evaluate() {
        return transactions.inTransaction(() -> {
            if (!lock.tryHoldForTransaction(JOB)) {
                return Evaluation.SKIPPED;
            }
            Instant now = clock.instant();
            int raised = 0;
            int heldBack = 0;
            int rearmed = 0;
            for (AlertRule rule : rules.enabledRules()) {
                Set<String> open = log.openEpisodes(rule.id());
                Set<String> holding = new HashSet<>();
                for (ConditionHit hit : hitsOf(rule, now)) {
                    holding.add(hit.episodeKey());
                    if (open.contains(hit.episodeKey())) {
                        continue;
                    }
                    if (coolingDown(rule, hit.subject(), now)) {
                        log.openEpisode(rule.id(), hit.episodeKey(), hit.subject().key(), now, null);
                        heldBack++;
                    } else {
                        Alert alert = raise(rule, hit, now);
                        log.openEpisode(rule.id(), hit.episodeKey(), hit.subject().key(), now, alert.id());
                        raised++;
                    }
                }
                List<String> ended = open.stream().filter(key -> !holding.contains(key)).toList();
                log.closeEpisodes(rule.id(), ended);
                rearmed += ended.size();
            }
            return new Evaluation(true, raised, heldBack, rearmed);
        });
    }

    private List<ConditionHit> hitsOf(AlertRule rule, Instant now) {
        return rule.definition().kind() == AlertKind.RTP_DEPARTURE ? departuresFromRtp(rule) : conditions.hits(rule, now);
    }

    /** Platforms whose last sampleSize crash points fail the Kolmogorov–Smirnov test of P(crash ≥ x) = RTP / x. */
    private List<ConditionHit> departuresFromRtp(AlertRule rule) {
        List<ConditionHit> hits = new ArrayList<>();
        for (CrashSample sample : conditions.recentCrashPoints(rule)) {
            if (sample.rounds() < rule.definition().sampleSize()) {
                continue; // not enough rounds yet to test at the size the rule asks for
            }
            CrashPointDistribution law = CrashPointDistribution.withHouseEdge(sample.houseEdgePercent());
            KolmogorovSmirnovFit fit = KolmogorovSmirnovFit.of(sample.countsByValue(), sample.rounds(), law);
            if (fit != null && fit.pValue() < rule.definition().pValue()) {
                AlertSubject platform = AlertSubject.platform(sample.gameName(), sample.platformCode());
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("rounds", sample.rounds());
                figures.put("ksStatistic", fit.statistic());
                figures.put("pValue", fit.pValue());
                figures.put("returnToPlayer", law.returnToPlayer());
                hits.add(new ConditionHit(platform.key(), platform, figures));
            }
        }
        return hits;
    }

    private boolean coolingDown(AlertRule rule, AlertSubject subject, Instant now) {
        int cooldown = rule.definition().cooldownSeconds();
        return cooldown > 0 && log.lastRaisedAt(rule.id(), subject.key())
                .map(last -> last.plus(Duration.ofSeconds(cooldown)).isAfter(now))
                .orElse(false);
    }

    private Alert raise(AlertRule rule, ConditionHit hit, Instant now) {
        AlertRuleDefinition definition = rule.definition();
        Alert alert = log.raise(new Alert.Draft(rule.id(), definition.name(), definition.kind(), definition.scope(),
                hit.subject(), AlertMessages.describe(definition, hit), hit.figures(), now));
        journal.append(AlertPayload.EVENT_KIND, AlertPayload.json(alert));
        for (String channel : definition.channels()) {
            deliveries.enqueue(alert.id(), channel, ids.newId(), now);
        }
        return alert;
    }
}
