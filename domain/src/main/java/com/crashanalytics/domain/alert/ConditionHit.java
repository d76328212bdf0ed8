package com.crashanalytics.domain.alert;

import java.util.Map;

/**
 * One place where a rule's condition holds now.
 *
 * @param episodeKey what the episode is: the subject for lasting states (a session in drawdown), the event for
 *                   one-off ones (a confident signal), so each is alerted once while it lasts
 * @param subject    what it is about
 * @param figures    the numbers behind it (drawdown, streak, p-value...), by name, as JSON numbers and strings
 */
public record ConditionHit(String episodeKey, AlertSubject subject, Map<String, Object> figures) {

    public ConditionHit {
        figures = Map.copyOf(figures);
    }
}
