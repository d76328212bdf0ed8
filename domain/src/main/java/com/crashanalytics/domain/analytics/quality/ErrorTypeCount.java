package com.crashanalytics.domain.analytics.quality;

import java.time.Instant;

/**
 * How often one type of error was reported in a window ({@code error_logs} grouped by {@code error_type}).
 *
 * @param errorType   the type the bots reported, e.g. {@code OCR_FAILURE}
 * @param errors      how many errors of the type
 * @param critical    how many of them had severity CRITICAL
 * @param bots        how many distinct bots reported it
 * @param sessions    how many distinct sessions it happened in (errors outside a session not counted here)
 * @param firstSeenAt the earliest error's time
 * @param lastSeenAt  the latest error's time
 */
public record ErrorTypeCount(String errorType, long errors, long critical, long bots, long sessions, Instant firstSeenAt,
                             Instant lastSeenAt) {
}
