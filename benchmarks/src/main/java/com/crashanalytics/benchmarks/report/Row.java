package com.crashanalytics.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One line of the result: a gateway figure, the baseline it is measured against (same run, same database), their
 * ratio (gateway ÷ baseline; with the range of the per-trial ratios where there were several trials), and the
 * target the ratio or the figure is held against.
 *
 * @param section       what is measured, e.g. "ingest, batched"
 * @param benchmark     the case, e.g. "logRounds, 500 rounds/request"
 * @param metric        the unit, e.g. "rounds/s", "p99 ms", "statements/query"
 * @param baseline      what the gateway is measured against; null for an absolute figure
 * @param details       everything else worth keeping (per-trial figures, CPU per operation, load averages)
 */
public record Row(String section, String benchmark, String metric, double gateway, @Nullable String baseline,
                  @Nullable Double baselineValue, @Nullable Double ratio, @Nullable Double ratioLow,
                  @Nullable Double ratioHigh, @Nullable String target, Verdict verdict, Map<String, Object> details) {

    public Row {
        details = new LinkedHashMap<>(details);
    }

    /** A gateway figure next to its baseline's, the ratio computed from the two. */
    public static Row compared(String section, String benchmark, String metric, double gateway, String baseline,
                               double baselineValue) {
        return new Row(section, benchmark, metric, gateway, baseline, baselineValue, gateway / baselineValue, null,
                null, null, Verdict.INFO, Map.of());
    }

    /** A figure with no baseline. */
    public static Row absolute(String section, String benchmark, String metric, double gateway) {
        return new Row(section, benchmark, metric, gateway, null, null, null, null, null, null, Verdict.INFO, Map.of());
    }

    /** The same row with the ratio taken as the median of per-trial ratios, and their range. */
    public Row ratio(double median, @Nullable Double low, @Nullable Double high) {
        return new Row(section, benchmark, metric, gateway, baseline, baselineValue, median, low, high, target,
                verdict, details);
    }

    public Row target(String target, boolean met) {
        return new Row(section, benchmark, metric, gateway, baseline, baselineValue, ratio, ratioLow, ratioHigh,
                target, Verdict.of(met), details);
    }

    public Row detail(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new Row(section, benchmark, metric, gateway, baseline, baselineValue, ratio, ratioLow, ratioHigh,
                target, verdict, more);
    }
}
