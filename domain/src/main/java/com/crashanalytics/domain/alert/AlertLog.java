package com.crashanalytics.domain.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Outbound port: the alerts raised and the condition episodes open now. */
public interface AlertLog {

    Alert raise(Alert.Draft draft);

    /** When this rule last raised an alert about this subject. */
    Optional<Instant> lastRaisedAt(long ruleId, String subjectKey);

    /** The episodes of a rule that are open (its condition held at the last evaluation). */
    Set<String> openEpisodes(long ruleId);

    void openEpisode(long ruleId, String episodeKey, String subjectKey, Instant openedAt, @Nullable Long alertId);

    /** Re-arms a rule for these episodes: their condition no longer holds. */
    void closeEpisodes(long ruleId, Collection<String> episodeKeys);

    /** Forgets every open episode of a rule (its definition changed: what held may no longer be an episode of it). */
    void forgetEpisodes(long ruleId);
}
