package com.crashanalytics.domain.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/** Outbound port: where a rule's condition holds now, read from the rounds, sessions, signals and heartbeats. */
public interface AlertConditions {

    /**
     * Where the condition of a rule of any kind but RTP_DEPARTURE holds at {@code now}, within the rule's scope.
     */
    List<ConditionHit> hits(AlertRule rule, Instant now);

    /**
     * For RTP_DEPARTURE: per game and platform in the rule's scope, its most recent {@code sampleSize} crash points
     * (one per game round, however many bots watched it) and its house edge.
     */
    List<CrashSample> recentCrashPoints(AlertRule rule);

    /**
     * A platform's recent crash points as a histogram.
     *
     * @param countsByValue how many rounds crashed at each shown value
     * @param rounds        the sum of the counts
     */
    record CrashSample(String gameName, String platformCode, BigDecimal houseEdgePercent,
                       SortedMap<BigDecimal, Long> countsByValue, long rounds) {
    }
}
