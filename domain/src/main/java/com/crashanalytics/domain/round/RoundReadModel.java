package com.crashanalytics.domain.round;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.common.paging.SortOrder;
import com.crashanalytics.domain.common.paging.SortOrder.KeyPart;

/**
 * Outbound port (read model): rounds and what was observed during them, as dashboards walk them: a page of rounds,
 * the same page for many bots or sessions at once, and the samples and signals of many rounds at once. Every method
 * answers for all the parents it is given in one query, never one per parent.
 */
public interface RoundReadModel {

    /** Rounds by start time, then id (time-ordered UUIDv7, so in the order they were logged). */
    SortOrder BY_START = SortOrder.of("rounds-by-start", KeyPart.TIME, KeyPart.UUID);
    /** A session's rounds by the number the bot gave them, which is unique within the session. */
    SortOrder BY_NUMBER = SortOrder.of("rounds-by-number", KeyPart.NUMBER);

    /**
     * Whether a list read brings each round's {@link RoundAnalytics} or leaves them out ({@link Round#analytics()} is
     * then null). They live in a table of their own, a row per round, so a page that does not show them (100 rounds
     * with their stakes and results) is read in a third of the time without; {@link #analyticsOf} reads them for such
     * rounds later, should they be wanted after all.
     */
    enum Analytics { INCLUDED, LEFT_OUT }

    /**
     * What a round holds beyond its identity (id, bot, session, number and start, which every read brings): a list
     * read may leave any of them out, and the {@link Round} it answers then holds null for it (an empty set of flags,
     * no retries). A page of 100 rounds that shows five of them sends a seventh of a round's columns, and none of the
     * costly ones: the metadata document, parsed per row, and the flags' array.
     */
    enum Detail {
        GAME_NAME, PLATFORM_CODE, ROUND_EXTERNAL_ID, ROUND_END_TIMESTAMP, DURATION_SECONDS, STAKE_VALUE, STRATEGY_NAME,
        STRATEGY_STEP, TARGET_MULTIPLIER, CRASH_MULTIPLIER, CASHOUT_MULTIPLIER, FINAL_MULTIPLIER, MULTIPLIER_SOURCE,
        CASHOUT_AMOUNT, PROFIT_LOSS, RUNNING_BALANCE_BEFORE, RUNNING_BALANCE_AFTER, ROI_PERCENT, OCR_TEXT,
        OCR_CLEANED_VALUE, OCR_CONFIDENCE, CASHOUT_DETECTION_CONFIDENCE, SCREENSHOT_REFERENCE_ID, ROUND_OUTCOME,
        ERROR_TYPE, ERROR_DESCRIPTION, RECOVERY_ACTION_TAKEN, RETRY_COUNT, METADATA, DATA_QUALITY_FLAGS,
        CONTENT_FINGERPRINT, LOGGED_AT
    }

    /**
     * What of each round a list read brings: its analytics or not, and which {@link Detail}s. Code that works on the
     * rounds it reads (rather than showing some of their values) reads {@link #EVERYTHING}.
     */
    record Reading(Analytics analytics, Set<Detail> details) {

        public static final Reading EVERYTHING = new Reading(Analytics.INCLUDED, EnumSet.allOf(Detail.class));

        public Reading {
            details = details.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(details));
        }

        /** Every detail, with or without the analytics. */
        public static Reading everything(Analytics analytics) {
            return new Reading(analytics, EVERYTHING.details);
        }

        public boolean includes(Detail detail) {
            return details.contains(detail);
        }
    }

    /**
     * What a signal holds beyond its identity (id, round, bot, session, round number and time, which every read
     * brings): a read of rounds' signals may leave any of them out, and the {@link Signal} it answers then holds null
     * for it (0 for its confidence). A dashboard showing each signal's type and whether it was right reads 8 of a
     * signal's 19 columns, none of them a decimal.
     */
    enum SignalDetail {
        SIGNAL_TYPE, CLIENT_SIGNAL_ID, CONFIDENCE_SCORE, PREDICTED_MULTIPLIER, TIME_TO_CRASH_PREDICTED_MS, PATTERN_TYPE,
        FEATURE_VECTOR, SIGNAL_CORRECTNESS, ACTUAL_MULTIPLIER, PREDICTION_ERROR, GAME_NAME, PLATFORM_CODE,
        CONTENT_FINGERPRINT
    }

    /**
     * Which {@link SignalDetail}s a read of signals brings. Code that works on the signals it reads (rather than
     * showing some of their values) reads {@link #EVERYTHING}.
     */
    record SignalReading(Set<SignalDetail> details) {

        public static final SignalReading EVERYTHING = new SignalReading(EnumSet.allOf(SignalDetail.class));

        public SignalReading {
            details = details.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(details));
        }
    }

    /** A page of the rounds the filter selects, in {@link #BY_START} order. */
    Page<Round> rounds(ListQuery<RoundFilter> query, Reading reading);

    /** For each bot, the same page of its rounds the filter selects, in {@link #BY_START} order. */
    Map<String, Page<Round>> roundsOfBots(Collection<String> botIds, ListQuery<RoundFilter> query, Reading reading);

    /** For each session, the same page of its rounds the filter selects, in {@link #BY_NUMBER} order. */
    Map<String, Page<Round>> roundsOfSessions(Collection<String> sessionIds, ListQuery<RoundFilter> query,
                                              Reading reading);

    long count(RoundFilter filter);

    Map<String, Long> countRoundsOfBots(Collection<String> botIds, RoundFilter filter);

    Map<String, Long> countRoundsOfSessions(Collection<String> sessionIds, RoundFilter filter);

    /** The rounds with these keys that are logged, in no particular order. */
    List<Round> findAll(Collection<RoundKey> keys);

    /** The rounds with these ids that are logged, in no particular order. */
    List<Round> findAllById(Collection<UUID> ids);

    /** The round with this id, if one is logged. */
    default Optional<Round> find(UUID id) {
        return findAllById(List.of(id)).stream().findFirst();
    }

    /**
     * The multiplier samples of each logged round, by sample index (an empty list for a round without any). A round's
     * start time is that of its row; one known only from a report (not read back) may carry more precision than the
     * database keeps, which the match allows for.
     */
    Map<LoggedRoundKey, List<MultiplierSample>> samplesOf(Collection<LoggedRoundKey> rounds);

    /**
     * The signals of each logged round, by emission time then id (an empty list for one without any), as above, with
     * the details the reading asks for.
     */
    Map<LoggedRoundKey, List<Signal>> signalsOf(Collection<LoggedRoundKey> rounds, SignalReading reading);

    /** The analytics of each logged round (read with {@link Analytics#LEFT_OUT}); rounds not logged are absent. */
    Map<LoggedRoundKey, RoundAnalytics> analyticsOf(Collection<LoggedRoundKey> rounds);
}
