package com.crashanalytics.domain.alert;

/** What an alert rule watches. Each kind reads the thresholds it names and refuses the others. */
public enum AlertKind {
    /** A session's current drawdown (peak balance − current balance) reaches {@code amount} or {@code percent} of the peak. */
    DRAWDOWN(SubjectKind.SESSION),
    /** A session's current loss streak reaches {@code count} losses in a row. */
    LOSS_STREAK(SubjectKind.SESSION),
    /** A session's balance reaches 0 after it played. */
    BUST(SubjectKind.SESSION),
    /** An active session shows no sign of life (start, heartbeat, round) for {@code staleAfterSeconds}. */
    STALE_SESSION(SubjectKind.SESSION),
    /** An active session's balance is below {@code amount}. */
    BALANCE_UNDER(SubjectKind.SESSION),
    /** A game on a platform has gone {@code count} rounds without a crash at or above {@code multiplier}. */
    NO_BIG_CRASH(SubjectKind.PLATFORM),
    /** A bot logged a signal with a confidence at or above {@code confidence}. */
    SIGNAL_CONFIDENCE(SubjectKind.BOT),
    /**
     * A model logged a prediction about a game with a confidence at or above {@code confidence}: seed 002's
     * announcement of high-confidence predictions (PREDICTION_CONFIDENCE_THRESHOLD).
     */
    PREDICTION_CONFIDENCE(SubjectKind.PLATFORM),
    /** A platform's last {@code sampleSize} crash points fail the Kolmogorov–Smirnov test of its RTP law below {@code pValue}. */
    RTP_DEPARTURE(SubjectKind.PLATFORM);

    private final SubjectKind subjectKind;

    AlertKind(SubjectKind subjectKind) {
        this.subjectKind = subjectKind;
    }

    /** What an alert of this kind is about. */
    public SubjectKind subjectKind() {
        return subjectKind;
    }

    /** What an alert is about: a session (and its bot), a bot, or a game on a platform. */
    public enum SubjectKind {
        SESSION, BOT, PLATFORM
    }
}
