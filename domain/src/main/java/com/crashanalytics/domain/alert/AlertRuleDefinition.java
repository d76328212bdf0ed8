package com.crashanalytics.domain.alert;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crashanalytics.domain.common.DecimalLimits;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A rule as an administrator defines it (createAlertRule, updateAlertRule). Self-validating: a name, a kind, the
 * thresholds that kind reads (and none it ignores), a scope, channel names and a cool-down. Whether the channels are
 * configured is checked by the service, which knows them.
 *
 * @param amount            money: DRAWDOWN's drawdown amount, BALANCE_UNDER's balance
 * @param percent           DRAWDOWN's drawdown as a percentage of the peak balance (give amount or percent)
 * @param count             LOSS_STREAK's losses in a row, NO_BIG_CRASH's rounds without a big crash
 * @param staleAfterSeconds STALE_SESSION's silence
 * @param multiplier        NO_BIG_CRASH's "big" crash, at least this
 * @param confidence        SIGNAL_CONFIDENCE's threshold
 * @param pValue            RTP_DEPARTURE's significance level
 * @param sampleSize        RTP_DEPARTURE's crash points tested (the most recent ones)
 * @param cooldownSeconds   after an alert of this rule about a subject, how long further episodes of that subject stay silent
 */
public record AlertRuleDefinition(String name, AlertKind kind, AlertScope scope, @Nullable BigDecimal amount,
                                  @Nullable BigDecimal percent, @Nullable Integer count,
                                  @Nullable Integer staleAfterSeconds, @Nullable BigDecimal multiplier,
                                  @Nullable Double confidence, @Nullable Double pValue, @Nullable Integer sampleSize,
                                  List<String> channels, int cooldownSeconds, boolean enabled) {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_CHANNELS = 10;
    /** Seed 002's PREDICTION_CONFIDENCE_THRESHOLD: the signal confidence worth telling someone about. */
    public static final double DEFAULT_CONFIDENCE = 0.75;
    /** Seed 002's MULTIPLIER_THRESHOLD: a "big" crash is 10x. */
    public static final BigDecimal DEFAULT_MULTIPLIER = BigDecimal.TEN;
    /** One false alarm in a thousand evaluations of a fair platform, at most. */
    public static final double DEFAULT_P_VALUE = 0.001;
    public static final int DEFAULT_SAMPLE_SIZE = 500;
    /** Below this many crash points the test tells nothing worth waking someone for. */
    public static final int MIN_SAMPLE_SIZE = 30;
    public static final int MAX_SAMPLE_SIZE = 100_000;
    public static final int MAX_COOLDOWN_SECONDS = 7 * 24 * 3600;

    /** Which thresholds each kind reads; giving another one is a mistake worth telling. */
    private static final Map<AlertKind, Set<String>> THRESHOLDS_OF = Map.of(
            AlertKind.DRAWDOWN, Set.of("amount", "percent"),
            AlertKind.LOSS_STREAK, Set.of("count"),
            AlertKind.BUST, Set.of(),
            AlertKind.STALE_SESSION, Set.of("staleAfterSeconds"),
            AlertKind.BALANCE_UNDER, Set.of("amount"),
            AlertKind.NO_BIG_CRASH, Set.of("count", "multiplier"),
            AlertKind.SIGNAL_CONFIDENCE, Set.of("confidence"),
            AlertKind.PREDICTION_CONFIDENCE, Set.of("confidence"),
            AlertKind.RTP_DEPARTURE, Set.of("pValue", "sampleSize"));

    /** The definition as a client sent it, with the defaults of the thresholds a kind may leave out. */
    public static AlertRuleDefinition of(@Nullable String name, @Nullable AlertKind kind,
                                         @Nullable List<String> botIds, @Nullable List<String> strategyNames,
                                         @Nullable List<String> gameNames, @Nullable List<String> platformCodes,
                                         @Nullable BigDecimal amount, @Nullable BigDecimal percent,
                                         @Nullable Integer count, @Nullable Integer staleAfterSeconds,
                                         @Nullable BigDecimal multiplier, @Nullable Double confidence,
                                         @Nullable Double pValue, @Nullable Integer sampleSize,
                                         @Nullable List<String> channels, @Nullable Integer cooldownSeconds,
                                         @Nullable Boolean enabled) {
        Violations violations = new Violations().identifier("name", name, MAX_NAME_LENGTH);
        AlertScope scope = AlertScope.checked(botIds, strategyNames, gameNames, platformCodes, violations);
        if (kind == null) {
            violations.add("kind", "REQUIRED", "is required");
        } else {
            Map<String, @Nullable Object> given = new LinkedHashMap<>();
            given.put("amount", amount);
            given.put("percent", percent);
            given.put("count", count);
            given.put("staleAfterSeconds", staleAfterSeconds);
            given.put("multiplier", multiplier);
            given.put("confidence", confidence);
            given.put("pValue", pValue);
            given.put("sampleSize", sampleSize);
            given.forEach((field, value) -> violations.check(value == null || THRESHOLDS_OF.get(kind).contains(field),
                    field, "NOT_FOR_KIND", "a " + kind + " rule does not read " + field + "; it reads "
                            + (THRESHOLDS_OF.get(kind).isEmpty() ? "no threshold" : String.join(", ", THRESHOLDS_OF.get(kind)))));
            switch (kind) {
                case DRAWDOWN -> {
                    violations.check((amount == null) != (percent == null), "amount", "EXACTLY_ONE",
                            "a DRAWDOWN rule takes exactly one of amount and percent");
                    positiveMoney(violations, "amount", amount);
                    if (percent != null) {
                        violations.check(percent.signum() > 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0,
                                "percent", "PERCENT_RANGE", "must be above 0 and at most 100 (got " + percent.toPlainString() + ")");
                    }
                }
                case BALANCE_UNDER -> {
                    violations.check(amount != null, "amount", "REQUIRED", "a BALANCE_UNDER rule needs the amount");
                    positiveMoney(violations, "amount", amount);
                }
                case LOSS_STREAK -> atLeast(violations, "count", count, 1, "a LOSS_STREAK rule needs the streak length");
                case STALE_SESSION -> atLeast(violations, "staleAfterSeconds", staleAfterSeconds, 10,
                        "a STALE_SESSION rule needs the silence, in seconds");
                case NO_BIG_CRASH -> {
                    atLeast(violations, "count", count, 1, "a NO_BIG_CRASH rule needs the number of rounds");
                    multiplier = multiplier == null ? DEFAULT_MULTIPLIER : multiplier;
                    violations.multiplier("multiplier", multiplier);
                    violations.check(multiplier.compareTo(BigDecimal.ONE) > 0, "multiplier", "ABOVE_ONE",
                            "a big crash is above 1.00x (got " + multiplier.toPlainString() + ")");
                }
                case SIGNAL_CONFIDENCE, PREDICTION_CONFIDENCE -> {
                    confidence = confidence == null ? DEFAULT_CONFIDENCE : confidence;
                    violations.unitInterval("confidence", confidence);
                }
                case RTP_DEPARTURE -> {
                    pValue = pValue == null ? DEFAULT_P_VALUE : pValue;
                    sampleSize = sampleSize == null ? DEFAULT_SAMPLE_SIZE : sampleSize;
                    violations.check(!pValue.isNaN() && pValue > 0 && pValue < 1, "pValue", "OPEN_UNIT_INTERVAL",
                            "must be above 0 and below 1 (got " + pValue + ")");
                    violations.check(sampleSize >= MIN_SAMPLE_SIZE && sampleSize <= MAX_SAMPLE_SIZE, "sampleSize",
                            "RANGE", "must be " + MIN_SAMPLE_SIZE + " to " + MAX_SAMPLE_SIZE + " (got " + sampleSize + ")");
                }
                case BUST -> {
                }
            }
        }
        List<String> channelNames = channels == null ? List.of() : List.copyOf(new LinkedHashSet<>(channels));
        violations.check(channelNames.size() <= MAX_CHANNELS, "channels", "MAX_ITEMS",
                "at most " + MAX_CHANNELS + " channels (got " + channelNames.size() + ")");
        for (int i = 0; i < channelNames.size() && i < MAX_CHANNELS; i++) {
            violations.code("channels[" + i + "]", channelNames.get(i), 50);
        }
        int cooldown = cooldownSeconds == null ? 0 : cooldownSeconds;
        violations.check(cooldown >= 0 && cooldown <= MAX_COOLDOWN_SECONDS, "cooldownSeconds", "RANGE",
                "must be 0 to " + MAX_COOLDOWN_SECONDS + " (got " + cooldown + ")");
        violations.throwIfAny();
        return new AlertRuleDefinition(name, kind, scope, amount, percent, count, staleAfterSeconds, multiplier,
                confidence, pValue, sampleSize, channelNames, cooldown, enabled == null || enabled);
    }

    private static void positiveMoney(Violations violations, String field, @Nullable BigDecimal value) {
        if (value != null) {
            violations.amount(field, value, DecimalLimits.MONEY);
            violations.check(value.signum() > 0, field, "POSITIVE", "must be above 0 (got " + value.toPlainString() + ")");
        }
    }

    private static void atLeast(Violations violations, String field, @Nullable Integer value, int least, String required) {
        if (value == null) {
            violations.add(field, "REQUIRED", required);
        } else {
            violations.check(value >= least, field, "MIN", "must be at least " + least + " (got " + value + ")");
        }
    }
}
