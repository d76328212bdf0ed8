package com.crashanalytics.api.round;

import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crashanalytics.domain.round.RoundReadModel.Analytics;
import com.crashanalytics.domain.round.RoundReadModel.Detail;
import com.crashanalytics.domain.round.RoundReadModel.Reading;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;

/**
 * What of its rounds a round connection's document shows, as the {@link Reading} its list is read with: its rounds'
 * analytics when {@code outcome} is asked, and the {@link Detail} behind each field asked, through fragments and
 * aliases too (a field skipped by {@code @skip} or {@code @include} does not count). A field this does not know reads
 * the whole round, so a field added to the schema and not here is answered right, only not as cheaply.
 */
final class RoundReadings {

    /** The fields each of which shows one detail of the round. */
    static final Map<String, Detail> DETAIL_OF_FIELD = Map.ofEntries(
            entry("gameName", Detail.GAME_NAME),
            entry("platformCode", Detail.PLATFORM_CODE),
            entry("roundExternalId", Detail.ROUND_EXTERNAL_ID),
            entry("roundEndTimestamp", Detail.ROUND_END_TIMESTAMP),
            entry("durationSeconds", Detail.DURATION_SECONDS),
            entry("stakeValue", Detail.STAKE_VALUE),
            entry("strategyName", Detail.STRATEGY_NAME),
            entry("strategyStep", Detail.STRATEGY_STEP),
            entry("targetMultiplier", Detail.TARGET_MULTIPLIER),
            entry("crashMultiplier", Detail.CRASH_MULTIPLIER),
            entry("cashoutMultiplier", Detail.CASHOUT_MULTIPLIER),
            entry("finalMultiplier", Detail.FINAL_MULTIPLIER),
            entry("multiplierSource", Detail.MULTIPLIER_SOURCE),
            entry("cashoutAmount", Detail.CASHOUT_AMOUNT),
            entry("profitLoss", Detail.PROFIT_LOSS),
            entry("runningBalanceBefore", Detail.RUNNING_BALANCE_BEFORE),
            entry("runningBalanceAfter", Detail.RUNNING_BALANCE_AFTER),
            entry("roiPercent", Detail.ROI_PERCENT),
            entry("ocrText", Detail.OCR_TEXT),
            entry("ocrCleanedValue", Detail.OCR_CLEANED_VALUE),
            entry("ocrConfidence", Detail.OCR_CONFIDENCE),
            entry("cashoutDetectionConfidence", Detail.CASHOUT_DETECTION_CONFIDENCE),
            entry("screenshotReferenceId", Detail.SCREENSHOT_REFERENCE_ID),
            entry("roundOutcome", Detail.ROUND_OUTCOME),
            entry("errorType", Detail.ERROR_TYPE),
            entry("errorDescription", Detail.ERROR_DESCRIPTION),
            entry("recoveryActionTaken", Detail.RECOVERY_ACTION_TAKEN),
            entry("retryCount", Detail.RETRY_COUNT),
            entry("metadata", Detail.METADATA),
            entry("dataQualityFlags", Detail.DATA_QUALITY_FLAGS),
            entry("loggedAt", Detail.LOGGED_AT));

    /**
     * The fields a round answers from its identity alone (id, bot, session, number, start), which every reading
     * brings, or from loaders of their own keyed by it; {@code outcome} decides the analytics.
     */
    static final Set<String> IDENTITY_FIELDS = Set.of("id", "botId", "sessionId", "roundNumber", "roundStartTimestamp",
            "outcome", "bot", "session", "multipliers", "signals", "ocrValidations", "errors", "__typename");

    private RoundReadings() {
    }

    /**
     * The reading a round connection's selection asks for. It walks the selection's levels (edges, node, its fields)
     * rather than matching a pattern: a nested list asks once per parent (100 times in a 10 × 10 dashboard), and
     * graphql-java compiles a pattern on every call.
     */
    static Reading askedIn(DataFetchingFieldSelectionSet connection) {
        Analytics analytics = Analytics.LEFT_OUT;
        Set<Detail> details = EnumSet.noneOf(Detail.class);
        boolean unknown = false;
        for (SelectedField field : roundFields(connection)) {
            Detail detail = DETAIL_OF_FIELD.get(field.getName());
            if (detail != null) {
                details.add(detail);
            } else if (field.getName().equals("outcome")) {
                analytics = Analytics.INCLUDED;
            } else if (!IDENTITY_FIELDS.contains(field.getName())) {
                unknown = true;
            }
        }
        return unknown ? Reading.everything(analytics) : new Reading(analytics, details);
    }

    /** The fields asked of the connection's rounds ({@code edges { node { ... } }}). */
    private static List<SelectedField> roundFields(DataFetchingFieldSelectionSet connection) {
        List<SelectedField> fields = new ArrayList<>();
        for (SelectedField edges : connection.getImmediateFields()) {
            if (edges.getName().equals("edges")) {
                for (SelectedField node : edges.getSelectionSet().getImmediateFields()) {
                    if (node.getName().equals("node")) {
                        fields.addAll(node.getSelectionSet().getImmediateFields());
                    }
                }
            }
        }
        return fields;
    }
}
