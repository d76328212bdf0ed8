package com.crashanalytics.domain.alert;

import java.math.BigDecimal;
import java.util.Map;

/** The one-line message of an alert, as a person reads it in Slack or Telegram, from the rule and the figures. */
final class AlertMessages {

    private AlertMessages() {
    }

    static String describe(AlertRuleDefinition rule, ConditionHit hit) {
        Map<String, Object> f = hit.figures();
        String subject = hit.subject().describe();
        String what = switch (rule.kind()) {
            case DRAWDOWN -> "Drawdown " + f.get("drawdown") + " (" + f.get("drawdownPercent") + "% of the peak "
                    + f.get("peakBalance") + ") in " + subject + " reached "
                    + (rule.amount() != null ? plain(rule.amount()) : plain(rule.percent()) + "%");
            case LOSS_STREAK -> f.get("lossStreak") + " losses in a row in " + subject + " (rule: " + rule.count() + ")";
            case BUST -> "Bust: " + subject + " is at balance 0 after " + f.get("rounds") + " rounds (started with "
                    + f.get("initialBalance") + ")";
            case STALE_SESSION -> "Silent: " + subject + " has shown no heartbeat or round for "
                    + f.get("silentSeconds") + " s (since " + f.get("lastSignOfLifeAt") + "; rule: "
                    + rule.staleAfterSeconds() + " s)";
            case BALANCE_UNDER -> "Balance " + f.get("currentBalance") + " in " + subject + " is under "
                    + plain(rule.amount());
            case NO_BIG_CRASH -> "No crash at " + plain(rule.multiplier()) + "x or more for " + f.get("roundsSince")
                    + " rounds on " + subject + " (expected every " + f.get("expectedGapRounds") + " rounds)";
            case SIGNAL_CONFIDENCE -> "Signal " + f.get("signalType") + " with confidence " + f.get("confidence")
                    + " from " + subject + " for round " + f.get("roundNumber")
                    + (f.containsKey("predictedMultiplier") ? ", predicting " + f.get("predictedMultiplier") + "x" : "");
            case PREDICTION_CONFIDENCE -> "Prediction " + f.get("predictionId") + " of " + f.get("model") + ": "
                    + f.get("prediction") + " on " + subject + " with confidence " + f.get("confidence");
            case RTP_DEPARTURE -> "Crash points of " + subject + " depart from RTP " + f.get("returnToPlayer")
                    + ": Kolmogorov-Smirnov D = " + round(f.get("ksStatistic")) + ", p = " + round(f.get("pValue"))
                    + " over the last " + f.get("rounds") + " rounds (rule: p < " + rule.pValue() + ")";
        };
        return "[" + rule.name() + "] " + what;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String round(Object value) {
        return value instanceof Double number ? String.format(java.util.Locale.ROOT, "%.3g", number) : String.valueOf(value);
    }
}
